// The site's own pages (everything but the verdicts and content/*.md) are registered as virtual
// templates, so any project folder with seeds/ and content/ builds the whole site: the sample, a
// newsroom's fork, or a test fixture. Their data is here; their markup is a layout in _includes/pages/
// over an empty template: Eleventy compiles a layout once, but a paginated template's own content and
// string permalink once per page (1000 compiles of the seed page at 1000 seeds).
import type { UserConfig } from '@11ty/eleventy';
import type { Listing, RatingPage, SeedPage } from './site-data.ts';
import type { Redirect } from '../redirects.ts';
import type { Verdict } from '../types.ts';
import { claimReviewFeedUrl, notFoundUrl, searchUrl, sitemapUrl } from '../urls.ts';
import { redirectPagePath } from '../redirects.ts';

type Data = Record<string, unknown>;

const NOT_LISTED = { eleventyExcludeFromCollections: true };

const PAGES: { file: string; data: Data }[] = [
  {
    file: 'home.njk',
    data: {
      pagination: { data: 'fc.homePages', size: 1, alias: 'listing' },
      ...NOT_LISTED,
      permalink: (d: { listing: Listing<unknown> }) => d.listing.url,
      eleventyComputed: {
        pageTitle: (d: { listing: Listing<Verdict> }) =>
          d.listing.number === 1 ? 'Latest fact-checks' : `Latest fact-checks, page ${d.listing.number} of ${d.listing.total}`,
      },
    },
  },
  {
    file: 'rating.njk',
    data: {
      pagination: { data: 'fc.ratingPages', size: 1, alias: 'listing' },
      ...NOT_LISTED,
      permalink: (d: { listing: Listing<unknown> }) => d.listing.url,
      eleventyComputed: {
        pageTitle: (d: { listing: RatingPage }) =>
          `Rated “${d.listing.level.label}”` + (d.listing.number > 1 ? `, page ${d.listing.number} of ${d.listing.total}` : ''),
      },
    },
  },
  {
    file: 'seed.njk',
    data: {
      pagination: { data: 'fc.seedPages', size: 1, alias: 'seedPage' },
      ...NOT_LISTED,
      permalink: (d: { seedPage: SeedPage }) => d.seedPage.url,
      eleventyComputed: { pageTitle: (d: { seedPage: SeedPage }) => `Source text: ${d.seedPage.title}` },
    },
  },
  {
    file: 'seeds.njk',
    data: {
      pagination: { data: 'fc.seedIndexPages', size: 1, alias: 'listing' },
      ...NOT_LISTED,
      permalink: (d: { listing: Listing<unknown> }) => d.listing.url,
      eleventyComputed: {
        pageTitle: (d: { listing: Listing<SeedPage> }) =>
          d.listing.number === 1 ? 'Source texts' : `Source texts, page ${d.listing.number} of ${d.listing.total}`,
      },
    },
  },
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
