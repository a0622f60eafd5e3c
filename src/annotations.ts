// /annotations.jsonld: every published verdict as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/),
// in one AnnotationCollection, so annotation tools (Hypothesis and others) can show a fact-check on the
// original article itself. Each annotation's target is the passage: its source is the original article's URL
// when the seed records one (else the copy on this site), selected by the quote with a few words either side
// (TextQuoteSelector) and by its position in the text (TextPositionSelector). Its body is the rating, as text,
// and the verdict page.
//
// Positions count Unicode code points, as the Web Annotation model asks, in the seed's text (the article's
// text as it was stored, BOM removed); a page whose text differs is matched by the quote instead.
import type { Model, PublishedVerdict, SiteMeta } from './types.ts';
import { absoluteUrl, annotationsUrl, seedUrl } from './urls.ts';
import { newestFirst } from './order.ts';
import { publishedVerdicts } from './published.ts';
import { claimReviewIds } from './claimreview.ts';

/** The Web Annotation JSON-LD context; src/contexts/anno.jsonld is a copy of it. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Code points of the seed's text kept before and after the quote in a TextQuoteSelector. */
export const QUOTE_CONTEXT = 32;

type ModelView = Pick<Model, 'seedsById' | 'scale' | 'verdicts'>;
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isHttp = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);
/** Number of code points in `text` before UTF-16 offset `offset`. */
const codePoints = (text: string, offset: number): number => [...text.slice(0, offset)].length;
const lastCodePoints = (text: string, n: number): string => [...text].slice(-n).join('');
const firstCodePoints = (text: string, n: number): string => [...text].slice(0, n).join('');
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
    prefix: lastCodePoints(seed.text.slice(0, anchor.start), QUOTE_CONTEXT),
    suffix: firstCodePoints(seed.text.slice(anchor.end), QUOTE_CONTEXT),
  };
  const position: JsonObject = { type: 'TextPositionSelector', start: codePoints(seed.text, anchor.start), end: codePoints(seed.text, anchor.end) };
  const org = site.organisation;
  return {
    id: `${page}#annotation`,
    type: 'Annotation',
    motivation: 'assessing',
    created: dateTime(verdict.date),
    ...(verdict.updated ? { modified: dateTime(verdict.updated) } : {}),
    creator: { type: 'Organization', name: org.name, homepage: org.url },
    body: [
      { type: 'TextualBody', purpose: 'assessing', value: `${level.label}: ${verdict.claim}`, format: 'text/plain', language: site.language },
      { id: page, type: 'Text', format: 'text/html', language: site.language },
    ],
    target: { type: 'SpecificResource', source, selector: [quote, position], ...(seed.meta.language ? { language: seed.meta.language } : {}) },
  };
}

/**
 * The AnnotationCollection of every published verdict's annotation, newest first, in one embedded page.
 * A preview lists none: it publishes nothing.
 */
export function annotationCollection(model: ModelView, site: SiteMeta, pathPrefix = '/', options: { preview?: boolean } = {}): JsonObject {
  const id = absoluteUrl(site, annotationsUrl(), pathPrefix);
  const items = options.preview
    ? []
    : publishedVerdicts(model.verdicts)
        .sort(newestFirst)
        .flatMap((v) => annotation(v, model, site, pathPrefix) ?? []);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `${site.title}: fact-checks on the passages they check`,
    total: items.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
