// `npm run new`: a new verdict file anchored to one occurrence of a passage, with every required
// field present and the ones only an editor can fill left empty (so `check` fails until they are).
import { stringify } from 'yaml';
import { anchorQuote } from '../matching/anchor.ts';
import { SLUG_PATTERN } from './fields.ts';
import { positionAt, seedLineStarts } from '../model/lines.ts';
import { isSegmentBoundary, normaliseQuote, seedView, toOriginal } from '../matching/normalise.ts';
import { SCHEMA_COMMENT } from './schema.ts';
import type { QuoteSelector, Seed } from '../model/types.ts';

export interface Occurrence {
  /** Original offsets in the seed. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** Found only ignoring letter case. */
  folded: boolean;
}

/**
 * Every place the quote occurs in the seed after normalisation (the anchoring's first tier), or,
 * when there is none, ignoring letter case (its second tier); in reading order.
 */
export function occurrencesOf(seed: Seed, quote: string): Occurrence[] {
  for (const folded of [false, true]) {
    const view = seedView(seed, folded);
    const wanted = normaliseQuote(quote, { foldCase: folded });
    if (wanted === '') return [];
    const found: Occurrence[] = [];
    for (let at = view.text.indexOf(wanted); at !== -1; at = view.text.indexOf(wanted, at + 1)) {
      const ve = at + wanted.length;
      if (!isSegmentBoundary(view, at) || !isSegmentBoundary(view, ve)) continue;
      const { start, end } = toOriginal(view, at, ve);
      found.push({ start, end, ...positionAt(seedLineStarts(seed), start), folded });
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** Whole words of the seed's text (normalised) before and after the occurrence, at most `length` characters each. */
function contextAround(seed: Seed, occurrence: Occurrence, length: number): { prefix: string; suffix: string } {
  const before = normaliseQuote(seed.text.slice(Math.max(0, occurrence.start - 2 * length), occurrence.start));
  const after = normaliseQuote(seed.text.slice(occurrence.end, occurrence.end + 2 * length));
  let prefix = before.slice(-length);
  if (prefix.length < before.length) prefix = prefix.slice(prefix.indexOf(' ') + 1);
  let suffix = after.slice(0, length);
  if (suffix.length < after.length && suffix.includes(' ')) suffix = suffix.slice(0, suffix.lastIndexOf(' '));
  return { prefix: prefix.trim(), suffix: suffix.trim() };
}

/**
 * The selector that makes the anchoring pick `occurrence`: the quote alone when it is the only
 * one, otherwise the shortest prefix/suffix (32, 64, ... characters) with which `anchorQuote`
 * itself lands there without an error. Undefined when no context singles it out.
 */
export function selectorFor(seed: Seed, quote: string, occurrences: Occurrence[], chosen: Occurrence): QuoteSelector | undefined {
  if (occurrences.length === 1) return { quote };
  for (let length = 32; length <= 4096; length *= 2) {
    const { prefix, suffix } = contextAround(seed, chosen, length);
    const selector: QuoteSelector = { quote, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
    const result = anchorQuote(seed, selector);
    if (result.anchor?.start === chosen.start && !result.notes.some((n) => n.severity === 'error')) return selector;
  }
  return undefined;
}

/** A slug from the first words of the quote (ASCII letters and digits), or undefined when none is usable. */
export function slugFromQuote(quote: string): string | undefined {
  const words = quote
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const slug = words.slice(0, 6).join('-').slice(0, 60).replace(/-+$/, '');
  return slug && SLUG_PATTERN.test(slug) ? slug : undefined;
}

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The new file's text: front matter with the schema comment, then a prompt for the explanation. */
export function verdictTemplate(options: { seed: string; selector: QuoteSelector; date: string }): string {
  const { selector } = options;
  const lines = [
    '---',
    SCHEMA_COMMENT,
    '# Fill in every empty field; `npm run check` fails until title, rating, sources and author are set.',
    'title:',
    `seed: ${scalar(options.seed)}`,
    `quote: ${scalar(selector.quote)}`,
    ...(selector.prefix ? [`prefix: ${scalar(selector.prefix)}`] : []),
    ...(selector.suffix ? [`suffix: ${scalar(selector.suffix)}`] : []),
    '# claim: the claim in your words, when the quote alone does not say it',
    '# claimant: who made the claim',
    '# rating: one of the keys in content/_data/ratings.yml',
    'rating:',
    'sources:',
    '  - title:',
    '    url:',
    'author:',
    `date: ${options.date}`,
    '---',
    'What the claim is, what you checked and how, what you found, and what you could not verify.',
    '',
  ];
  return lines.join('\n');
}
