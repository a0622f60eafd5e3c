// Turns the search page's plain list into a live search when Pagefind's script has loaded.
// The paths carry the build's path prefix (the page writes them into data attributes); a large site has
// several indexes (data-merge), searched together. Each fact-check's result shows its rating (the
// record's "rating" meta, src/eleventy/search-records.ts); the filters are the records' own.
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
  var baseUrl = element.getAttribute('data-base-url');
  var merge = (element.getAttribute('data-merge') || '').split(' ').filter(Boolean);
  new window.PagefindUI({
    element: '#search',
    bundlePath: element.getAttribute('data-bundle'),
    baseUrl: baseUrl,
    mergeIndex: merge.map(function (bundlePath) {
      return { bundlePath: bundlePath, baseUrl: baseUrl };
    }),
    showImages: false,
  });

  // Pagefind's UI prints a result's meta as "Rating: <label>" tags below it; a fact-check's rating is
  // shown at the start of its title instead, as the site's badge (text first; the colour only decorates).
  var ratings = JSON.parse(element.getAttribute('data-ratings') || '{}');
  function badgeRatings() {
    var tags = element.querySelectorAll('.pagefind-ui__result-tag[data-pagefind-ui-meta="rating"]:not([hidden])');
    for (var i = 0; i < tags.length; i++) {
      var tag = tags[i];
      var label = tag.textContent.replace(/^\s*Rating:\s*/, '').trim();
      var title = tag.closest('.pagefind-ui__result').querySelector('.pagefind-ui__result-title');
      var badge = document.createElement('span');
      badge.className = 'badge';
      if (Object.prototype.hasOwnProperty.call(ratings, label)) badge.setAttribute('data-rating', ratings[label]);
      var hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = 'Rating: ';
      badge.appendChild(hidden);
      badge.appendChild(document.createTextNode(label));
      title.insertBefore(badge, title.firstChild);
      // Hidden rather than removed: the element is Pagefind's to remove.
      tag.hidden = true;
      if (!tag.parentNode.querySelector('.pagefind-ui__result-tag:not([hidden])')) tag.parentNode.hidden = true;
    }
  }
  new MutationObserver(badgeRatings).observe(element, { childList: true, subtree: true });
})();
