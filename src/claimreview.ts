// schema.org ClaimReview for each published verdict (in its page's JSON-LD and in /claimreview.json),
// following Google's fact-check structured data: claimReviewed, reviewRating.alternateName, url and
// author are required; itemReviewed (a Claim with author, appearance, firstAppearance) is recommended.
import type { Model, Seed, SiteMeta, Verdict } from './types.ts';
import { absoluteUrl, claimReviewFeedUrl, verdictUrl } from './urls.ts';
import { anchoredCapture } from './captures.ts';
import { capturePageUrl } from './capture-pages.ts';
import { compareText as compare, newestFirst } from './order.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

type ModelView = Pick<Model, 'seedsById' | 'scale'>;

const CONTEXT = 'https://schema.org';
const isHttp = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

/** The seeds that carry the verdict's passage: the anchored seed first, then the others by id. */
function carriers(verdict: Verdict, model: ModelView): Seed[] {
  const ids = new Set<string>();
  if (verdict.anchor) ids.add(verdict.anchor.seed);
  for (const id of verdict.appearances.map((a) => a.seed).sort(compare)) ids.add(id);
  return [...ids].flatMap((id) => {
    const seed = model.seedsById.get(id);
    if (seed && id === verdict.anchor?.seed) return [anchoredCapture(seed, verdict.anchor)];
    return seed ? [seed] : [];
  });
}

function creativeWork(seed: Seed, site: SiteMeta, pathPrefix: string): JsonObject {
  const work: JsonObject = {
    '@type': 'CreativeWork',
    // A later capture of the anchored seed (see carriers) stands for itself: its own page on this site.
    url: isHttp(seed.meta.url) ? seed.meta.url : absoluteUrl(site, capturePageUrl(seed), pathPrefix),
  };
  if (seed.meta.title) work['headline'] = seed.meta.title;
  if (seed.meta.published) work['datePublished'] = seed.meta.published;
  if (seed.meta.outlet) work['publisher'] = { '@type': 'Organization', name: seed.meta.outlet };
  return work;
}

/**
 * The first known appearance: with one carrying seed, that seed; with several, the earliest published,
 * but only when every one has a date (otherwise the order is unknown). It must have an original URL or a
 * date, or it says nothing the appearance list does not.
 */
function firstAppearance(seeds: Seed[]): Seed | undefined {
  if (seeds.length === 0) return undefined;
  let first: Seed | undefined = seeds[0];
  if (seeds.length > 1) {
    if (!seeds.every((s) => s.meta.published)) return undefined;
    // stable sort keeps the anchored seed first among equal dates
    first = [...seeds].sort((a, b) => compare(a.meta.published!, b.meta.published!))[0];
  }
  return first && (isHttp(first.meta.url) || first.meta.published) ? first : undefined;
}

function claim(verdict: Verdict, model: ModelView, site: SiteMeta, pathPrefix: string): JsonObject {
  const seeds = carriers(verdict, model);
  const item: JsonObject = { '@type': 'Claim' };
  if (verdict.claimant) {
    // A claimant who is the outlet that carries the passage is an organisation; anyone else a person.
    const isOutlet = seeds.some((s) => s.meta.outlet === verdict.claimant);
    item['author'] = { '@type': isOutlet ? 'Organization' : 'Person', name: verdict.claimant };
  }
  const first = firstAppearance(seeds);
  if (first?.meta.published) item['datePublished'] = first.meta.published;
  if (seeds.length > 0) item['appearance'] = seeds.map((s) => creativeWork(s, site, pathPrefix));
  if (first) item['firstAppearance'] = creativeWork(first, site, pathPrefix);
  return item;
}

function reviewRating(verdict: Verdict, model: ModelView): JsonObject {
  const level = model.scale.levels.find((l) => l.key === verdict.rating);
  if (!level) {
    throw new Error(`${verdict.file}: rating "${verdict.rating}" is not on the scale in ${model.scale.file}; run npm run check.`);
  }
  const rating: JsonObject = { '@type': 'Rating', name: level.label, alternateName: level.label };
  if (level.value !== null) {
    rating['ratingValue'] = level.value;
    rating['bestRating'] = model.scale.best;
    rating['worstRating'] = model.scale.worst;
  }
  return rating;
}

function claimReviewItem(verdict: Verdict, model: ModelView, site: SiteMeta, pathPrefix: string): JsonObject {
  const review: JsonObject = {
    '@type': 'ClaimReview',
    url: absoluteUrl(site, verdictUrl(verdict.slug), pathPrefix),
    claimReviewed: verdict.claim,
    datePublished: verdict.date,
  };
  if (verdict.updated) review['dateModified'] = verdict.updated;
  const org = site.organisation;
  review['author'] = { '@type': 'Organization', name: org.name, url: org.url, ...(org.logo ? { logo: org.logo } : {}) };
  review['reviewRating'] = reviewRating(verdict, model);
  review['itemReviewed'] = claim(verdict, model, site, pathPrefix);
  return review;
}

/**
 * The ClaimReview of one verdict, with `@context`, for the verdict page's JSON-LD. URLs are absolute:
 * `site.url` + `pathPrefix` + the page path. Throws when the rating is not on the scale (`check` reports
 * that as an error, so a build never gets here with one).
 */
export function claimReview(verdict: Verdict, model: ModelView, site: SiteMeta, pathPrefix = '/'): JsonObject {
  return { '@context': CONTEXT, ...claimReviewItem(verdict, model, site, pathPrefix) };
}

/** The schema.org DataFeed of every published (non-draft) verdict's ClaimReview, newest first. */
export function claimReviewFeed(model: ModelView & Pick<Model, 'verdicts'>, site: SiteMeta, pathPrefix = '/'): JsonObject {
  const verdicts = model.verdicts.filter((v) => !v.draft).sort(newestFirst);
  const feed: JsonObject = {
    '@context': CONTEXT,
    '@type': 'DataFeed',
    name: `${site.title}: fact-checks`,
    url: absoluteUrl(site, claimReviewFeedUrl(), pathPrefix),
  };
  const latest = verdicts.map((v) => v.updated ?? v.date).sort(compare).at(-1);
  if (latest) feed['dateModified'] = latest;
  feed['dataFeedElement'] = verdicts.map((v) => ({
    '@type': 'DataFeedItem',
    dateCreated: v.date,
    ...(v.updated ? { dateModified: v.updated } : {}),
    item: claimReviewItem(v, model, site, pathPrefix),
  }));
  return feed;
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON that can sit inside `<script type="application/ld+json">`: `<`, `>`, `&`, U+2028 and U+2029 are
 * written as \u escapes (same value to any JSON parser), so no `</script>` or `<!--` can end the element.
 */
export function safeJson(value: Json): string {
  const json = JSON.stringify(value);
  return json.replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The whole `<script type="application/ld+json">` element for `value`. */
export function jsonLdScript(value: Json): string {
  return `<script type="application/ld+json">${safeJson(value)}</script>`;
}
