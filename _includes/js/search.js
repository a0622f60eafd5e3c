// Turns the search page's plain list into a live search when Pagefind's script has loaded.
// The paths carry the build's path prefix (the page writes them into data attributes).
// Without the index (`npm start` does not build one; or it failed to load) the page says so, above the lists.
(function () {
  var element = document.getElementById('search');
  if (!element) return;
  if (typeof window.PagefindUI !== 'function') {
    var note = document.createElement('p');
    note.className = 'search-unavailable';
    note.setAttribute('role', 'status');
    note.textContent =
      'Search is not available on this copy of the site: it has no search index (npm run build makes one; ' +
      'the npm start preview does not). Every fact-check and source text is listed below.';
    element.appendChild(note);
    return;
  }
  new window.PagefindUI({
    element: '#search',
    bundlePath: element.getAttribute('data-bundle'),
    baseUrl: element.getAttribute('data-base-url'),
    showImages: false,
    showSubResults: true,
  });
})();
