// Every page the site generates, in one table (PAGES): verdict, seed, rating, claimant, topic, outlet and
// home pages paginated from the model, the feeds, the sitemap and the hosts' files. Each is a virtual template, so any project
// folder with seeds/ and content/ builds the whole site: the sample, a newsroom's fork, or a test fixture.
// Their data is computed in TypeScript (SiteData, site-data.ts); their markup is a layout in
// _includes/pages/ over an empty template: Eleventy compiles a layout once, but a paginated template's own
// content and string permalink once per page (1000 compiles of the seed page at 1000 seeds). The only
// other pages are the editors' own Markdown pages (content/*.md but content/verdicts/), with the layouts
// in _includes/layouts/.
import type { UserConfig } from '@11ty/eleventy';
import type { ChangesPage, RatingPage, SeedPage, VerdictPage } from './site-data.ts';
import type { Listing } from '../site/paginate.ts';
import type { ComparePage } from './provenance-data.ts';
import type { ArchiveIndexPage, ArchivePage } from './archive-data.ts';
import type { Redirect } from '../site/redirects.ts';
import type { Verdict } from '../model/types.ts';
import { annotationsUrl, claimReviewFeedUrl, feedUrl, notFoundUrl, robotsUrl, searchUrl, sitemapUrl } from '../site/urls.ts';
import { redirectPagePath } from '../site/redirects.ts';
import { readableDate } from '../site/format.ts';

type Data = Record<string, unknown>;

/**
 * One page per item of a SiteData list (`fc.<list>`), at the item's own URL, titled by `title`. Pagination
 * reads `fc.rendered.<list>`: the whole list, but in npm start only the items whose page changed (incremental.ts).
 */
function pagePerItem<T extends { url: string }>(list: string, alias: string, title: (item: T) => string): Data {
  return {
    pagination: { data: `fc.rendered.${list}`, size: 1, alias },
    permalink: (d: Record<string, T>) => d[alias]!.url,
    eleventyComputed: { pageTitle: (d: Record<string, T>) => title(d[alias]!) },
  };
}

/**
 * A page of its own at `permalink`. It too is paginated, over `fc.rendered.singles` (one item), so that a
 * build in several Eleventy runs (shards.ts) renders it in one of them.
 */
function single(permalink: string, data: Data = {}): Data {
  return { pagination: { data: 'fc.rendered.singles', size: 1, alias: 'single' }, permalink, ...data };
}

/** "Title", or "Title, page 2 of 5" after the first page. */
const numbered = (title: string, listing: Listing<unknown>) =>
  listing.number === 1 ? title : `${title}, page ${listing.number} of ${listing.total}`;

/**
 * Every generated page: its markup (`_includes/pages/<file>`, or `layout` when the page shares another
 * page's markup) and its Eleventy data.
 */
export const PAGES: { file: string; layout?: string; data: Data }[] = [
  { file: 'verdict.njk', data: pagePerItem<VerdictPage>('verdictPages', 'verdictPage', (p) => p.title) },
  { file: 'home.njk', data: pagePerItem<Listing<Verdict>>('homePages', 'listing', (l) => numbered('Latest fact-checks', l)) },
  { file: 'rating.njk', data: pagePerItem<RatingPage>('ratingPages', 'listing', (l) => numbered(`Rated “${l.level.label}”`, l)) },
  { file: 'seed.njk', data: pagePerItem<SeedPage>('seedPages', 'seedPage', (p) => `Source text: ${p.title}`) },
  {
    file: 'capture.njk',
    layout: 'seed.njk',
    data: pagePerItem<SeedPage>('capturePages', 'seedPage', (p) => `Source text: ${p.title}, captured ${readableDate(p.capture!)}`),
  },
  { file: 'changes.njk', data: pagePerItem<ChangesPage>('changesPages', 'changesPage', (p) => `What changed in ${p.title}`) },
  { file: 'compare.njk', data: pagePerItem<ComparePage>('comparePages', 'comparePage', (p) => `Compare: ${p.title} with ${p.otherTitle}`) },
  { file: 'seeds.njk', data: pagePerItem<Listing<SeedPage>>('seedIndexPages', 'listing', (l) => numbered('Source texts', l)) },
  {
    file: 'claimant.njk',
    layout: 'archive.njk',
    data: pagePerItem<ArchivePage>('claimantPages', 'listing', (l) => numbered(`Claims by ${l.name}`, l)),
  },
  {
    file: 'topic.njk',
    layout: 'archive.njk',
    data: pagePerItem<ArchivePage>('topicPages', 'listing', (l) => numbered(`Topic: ${l.name}`, l)),
  },
  {
    file: 'outlet.njk',
    layout: 'archive.njk',
    data: pagePerItem<ArchivePage>('outletPages', 'listing', (l) => numbered(`Outlet: ${l.name}`, l)),
  },
  {
    file: 'claimants.njk',
    layout: 'archive-index.njk',
    data: pagePerItem<ArchiveIndexPage>('claimantIndexPages', 'listing', (l) => numbered('Claimants', l)),
  },
  {
    file: 'topics.njk',
    layout: 'archive-index.njk',
    data: pagePerItem<ArchiveIndexPage>('topicIndexPages', 'listing', (l) => numbered('Topics', l)),
  },
  {
    file: 'outlets.njk',
    layout: 'archive-index.njk',
    data: pagePerItem<ArchiveIndexPage>('outletIndexPages', 'listing', (l) => numbered('Outlets', l)),
  },
  { file: 'search.njk', data: single(searchUrl(), { pageTitle: 'Search' }) },
  { file: '404.njk', data: single(notFoundUrl(), { pageTitle: 'Page not found' }) },
  { file: 'feed.njk', data: single(feedUrl()) },
  { file: 'sitemap.njk', data: single(sitemapUrl()) },
  { file: 'robots.njk', data: single(robotsUrl()) },
  { file: 'annotations.njk', data: single(annotationsUrl()) },
  { file: 'claimreview.njk', data: single(claimReviewFeedUrl()) },
  { file: 'css.njk', data: single('/assets/site.css') },
  { file: 'headers.njk', data: single('/_headers') },
  { file: 'redirects.njk', data: single('/_redirects') },
  {
    file: 'redirect.njk',
    data: {
      pagination: { data: 'fc.rendered.redirects', size: 1, alias: 'redirect' },
      permalink: (d: { redirect: Redirect }) => redirectPagePath(d.redirect.from),
    },
  },
];

export function registerPages(eleventyConfig: UserConfig): void {
  for (const page of PAGES)
    eleventyConfig.addTemplate(`factcheck-site/${page.file}`, '', { ...page.data, layout: `pages/${page.layout ?? page.file}` });
}
