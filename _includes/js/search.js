// Turns the search page's plain list into a live search when Pagefind's script has loaded.
// The paths carry the build's path prefix (the page writes them into data attributes).
(function () {
  var element = document.getElementById('search');
  if (!element || typeof window.PagefindUI !== 'function') return;
  new window.PagefindUI({
    element: '#search',
    bundlePath: element.getAttribute('data-bundle'),
    baseUrl: element.getAttribute('data-base-url'),
    showImages: false,
    showSubResults: true,
  });
})();
