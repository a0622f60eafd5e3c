// Every URL of the published site, as a path without the build's path prefix
// (Eleventy's HTML base plugin adds the prefix to links in HTML; `absoluteUrl` adds it itself).
import type { SiteMeta } from './types.ts';

const segment = (value: string): string => encodeURIComponent(value);

function pagePath(base: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`Page numbers start at 1, got ${page}.`);
  return page === 1 ? base : `${base}page/${page}/`;
}

/** `/` for page 1 of the newest verdicts, `/page/<n>/` after it. */
export const homeUrl = (page = 1): string => pagePath('/', page);
export const verdictUrl = (slug: string): string => `/verdicts/${segment(slug)}/`;
/** The seed page, optionally at one element id (a passage or a mark). */
export const seedUrl = (id: string, fragment?: string): string =>
  `/seeds/${segment(id)}/${fragment ? `#${segment(fragment)}` : ''}`;
/** The word-by-word comparison of seed `id` with seed `other`, from `id`'s side (under the seed's own folder). */
export const compareUrl = (id: string, other: string, fragment?: string): string =>
  `/seeds/${segment(id)}/compare/${segment(other)}/${fragment ? `#${segment(fragment)}` : ''}`;
/** The element id of the n-th (1-based) passage only seed `id` has, on its compare pages. */
export const onlyHereId = (n: number): string => `only-here-${n}`;
/** `/seeds/` for page 1 of the index of every seed, `/seeds/page/<n>/` after it (a seed's own page is `/seeds/<id>/`). */
export const seedIndexUrl = (page = 1): string => pagePath('/seeds/', page);
/** `/ratings/<key>/` for page 1, `/ratings/<key>/page/<n>/` after it. */
export const ratingUrl = (key: string, page = 1): string => pagePath(`/ratings/${segment(key)}/`, page);
export const aboutUrl = (): string => '/about/';
export const searchUrl = (): string => '/search/';
export const feedUrl = (): string => '/feed.xml';
export const claimReviewFeedUrl = (): string => '/claimreview.json';
export const sitemapUrl = (): string => '/sitemap.xml';
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
  let base: URL;
  try {
    base = new URL(site.url);
  } catch {
    throw new Error(`The site URL "${site.url}" is not an absolute URL; set "url" in content/_data/site.json to e.g. https://example.org.`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`The site URL "${site.url}" must start with http:// or https://.`);
  }
  if (!path.startsWith('/')) throw new Error(`Site paths start with "/", got "${path}".`);
  const root = `${base.origin}${base.pathname.replace(/\/+$/, '')}${prefixPath(pathPrefix)}`;
  return `${root}${path}`;
}
