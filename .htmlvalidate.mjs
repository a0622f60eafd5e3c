// html-validate for the built site: `npx html-validate _site` and test/browser/html-and-links.test.ts,
// which validates every page of a root and a path-prefixed build with it.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Off: a page's <title> is the verdict's (or seed's) headline plus the site name. Fact-check headlines
    // are full sentences that carry the finding ("…, but not that this was the only goal"); cutting them
    // at the rule's 70 characters (a search-snippet length) would drop the finding from tabs, bookmarks
    // and what screen readers announce on arrival.
    'long-title': 'off',
  },
};
