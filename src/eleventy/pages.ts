// The site's own pages (everything but the verdicts and content/*.md) are registered as virtual
// templates, so any project folder with seeds/ and content/ builds the whole site: the sample, a
// newsroom's fork, or a test fixture. Their data is here; their markup is a layout in _includes/pages/
// over an empty template: Eleventy compiles a layout once, but a paginated template's own content and
// string permalink once per page (1000 compiles of the seed page at 1000 seeds).
import type { UserConfig } from '@11ty/eleventy';
import type { Listing, RatingPage, SeedPage } from './site-data.ts';
import type { ComparePage } from './provenance-data.ts';
import type { Redirect } from '../redirects.ts';
import type { Verdict } from '../types.ts';
import { claimReviewFeedUrl, notFoundUrl, searchUrl, sitemapUrl } from '../urls.ts';
import { redirectPagePath } from '../redirects.ts';

type Data = Record<string, unknown>;

const NOT_LISTED = { eleventyExcludeFromCollections: true };

/**
 * One page per item of a SiteData list (`fc.<list>`), at the item's own URL, titled by `title`. Kept out of
 * Eleventy's collections: the site lists pages from the model (see front-matter.ts).
 */
function pagePerItem<T extends { url: string }>(list: string, alias: string, title: (item: T) => string): Data {
  return {
    pagination: { data: `fc.${list}`, size: 1, alias },
    ...NOT_LISTED,
    permalink: (d: Record<string, T>) => d[alias]!.url,
    eleventyComputed: { pageTitle: (d: Record<string, T>) => title(d[alias]!) },
  };
}

/** "Title", or "Title, page 2 of 5" after the first page. */
const numbered = (title: string, listing: Listing<unknown>) =>
  listing.number === 1 ? title : `${title}, page ${listing.number} of ${listing.total}`;

const PAGES: { file: string; data: Data }[] = [
  { file: 'home.njk', data: pagePerItem<Listing<Verdict>>('homePages', 'listing', (l) => numbered('Latest fact-checks', l)) },
  { file: 'rating.njk', data: pagePerItem<RatingPage>('ratingPages', 'listing', (l) => numbered(`Rated “${l.level.label}”`, l)) },
  { file: 'seed.njk', data: pagePerItem<SeedPage>('seedPages', 'seedPage', (p) => `Source text: ${p.title}`) },
  { file: 'compare.njk', data: pagePerItem<ComparePage>('comparePages', 'comparePage', (p) => `Compare: ${p.title} with ${p.otherTitle}`) },
  { file: 'seeds.njk', data: pagePerItem<Listing<SeedPage>>('seedIndexPages', 'listing', (l) => numbered('Source texts', l)) },
  { file: 'search.njk', data: { permalink: searchUrl(), pageTitle: 'Search' } },
  { file: '404.njk', data: { permalink: notFoundUrl(), pageTitle: 'Page not found', ...NOT_LISTED } },
  { file: 'sitemap.njk', data: { ...NOT_LISTED, permalink: sitemapUrl() } },
  { file: 'claimreview.njk', data: { ...NOT_LISTED, permalink: claimReviewFeedUrl() } },
  { file: 'css.njk', data: { ...NOT_LISTED, permalink: '/assets/site.css' } },
  { file: 'headers.njk', data: { ...NOT_LISTED, permalink: '/_headers' } },
  { file: 'redirects.njk', data: { ...NOT_LISTED, permalink: '/_redirects' } },
  {
    file: 'redirect.njk',
    data: {
      ...NOT_LISTED,
      pagination: { data: 'fc.redirects', size: 1, alias: 'redirect' },
      permalink: (d: { redirect: Redirect }) => redirectPagePath(d.redirect.from),
    },
  },
];

export function registerPages(eleventyConfig: UserConfig): void {
  for (const page of PAGES) eleventyConfig.addTemplate(`factcheck-site/${page.file}`, '', { ...page.data, layout: `pages/${page.file}` });
}
