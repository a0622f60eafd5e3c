// /annotations.jsonld: every published verdict as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/),
// in one AnnotationCollection, so annotation tools (Hypothesis and others) can show a fact-check on the
// original article itself. Each annotation's target is the passage: its source is the original article's URL
// when the seed records one (else the copy on this site), selected by the quote with a few words either side
// (TextQuoteSelector) and by its position in the text (TextPositionSelector). Its body is the rating, as text,
// and the verdict page.
//
// Positions count Unicode code points, as the Web Annotation model asks, in the seed's text (the article's
// text as it was stored, BOM removed); a page whose text differs is matched by the quote instead.
import type { Model, PublishedVerdict, SiteMeta } from '../model/types.ts';
import { absoluteUrl, annotationsUrl, seedUrl } from './urls.ts';
import { newestFirst } from '../model/order.ts';
import { publishedVerdicts } from '../model/published.ts';
import { claimReviewIds, safeJson, spliceItems } from './claimreview.ts';

/** The Web Annotation JSON-LD context; src/site/contexts/anno.jsonld is a copy of it. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Code points of the seed's text kept before and after the quote in a TextQuoteSelector. */
export const QUOTE_CONTEXT = 32;

type ModelView = Pick<Model, 'seedsById' | 'scale' | 'verdicts'>;
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isHttp = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);
// Code points are counted in place: spreading a seed's text into an array for each of its verdicts made
// this file's export the slowest page of the build (seconds at 10,000 verdicts). A lone surrogate counts
// as one code point, as string iteration counts it.
const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Number of code points in `text` before UTF-16 offset `offset`. */
function codePoints(text: string, offset: number): number {
  let count = offset;
  for (let i = 1; i < offset; i++) if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) count--;
  return count;
}

/** The last `n` code points of `text.slice(0, end)`. */
function codePointsBefore(text: string, end: number, n: number): string {
  let start = end;
  for (let k = 0; k < n && start > 0; k++)
    start -= start >= 2 && isLow(text.charCodeAt(start - 1)) && isHigh(text.charCodeAt(start - 2)) ? 2 : 1;
  return text.slice(start, end);
}

/** The first `n` code points of `text.slice(start)`. */
function codePointsAfter(text: string, start: number, n: number): string {
  let end = start;
  for (let k = 0; k < n && end < text.length; k++)
    end += end + 1 < text.length && isHigh(text.charCodeAt(end)) && isLow(text.charCodeAt(end + 1)) ? 2 : 1;
  return text.slice(start, end);
}
/** A date as xsd:dateTime: the start of that day, UTC. */
const dateTime = (date: string): string => `${date}T00:00:00Z`;

function annotation(verdict: PublishedVerdict, model: ModelView, site: SiteMeta, pathPrefix: string): JsonObject | undefined {
  const anchor = verdict.anchor;
  const seed = model.seedsById.get(anchor.seed);
  const level = model.scale.levels.find((l) => l.key === verdict.rating);
  if (!seed || !level) return undefined;
  const page = claimReviewIds(verdict.slug, site, pathPrefix).page;
  const source = isHttp(seed.meta.url) ? seed.meta.url : absoluteUrl(site, seedUrl(seed.id), pathPrefix);
  const quote: JsonObject = {
    type: 'TextQuoteSelector',
    exact: anchor.text,
    prefix: codePointsBefore(seed.text, anchor.start, QUOTE_CONTEXT),
    suffix: codePointsAfter(seed.text, anchor.end, QUOTE_CONTEXT),
  };
  const position: JsonObject = {
    type: 'TextPositionSelector',
    start: codePoints(seed.text, anchor.start),
    end: codePoints(seed.text, anchor.end),
  };
  const org = site.organisation;
  return {
    id: `${page}#annotation`,
    type: 'Annotation',
    motivation: 'assessing',
    created: dateTime(verdict.date),
    ...(verdict.updated ? { modified: dateTime(verdict.updated) } : {}),
    creator: { type: 'Organization', name: org.name, homepage: org.url },
    body: [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: `${level.label}: ${verdict.claim}`,
        format: 'text/plain',
        language: site.language,
      },
      { id: page, type: 'Text', format: 'text/html', language: site.language },
    ],
    target: {
      type: 'SpecificResource',
      source,
      selector: [quote, position],
      ...(seed.meta.language ? { language: seed.meta.language } : {}),
    },
  };
}

/**
 * The AnnotationCollection of every published verdict's annotation, newest first, in one embedded page.
 * A preview lists none: it publishes nothing.
 */
export function annotationCollection(model: ModelView, site: SiteMeta, pathPrefix = '/', options: { preview?: boolean } = {}): JsonObject {
  const items = options.preview
    ? []
    : annotated(model).flatMap((v): JsonObject[] => {
        const item = annotation(v, model, site, pathPrefix);
        return item ? [item] : [];
      });
  return collectionOf(site, pathPrefix, items, items.length);
}

/**
 * `safeJson(annotationCollection(...))`, byte for byte, with each verdict's annotation from `itemJson` (given the
 * verdict and a function that makes its JSON, '' for none): npm start keeps those of unchanged verdicts.
 */
export function annotationCollectionJson(
  model: ModelView,
  site: SiteMeta,
  pathPrefix = '/',
  options: { preview?: boolean; itemJson?: (verdict: PublishedVerdict, json: () => string) => string } = {},
): string {
  const itemJson = options.itemJson ?? ((_verdict, json) => json());
  const make = (v: PublishedVerdict) => () => {
    const item = annotation(v, model, site, pathPrefix);
    return item ? safeJson(item) : '';
  };
  const items = options.preview
    ? []
    : annotated(model)
        .map((v) => itemJson(v, make(v)))
        .filter((json) => json !== '');
  return spliceItems(safeJson(collectionOf(site, pathPrefix, [], items.length)), 'items', items);
}

const annotated = (model: ModelView): PublishedVerdict[] => publishedVerdicts(model.verdicts).sort(newestFirst);

function collectionOf(site: SiteMeta, pathPrefix: string, items: JsonObject[], total: number): JsonObject {
  const id = absoluteUrl(site, annotationsUrl(), pathPrefix);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `${site.title}: fact-checks on the passages they check`,
    total,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
