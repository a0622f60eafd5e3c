// The site's own pages (everything but the verdicts and content/*.md) are registered as virtual
// templates, so any project folder with seeds/ and content/ builds the whole site: the sample, a
// newsroom's fork, or a test fixture. Their markup lives in _includes/pages/; their data is here.
import fs from 'node:fs';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import type { Listing, RatingPage, SeedPage } from './site-data.ts';
import type { Redirect } from '../redirects.ts';
import type { Verdict } from '../types.ts';
import { claimReviewFeedUrl, notFoundUrl, searchUrl, sitemapUrl } from '../urls.ts';
import { redirectPagePath } from '../redirects.ts';

type Data = Record<string, unknown>;

const NOT_LISTED = { eleventyExcludeFromCollections: true };
const RAW = { layout: false, ...NOT_LISTED };

const PAGES: { file: string; data: Data }[] = [
  {
    file: 'home.njk',
    data: {
      layout: 'layouts/base.njk',
      pagination: { data: 'fc.homePages', size: 1, alias: 'listing', addAllPagesToCollections: true },
      permalink: '{{ listing.url }}',
      eleventyComputed: {
        pageTitle: (d: { listing: Listing<Verdict> }) =>
          d.listing.number === 1 ? 'Latest fact-checks' : `Latest fact-checks, page ${d.listing.number} of ${d.listing.total}`,
      },
    },
  },
  {
    file: 'rating.njk',
    data: {
      layout: 'layouts/base.njk',
      pagination: { data: 'fc.ratingPages', size: 1, alias: 'listing', addAllPagesToCollections: true },
      permalink: '{{ listing.url }}',
      eleventyComputed: {
        pageTitle: (d: { listing: RatingPage }) =>
          `Rated “${d.listing.level.label}”` + (d.listing.number > 1 ? `, page ${d.listing.number} of ${d.listing.total}` : ''),
      },
    },
  },
  {
    file: 'seed.njk',
    data: {
      layout: 'layouts/base.njk',
      pagination: { data: 'fc.seedPages', size: 1, alias: 'seedPage', addAllPagesToCollections: true },
      permalink: '{{ seedPage.url }}',
      eleventyComputed: { pageTitle: (d: { seedPage: SeedPage }) => `Source text: ${d.seedPage.title}` },
    },
  },
  {
    file: 'seeds.njk',
    data: {
      layout: 'layouts/base.njk',
      pagination: { data: 'fc.seedIndexPages', size: 1, alias: 'listing', addAllPagesToCollections: true },
      permalink: '{{ listing.url }}',
      eleventyComputed: {
        pageTitle: (d: { listing: Listing<SeedPage> }) =>
          d.listing.number === 1 ? 'Source texts' : `Source texts, page ${d.listing.number} of ${d.listing.total}`,
      },
    },
  },
  { file: 'search.njk', data: { layout: 'layouts/base.njk', permalink: searchUrl(), pageTitle: 'Search' } },
  { file: '404.njk', data: { layout: 'layouts/base.njk', permalink: notFoundUrl(), pageTitle: 'Page not found', ...NOT_LISTED } },
  { file: 'sitemap.njk', data: { ...RAW, permalink: sitemapUrl() } },
  { file: 'claimreview.njk', data: { ...RAW, permalink: claimReviewFeedUrl() } },
  { file: 'css.njk', data: { ...RAW, permalink: '/assets/site.css' } },
  { file: 'headers.njk', data: { ...RAW, permalink: '/_headers' } },
  { file: 'redirects.njk', data: { ...RAW, permalink: '/_redirects' } },
  {
    file: 'redirect.njk',
    data: {
      ...RAW,
      pagination: { data: 'fc.redirects', size: 1, alias: 'redirect' },
      eleventyComputed: { permalink: (d: { redirect: Redirect }) => redirectPagePath(d.redirect.from) },
    },
  },
];

export function registerPages(eleventyConfig: UserConfig, includes: string): void {
  for (const page of PAGES) {
    const content = fs.readFileSync(path.join(includes, 'pages', page.file), 'utf8');
    eleventyConfig.addTemplate(`factcheck-site/${page.file}`, content, page.data);
  }
}
