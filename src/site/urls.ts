// Every URL of the published site, as a path without the build's path prefix
// (Eleventy's HTML base plugin adds the prefix to links in HTML; `absoluteUrl` adds it itself).
import type { SiteMeta } from '../model/types.ts';

const segment = (value: string): string => encodeURIComponent(value);

function pagePath(base: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`Page numbers start at 1, got ${page}.`);
  return page === 1 ? base : `${base}page/${page}/`;
}

/** `/` for page 1 of the newest verdicts, `/page/<n>/` after it. */
export const homeUrl = (page = 1): string => pagePath('/', page);
export const verdictUrl = (slug: string): string => `/verdicts/${segment(slug)}/`;
/** The seed page, optionally at one element id (a passage or a mark). */
export const seedUrl = (id: string, fragment?: string): string => `/seeds/${segment(id)}/${fragment ? `#${segment(fragment)}` : ''}`;
/** A later capture of a seed, `/seeds/<id>/<YYYY-MM-DD>/` (the first capture is the seed page itself), optionally at one element id. */
export const captureUrl = (id: string, date: string, fragment?: string): string =>
  `/seeds/${segment(id)}/${segment(date)}/${fragment ? `#${segment(fragment)}` : ''}`;
/** The word diff between consecutive captures of a seed, `/seeds/<id>/changes/`, optionally at one step. */
export const seedChangesUrl = (id: string, fragment?: string): string =>
  `/seeds/${segment(id)}/changes/${fragment ? `#${segment(fragment)}` : ''}`;
/** The word-by-word comparison of seed `id` with seed `other`, from `id`'s side (under the seed's own folder). */
export const compareUrl = (id: string, other: string, fragment?: string): string =>
  `/seeds/${segment(id)}/compare/${segment(other)}/${fragment ? `#${segment(fragment)}` : ''}`;
/** The element id of the n-th (1-based) passage only seed `id` has, on its compare pages. */
export const onlyHereId = (n: number): string => `only-here-${n}`;
/** `/seeds/` for page 1 of the index of every seed, `/seeds/page/<n>/` after it (a seed's own page is `/seeds/<id>/`). */
export const seedIndexUrl = (page = 1): string => pagePath('/seeds/', page);
/** `/ratings/<key>/` for page 1, `/ratings/<key>/page/<n>/` after it. */
export const ratingUrl = (key: string, page = 1): string => pagePath(`/ratings/${segment(key)}/`, page);
/** `/claimants/<slug>/`: every published verdict on one claimant's claims (`page/<n>/` after the first page). */
export const claimantUrl = (slug: string, page = 1): string => pagePath(`/claimants/${segment(slug)}/`, page);
/** `/claimants/`, `/claimants/page/<n>/`: the index of every claimant. */
export const claimantIndexUrl = (page = 1): string => pagePath('/claimants/', page);
/** `/topics/<slug>/`: the published verdicts with one tag. */
export const topicUrl = (slug: string, page = 1): string => pagePath(`/topics/${segment(slug)}/`, page);
export const topicIndexUrl = (page = 1): string => pagePath('/topics/', page);
/** `/outlets/<slug>/`: one outlet's seeds and the published verdicts on them. */
export const outletUrl = (slug: string, page = 1): string => pagePath(`/outlets/${segment(slug)}/`, page);
export const outletIndexUrl = (page = 1): string => pagePath('/outlets/', page);
export const aboutUrl = (): string => '/about/';
export const searchUrl = (): string => '/search/';
export const feedUrl = (): string => '/feed.xml';
export const claimReviewFeedUrl = (): string => '/claimreview.json';
export const sitemapUrl = (): string => '/sitemap.xml';
export const robotsUrl = (): string => '/robots.txt';
/** The W3C Web Annotation export of every published verdict (src/site/annotations.ts). */
export const annotationsUrl = (): string => '/annotations.jsonld';
/** The verdict's share image (Open Graph and Twitter cards), a 1200×630 PNG beside its page. */
export const shareImageUrl = (slug: string): string => `${verdictUrl(slug)}share.png`;
export const notFoundUrl = (): string => '/404.html';

const PLAIN_SLUG = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/**
 * The element id of the n-th (1-based, in reading order) occurrence of verdict `slug`'s passage in one seed:
 * `passage-<slug>`, then `passage-<slug>--2`, ... It depends only on the slug and on that verdict's own
 * occurrences, so adding another verdict never renames it. A plain slug never contains `--`, so ids of
 * different slugs cannot collide; any other slug is written as hex after `passage--`, which no plain slug
 * produces.
 */
export function passageId(slug: string, n = 1): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Passage occurrences are numbered from 1, got ${n}.`);
  const name = PLAIN_SLUG.test(slug) ? slug : `-${Buffer.from(slug, 'utf8').toString('hex')}`;
  return n === 1 ? `passage-${name}` : `passage-${name}--${n}`;
}

/**
 * The build's path prefix as it starts a URL path, each segment URL-encoded:
 * `/factcheck/`, `factcheck`, `/factcheck` -> `/factcheck`; `/`, `` -> ``
 */
export function prefixPath(pathPrefix: string): string {
  const trimmed = pathPrefix.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed.split('/').map(segment).join('/')}`;
}

/**
 * The absolute URL of a site path: `site.url` + the build's path prefix + `path`.
 * `site.url` must be an absolute http(s) URL (a path in it, without the prefix, is kept).
 */
export function absoluteUrl(site: Pick<SiteMeta, 'url'>, path: string, pathPrefix = '/'): string {
  const root = siteRoot(site.url, pathPrefix);
  if (!path.startsWith('/')) throw new Error(`Site paths start with "/", got "${path}".`);
  return `${root}${path}`;
}

/** The last site root made: a build asks for it with the same URL and prefix for every link it makes absolute. */
let lastRoot: { url: string; pathPrefix: string; root: string } | undefined;

/** The site URL's origin and path, and the path prefix, without a trailing slash. */
function siteRoot(url: string, pathPrefix: string): string {
  if (lastRoot?.url === url && lastRoot.pathPrefix === pathPrefix) return lastRoot.root;
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new Error(`The site URL "${url}" is not an absolute URL; set "url" in content/_data/site.json to e.g. https://example.org.`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`The site URL "${url}" must start with http:// or https://.`);
  }
  const root = `${base.origin}${base.pathname.replace(/\/+$/, '')}${prefixPath(pathPrefix)}`;
  lastRoot = { url, pathPrefix, root };
  return root;
}

/**
 * Every path the site itself owns: exact files, and folders whose every URL is generated. A content page
 * (content/*.md) may not be written at or under one of them, nor may two pages share a URL: on a static host
 * the last file written wins, and a page at /assets/search.js would silently replace the search script.
 * Folders are reserved whole, including ones for pages a later version adds.
 */
export const SITE_OWNED: readonly { path: string; what: string; folder: boolean }[] = [
  { path: homeUrl(), what: 'the home page', folder: false },
  { path: '/page/', what: 'the pages of the newest fact-checks', folder: true },
  { path: '/verdicts/', what: 'the fact-check pages', folder: true },
  { path: '/seeds/', what: 'the source text pages', folder: true },
  { path: '/ratings/', what: 'the rating pages', folder: true },
  { path: '/claimants/', what: 'the claimant pages', folder: true },
  { path: '/topics/', what: 'the topic pages', folder: true },
  { path: '/outlets/', what: 'the outlet pages', folder: true },
  { path: '/assets/', what: "the site's scripts, styles and icons", folder: true },
  { path: '/pagefind/', what: 'the search index', folder: true },
  { path: searchUrl(), what: 'the search page', folder: false },
  { path: notFoundUrl(), what: 'the "page not found" page', folder: false },
  { path: feedUrl(), what: 'the Atom feed', folder: false },
  { path: sitemapUrl(), what: 'the sitemap', folder: false },
  { path: claimReviewFeedUrl(), what: 'the ClaimReview data feed', folder: false },
  { path: '/robots.txt', what: 'robots.txt', folder: false },
  { path: '/annotations.jsonld', what: 'the Web Annotation export', folder: false },
  { path: '/favicon.ico', what: 'the site icon', folder: false },
  { path: '/_headers', what: "the hosts' headers file", folder: false },
  { path: '/_redirects', what: "the hosts' redirects file", folder: false },
];

/** The file a page URL is written to, relative to the output folder: `/about/` -> `about/index.html`. */
export function outputFileOf(url: string): string {
  return (url.endsWith('/') ? `${url}index.html` : url).slice(1);
}

/**
 * What the site itself writes at `url` (a site path), or undefined when the path is free for a content page.
 * Compared without letter case: on case-insensitive file systems /Assets/ and /assets/ are one folder.
 */
export function siteOwnerOf(url: string): string | undefined {
  const file = outputFileOf(url).toLowerCase();
  for (const owned of SITE_OWNED) {
    const ownedFile = outputFileOf(owned.path).toLowerCase();
    if (file === ownedFile) return owned.what;
    if (owned.folder && file.startsWith(owned.path.slice(1).toLowerCase())) return owned.what;
  }
  return undefined;
}
