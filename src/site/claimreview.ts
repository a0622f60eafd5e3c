// schema.org ClaimReview for each published verdict (in its page's JSON-LD and in /claimreview.json),
// following Google's fact-check structured data: claimReviewed, reviewRating.alternateName, url and
// author are required; itemReviewed (a Claim with author, appearance, firstAppearance, datePublished) is
// recommended. The objects are typed with schema-dts, so a property schema.org does not define for the type,
// or a value of the wrong kind, does not compile.
import type {
  Claim,
  ClaimReview,
  CorrectionComment,
  CreativeWork,
  DataFeed,
  DataFeedItem,
  NewsArticle,
  Organization,
  Person,
  Rating,
} from 'schema-dts';
import { claimantOf } from '../content/claimants.ts';
import type { Model, PublishedVerdict, Seed, SiteMeta, Source, Verdict } from '../model/types.ts';
import { absoluteUrl, claimReviewFeedUrl, seedUrl, verdictUrl } from './urls.ts';
import { anchoredCapture } from '../content/captures.ts';
import { capturePageUrl } from './capture-pages.ts';
import { compareText as compare, newestFirst } from '../model/order.ts';
import { publishedVerdicts } from '../model/published.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

type ModelView = Pick<Model, 'seedsById' | 'scale'> & Partial<Pick<Model, 'claimants'>>;
type Options = { site: SiteMeta; pathPrefix: string };

const CONTEXT = 'https://schema.org';
const isHttp = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);
/** A schema-dts object as the plain JSON it already is (schema-dts types only what may be written). */
const asJson = (value: object): JsonObject => value as unknown as JsonObject;

/**
 * The verdict page's URL, and the stable ids of its review and claim: fragments of that URL that name the
 * page's own elements (the article is `#claimreview`, the claim's section heading `#claim`), so they resolve.
 */
export function claimReviewIds(slug: string, site: SiteMeta, pathPrefix = '/'): { page: string; review: string; claim: string } {
  const page = absoluteUrl(site, verdictUrl(slug), pathPrefix);
  return { page, review: `${page}#claimreview`, claim: `${page}#claim` };
}

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

const organisation = (site: SiteMeta): Organization => {
  const org = site.organisation;
  return { '@type': 'Organization', name: org.name, url: org.url, ...(org.logo ? { logo: org.logo } : {}) };
};

/**
 * The original article a seed was taken from: a NewsArticle when its outlet is known. Undefined without its
 * URL, unless `described` (an inline description, for firstAppearance) and its date is known.
 */
function originalArticle(seed: Seed, described = false): NewsArticle | CreativeWork | undefined {
  const { url, title, published, outlet, archived, language } = seed.meta;
  if (!isHttp(url) && !(described && published)) return undefined;
  const fields = {
    ...(isHttp(url) ? { url } : {}),
    ...(title ? { headline: title } : {}),
    ...(published ? { datePublished: published } : {}),
    ...(language ? { inLanguage: language } : {}),
    ...(outlet ? { publisher: { '@type': 'Organization', name: outlet } satisfies Organization } : {}),
    ...(isHttp(archived) ? { archivedAt: archived } : {}),
  };
  return outlet ? { '@type': 'NewsArticle', ...fields } : { '@type': 'CreativeWork', ...fields };
}

/** The copy of a seed's text kept on this site; `isBasedOn` the original when known. */
function siteCopy(seed: Seed, { site, pathPrefix }: Options): CreativeWork {
  const { url, title, outlet } = seed.meta;
  return {
    '@type': 'CreativeWork',
    // A later capture of the anchored seed (see carriers) stands for itself: its own page on this site.
    url: absoluteUrl(site, capturePageUrl(seed), pathPrefix),
    ...(title ? { headline: title } : {}),
    // The text's author is its outlet, whoever keeps the copy.
    ...(outlet ? { author: { '@type': 'Organization', name: outlet } satisfies Organization } : {}),
    ...(isHttp(url) ? { isBasedOn: url } : {}),
  };
}

/**
 * The first known appearance: with one carrying seed, that seed; with several, the earliest published,
 * but only when every one has a date (otherwise the order is unknown).
 */
function firstCarrier(seeds: Seed[]): Seed | undefined {
  if (seeds.length <= 1) return seeds[0];
  if (!seeds.every((s) => s.meta.published)) return undefined;
  // stable sort keeps the anchored seed first among equal dates
  return [...seeds].sort((a, b) => compare(a.meta.published!, b.meta.published!))[0];
}

function claimAuthor(verdict: Verdict, model: ModelView, seeds: Seed[]): Person | Organization | undefined {
  const claimant = claimantOf(verdict, model.claimants, seeds);
  if (!claimant) return undefined;
  const fields = {
    name: claimant.name,
    ...(claimant.description ? { description: claimant.description } : {}),
    ...(claimant.sameAs.length ? { sameAs: claimant.sameAs } : {}),
  };
  return claimant.type === 'Organization' ? { '@type': 'Organization', ...fields } : { '@type': 'Person', ...fields };
}

function claim(verdict: Verdict, model: ModelView, options: Options): Claim {
  const seeds = carriers(verdict, model);
  const author = claimAuthor(verdict, model, seeds);
  const first = firstCarrier(seeds);
  const firstArticle = first && originalArticle(first, true);
  // The original articles first (what aggregators match on), then the copies kept here.
  const appearance = [...seeds.flatMap((s) => originalArticle(s) ?? []), ...seeds.map((s) => siteCopy(s, options))];
  const language = seeds[0]?.meta.language;
  return {
    '@type': 'Claim',
    '@id': claimReviewIds(verdict.slug, options.site, options.pathPrefix).claim,
    ...(author ? { author } : {}),
    ...(first?.meta.published ? { datePublished: first.meta.published } : {}),
    ...(language ? { inLanguage: language } : {}),
    ...(appearance.length ? { appearance } : {}),
    ...(firstArticle ? { firstAppearance: firstArticle } : {}),
  };
}

/**
 * The verdict's rating. A level with a value is on the numeric scale: ratingValue between worstRating and
 * bestRating. A level without one (Unsupported) is a finding, not a point on the scale: it has only its
 * name, so no aggregator can average it in as a degree of truth.
 */
function reviewRating(verdict: Verdict, model: ModelView): Rating {
  const { scale } = model;
  const level = scale.levels.find((l) => l.key === verdict.rating);
  if (!level) {
    throw new Error(`${verdict.file}: rating "${verdict.rating}" is not on the scale in ${scale.file}; run npm run check.`);
  }
  const rating: Rating = { '@type': 'Rating', name: level.label, alternateName: level.label, ratingExplanation: level.description };
  if (level.value === null) return rating;
  if (!Number.isInteger(level.value) || level.value < scale.worst || level.value > scale.best) {
    throw new Error(
      `${scale.file}: the value ${level.value} of "${level.key}" is not a whole number from ${scale.worst} to ${scale.best}; run npm run check.`,
    );
  }
  return { ...rating, ratingValue: level.value, bestRating: scale.best, worstRating: scale.worst };
}

function citation(source: Source, model: ModelView, { site, pathPrefix }: Options): CreativeWork {
  if (source.kind === 'seed') {
    const seed = model.seedsById.get(source.seed);
    return {
      '@type': 'CreativeWork',
      name: source.title ?? seed?.title ?? source.seed,
      url: absoluteUrl(site, seedUrl(source.seed), pathPrefix),
    };
  }
  return {
    '@type': 'CreativeWork',
    name: source.title,
    url: source.url,
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } satisfies Organization } : {}),
    ...(source.date ? { datePublished: source.date } : {}),
    ...(source.archived ? { archivedAt: source.archived } : {}),
  };
}

function claimReviewItem(verdict: Verdict, model: ModelView, site: SiteMeta, pathPrefix: string): ClaimReview {
  const options = { site, pathPrefix };
  const ids = claimReviewIds(verdict.slug, site, pathPrefix);
  const corrections: CorrectionComment[] = verdict.corrections.map((c) => ({
    '@type': 'CorrectionComment',
    datePublished: c.date,
    text: c.note,
  }));
  return {
    '@type': 'ClaimReview',
    '@id': ids.review,
    url: ids.page,
    headline: verdict.title,
    claimReviewed: verdict.claim,
    inLanguage: site.language,
    datePublished: verdict.date,
    ...(verdict.updated ? { dateModified: verdict.updated } : {}),
    author: organisation(site),
    reviewRating: reviewRating(verdict, model),
    itemReviewed: claim(verdict, model, options),
    ...(verdict.sources.length ? { citation: verdict.sources.map((s) => citation(s, model, options)) } : {}),
    ...(corrections.length ? { correction: corrections } : {}),
  };
}

/**
 * The ClaimReview of one verdict, with `@context`, for the verdict page's JSON-LD. URLs are absolute:
 * `site.url` + `pathPrefix` + the page path. Throws when the rating is not on the scale (`check` reports
 * that as an error, so a build never gets here with one).
 */
export function claimReview(verdict: Verdict, model: ModelView, site: SiteMeta, pathPrefix = '/'): JsonObject {
  return asJson({ '@context': CONTEXT, ...claimReviewItem(verdict, model, site, pathPrefix) });
}

/**
 * The schema.org DataFeed of every published verdict's ClaimReview (src/model/published.ts), newest first. Each item is
 * identified by its review's `@id`. A verdict removed or renamed leaves no tombstone: the date it went is
 * in the repository's history, not in the content, so no `dateDeleted` could be written honestly.
 */
export function claimReviewFeed(model: ModelView & Pick<Model, 'verdicts'>, site: SiteMeta, pathPrefix = '/'): JsonObject {
  const verdicts = published(model);
  return feedOf(
    verdicts,
    site,
    pathPrefix,
    verdicts.map((v) => dataFeedItem(v, model, site, pathPrefix)),
  );
}

/**
 * `safeJson(claimReviewFeed(...))`, byte for byte, with each item's JSON from `itemJson` (given the verdict and
 * a function that makes it): npm start keeps the items of unchanged verdicts from one save to the next. A
 * preview lists no item.
 */
export function claimReviewFeedJson(
  model: ModelView & Pick<Model, 'verdicts'>,
  site: SiteMeta,
  pathPrefix = '/',
  options: { preview?: boolean; itemJson?: (verdict: PublishedVerdict, json: () => string) => string } = {},
): string {
  const verdicts = published(model);
  const itemJson = options.itemJson ?? ((_verdict, json) => json());
  const items = options.preview ? [] : verdicts.map((v) => itemJson(v, () => safeJson(asJson(dataFeedItem(v, model, site, pathPrefix)))));
  return spliceItems(safeJson(feedOf(verdicts, site, pathPrefix, [])), 'dataFeedElement', items);
}

/**
 * `json` (a safeJson object with the empty array `key`) with that array holding `items` (each already safeJson):
 * the bytes JSON.stringify writes for the whole, which writes an array's items one after another, comma-separated.
 * The key occurs once: in strings every quote is escaped, so `"key":[]` can only be the key itself.
 */
export function spliceItems(json: string, key: string, items: string[]): string {
  const empty = `${JSON.stringify(key)}:[]`;
  const at = json.indexOf(empty);
  if (at === -1 || json.indexOf(empty, at + 1) !== -1) throw new Error(`spliceItems: ${empty} is not in the JSON exactly once.`);
  const open = at + empty.length - 1;
  return `${json.slice(0, open)}${items.join(',')}${json.slice(open)}`;
}

const published = (model: Pick<Model, 'verdicts'>): PublishedVerdict[] => publishedVerdicts(model.verdicts).sort(newestFirst);

function dataFeedItem(v: Verdict, model: ModelView, site: SiteMeta, pathPrefix: string): DataFeedItem {
  return {
    '@type': 'DataFeedItem',
    dateCreated: v.date,
    ...(v.updated ? { dateModified: v.updated } : {}),
    item: claimReviewItem(v, model, site, pathPrefix),
  };
}

function feedOf(verdicts: Verdict[], site: SiteMeta, pathPrefix: string, items: DataFeedItem[]): JsonObject {
  const url = absoluteUrl(site, claimReviewFeedUrl(), pathPrefix);
  const latest = verdicts
    .map((v) => v.updated ?? v.date)
    .sort(compare)
    .at(-1);
  const feed: DataFeed = {
    '@type': 'DataFeed',
    '@id': url,
    name: `${site.title}: fact-checks`,
    url,
    inLanguage: site.language,
    publisher: organisation(site),
    // The structured data is published by the organisation; its licence only when site.json names one.
    sdPublisher: organisation(site),
    ...(site.license ? { sdLicense: site.license } : {}),
    ...(latest ? { dateModified: latest } : {}),
    dataFeedElement: items,
  };
  return asJson({ '@context': CONTEXT, ...feed });
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
