// Anchoring a verdict's quote to the passage of its seed: exact -> normalised -> case-insensitive -> approximate.
// A quote is never attached silently to the wrong text: several equally good places are an error unless prefix/suffix
// single one out, and an approximate match must be the single best one within 1 error per 10 characters.

import search from 'approx-string-match';
import { positionAt, seedLineStarts, type LinePosition } from '../model/lines.ts';
import { isSegmentBoundary, normaliseQuote, seedView, toOriginal, type NormalisedText } from './normalise.ts';
import type { Anchor, AnchorMethod, QuoteSelector, RuleId, Seed } from '../model/types.ts';

export interface AnchorNote {
  severity: 'error' | 'warning';
  rule: RuleId;
  message: string;
}

export interface AnchorResult {
  anchor?: Anchor;
  notes: AnchorNote[];
}

/** Normalised quotes shorter than this must match exactly: a typo in a short quote could fit anywhere. */
const MIN_APPROXIMATE_LENGTH = 20;
/** Longer quotes must match exactly too: no editor copies pages by hand, and it bounds the filter's size. */
const MAX_APPROXIMATE_LENGTH = 5000;
const ERRORS_PER_CHARACTER = 0.1;
/** Caps the pigeonhole filter at 32 pieces (one bit each in a vote), which keeps a long quote against a large seed fast. */
const MAX_ERRORS = 31;
const MAX_OCCURRENCES = 100_000;
const LISTED_OCCURRENCES = 20;
/** Longer quotes are compared by their beginning when looking for the closest passage. */
const CLOSEST_MAX_QUOTE = 1000;
const EXCERPT_LENGTH = 80;
/** Context agreeing on at least this share of its characters may still pick one of several places (with a warning). */
const MIN_CONTEXT_AGREEMENT = 0.5;

interface Candidate {
  view: NormalisedText;
  /** Normalised [vs, ve) in `view`. */
  vs: number;
  ve: number;
  errors: number;
}

type Tier = 'normalised' | 'case' | 'approximate';

export function anchorQuote(seed: Seed, selector: QuoteSelector): AnchorResult {
  const quote = normaliseQuote(selector.quote);
  if (quote === '') {
    return {
      notes: [
        error(
          'field-invalid',
          `the quote is empty or only whitespace; copy the passage you are checking from seed ${seed.id} into \`quote:\`.`,
        ),
      ],
    };
  }
  const plain = seedView(seed);
  let tier: Tier = 'normalised';
  let candidates = occurrences(plain, quote);
  if (candidates.length === 0) {
    const folded = seedView(seed, true);
    const foldedQuote = normaliseQuote(selector.quote, { foldCase: true });
    tier = 'case';
    candidates = occurrences(folded, foldedQuote);
    if (candidates.length === 0) {
      tier = 'approximate';
      const approximate = approximateMatches(folded, foldedQuote);
      candidates = bestOf(approximate.matches);
      if (candidates.length === 0) return { notes: [notFound(seed, folded, foldedQuote, approximate.votes)] };
    }
  }
  const choice = choose(seed, candidates, selector, tier);
  if (!choice.candidate) return { notes: choice.notes };
  const anchor = toAnchor(seed, choice.candidate, selector.quote, tier);
  const notes = [...choice.notes];
  if (anchor.method === 'case' || anchor.method === 'approximate') notes.unshift(notVerbatim(seed, anchor, quote));
  return { anchor, notes };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function error(rule: RuleId, message: string): AnchorNote {
  return { severity: 'error', rule, message };
}

function warning(rule: RuleId, message: string): AnchorNote {
  return { severity: 'warning', rule, message };
}

/** Every place where `quote` occurs in the view, on segment boundaries. */
function occurrences(view: NormalisedText, quote: string): Candidate[] {
  const found: Candidate[] = [];
  let at = view.text.indexOf(quote);
  while (at !== -1 && found.length < MAX_OCCURRENCES) {
    const end = at + quote.length;
    if (isSegmentBoundary(view, at) && isSegmentBoundary(view, end)) found.push({ view, vs: at, ve: end, errors: 0 });
    at = view.text.indexOf(quote, at + 1);
  }
  return found;
}

function toAnchor(seed: Seed, candidate: Candidate, rawQuote: string, tier: Tier): Anchor {
  const { start, end } = toOriginal(candidate.view, candidate.vs, candidate.ve);
  const text = seed.text.slice(start, end);
  const method: AnchorMethod = tier === 'normalised' ? (text === rawQuote.trim() ? 'exact' : 'normalised') : tier;
  const { line, column } = positionOf(seed, start);
  return { seed: seed.id, start, end, line, column, method, errors: candidate.errors, text };
}

function positionOf(seed: Seed, offset: number): LinePosition {
  return positionAt(seedLineStarts(seed), offset);
}

// ---------------------------------------------------------------------------------------------------------------
// Choosing among candidates with prefix/suffix

interface ContextCheck {
  field: 'prefix' | 'suffix';
  /** Share (0..1) of the given context that the seed still has next to the candidate. */
  agreement: number;
  given: string;
  /** The seed's own words where the context should be. */
  actual: string;
}

/** Prefix/suffix longer than this are compared by the part nearest the quote. */
export const CONTEXT_LENGTH = 200;

interface Context {
  prefix: string;
  suffix: string;
}

/** The selector's prefix and suffix, normalised and case-folded, cut to the part nearest the quote. */
function contextOf(selector: QuoteSelector): Context {
  return {
    prefix: normaliseQuote(selector.prefix ?? '', { foldCase: true }).slice(-CONTEXT_LENGTH),
    suffix: normaliseQuote(selector.suffix ?? '', { foldCase: true }).slice(0, CONTEXT_LENGTH),
  };
}

function contextChecks(seed: Seed, candidate: Candidate, selector: QuoteSelector, context: Context): ContextCheck[] {
  const checks: ContextCheck[] = [];
  const { view, vs, ve } = candidate;
  const { prefix, suffix } = context;
  if (prefix !== '') {
    const from = Math.max(0, vs - prefix.length - 1);
    const range = toOriginal(view, wholeWords(view.text, from, vs)[0], vs);
    checks.push({
      field: 'prefix',
      agreement: contextAgreement(view.text.slice(Math.max(0, vs - 2 * prefix.length), vs), prefix, 'end'),
      given: excerpt(selector.prefix ?? '', 'end'),
      actual: excerpt(seed.text.slice(range.start, range.end), 'end'),
    });
  }
  if (suffix !== '') {
    const to = Math.min(view.text.length, ve + suffix.length + 1);
    const range = toOriginal(view, ve, wholeWords(view.text, ve, to)[1]);
    checks.push({
      field: 'suffix',
      agreement: contextAgreement(view.text.slice(ve, ve + 2 * suffix.length), suffix, 'start'),
      given: excerpt(selector.suffix ?? '', 'start'),
      actual: excerpt(seed.text.slice(range.start, range.end), 'start'),
    });
  }
  return checks;
}

/**
 * 1 when the context sits right next to the quote (whitespace aside); otherwise the share of its characters that
 * survive in the text on that side (1 - edit distance / length, via Myers), so an edited seed still scores high.
 */
function contextAgreement(side: string, context: string, adjacent: 'start' | 'end'): number {
  const text = side.toLowerCase();
  const trimmed = adjacent === 'end' ? text.trimEnd() : text.trimStart();
  if (adjacent === 'end' ? trimmed.endsWith(context) : trimmed.startsWith(context)) return 1;
  const [match] = search(text, context, context.length);
  return match ? Math.min(0.99, 1 - match.errors / context.length) : 0;
}

function agreement(checks: ContextCheck[]): number {
  return checks.reduce((sum, check) => sum + check.agreement, 0) / Math.max(1, checks.length);
}

function contextChanged(seed: Seed, candidate: Candidate, checks: ContextCheck[]): AnchorNote[] {
  const { line } = positionOf(seed, toOriginal(candidate.view, candidate.vs, candidate.ve).start);
  return checks
    .filter((check) => check.agreement < 1)
    .map((check) => {
      const where = check.field === 'prefix' ? 'before' : 'after';
      const now = check.actual === '' ? 'nothing' : JSON.stringify(check.actual);
      return warning(
        'context-changed',
        `the ${check.field} no longer matches seed ${seed.id}: the verdict has ${JSON.stringify(check.given)} but the seed now has ` +
          `${now} ${where} the quote (line ${line}). The seed may have been edited: check that the passage still ` +
          `says what the verdict reviews, then update \`${check.field}:\`.`,
      );
    });
}

function choose(
  seed: Seed,
  candidates: Candidate[],
  selector: QuoteSelector,
  tier: Tier,
): { candidate?: Candidate; notes: AnchorNote[] } {
  const context = contextOf(selector);
  const checks = candidates.map((candidate) => contextChecks(seed, candidate, selector, context));
  if (candidates.length === 1) {
    const candidate = candidates[0] as Candidate;
    return { candidate, notes: contextChanged(seed, candidate, checks[0] ?? []) };
  }
  const hasContext = (checks[0] ?? []).length > 0;
  if (!hasContext) return { notes: [ambiguous(seed, candidates, tier, 'no-context')] };
  const fitting = candidates.filter((_, i) => (checks[i] ?? []).every((check) => check.agreement === 1));
  if (fitting.length === 1) return { candidate: fitting[0], notes: [] };
  if (fitting.length > 1) return { notes: [ambiguous(seed, candidates, tier, 'fits-several', fitting)] };
  const scores = checks.map(agreement);
  const best = Math.max(...scores);
  const bestAt = scores.indexOf(best);
  if (best >= MIN_CONTEXT_AGREEMENT && scores.indexOf(best, bestAt + 1) === -1) {
    const candidate = candidates[bestAt] as Candidate;
    return { candidate, notes: contextChanged(seed, candidate, checks[bestAt] ?? []) };
  }
  return { notes: [ambiguous(seed, candidates, tier, 'fits-none')] };
}

function ambiguous(
  seed: Seed,
  candidates: Candidate[],
  tier: Tier,
  context: 'no-context' | 'fits-several' | 'fits-none',
  fitting: Candidate[] = [],
): AnchorNote {
  const where = (list: Candidate[], withColumn: boolean): string => {
    const places = list.slice(0, LISTED_OCCURRENCES).map((candidate) => {
      const { line, column } = positionOf(seed, toOriginal(candidate.view, candidate.vs, candidate.ve).start);
      return withColumn ? `line ${line} (column ${column})` : `line ${line}`;
    });
    const more = list.length > LISTED_OCCURRENCES ? ` and ${list.length - places.length} more` : '';
    return places.join(', ') + more;
  };
  const count = candidates.length >= MAX_OCCURRENCES ? `at least ${candidates.length}` : `${candidates.length}`;
  const what =
    tier === 'approximate'
      ? `the quote is not verbatim in seed ${seed.id}, and ${count} passages match it equally closely ` +
        `(${plural(candidates[0]?.errors ?? 0, 'difference')} each): `
      : `the quote occurs ${count} times in seed ${seed.id}${tier === 'case' ? ' (ignoring letter case)' : ''}: `;
  const fix =
    context === 'no-context'
      ? 'Add `prefix:` or `suffix:` with the words just before or after the one you mean.'
      : context === 'fits-several'
        ? `The prefix/suffix fit ${fitting.length} of them (${where(fitting, false)}); make them longer so that ` +
          `they fit only the one you mean (up to ${CONTEXT_LENGTH} characters next to the quote are compared; where more are the same, quote a longer passage).`
        : 'The prefix/suffix fit none of them; copy the words just before or after the one you mean again.';
  return error('quote-ambiguous', `${what}${where(candidates, true)}. ${fix}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Approximate matching: filter with exact pieces (pigeonhole), verify with Myers' algorithm

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Largest number of errors an approximate match of a quote of this (normalised) length may have. */
function allowedErrors(quoteLength: number): number {
  if (quoteLength < MIN_APPROXIMATE_LENGTH || quoteLength > MAX_APPROXIMATE_LENGTH) return 0;
  return Math.min(MAX_ERRORS, Math.floor(quoteLength * ERRORS_PER_CHARACTER));
}

/**
 * Where parts of the quote found in the text put the quote's start: per bucket of start positions, a bit set of the
 * parts (at most 32) that voted for it. The best-voted buckets are where the closest passage is looked for.
 */
class StartVotes {
  readonly bucketSize: number;
  private readonly buckets: Uint32Array;
  count = 0;

  constructor(textLength: number, quoteLength: number) {
    this.bucketSize = Math.max(16, Math.min(quoteLength, CLOSEST_MAX_QUOTE) >> 1);
    this.buckets = new Uint32Array(Math.ceil((textLength + 1) / this.bucketSize) + 1);
  }

  add(start: number, part: number): void {
    const bucket = Math.floor(Math.max(0, start) / this.bucketSize);
    if (bucket >= this.buckets.length) return;
    this.buckets[bucket] = ((this.buckets[bucket] ?? 0) | (1 << part)) >>> 0;
    this.count++;
  }

  /** The `n` buckets voted for by the most distinct parts (with the next bucket's), best first. */
  best(n: number): Array<{ start: number; score: number }> {
    const ranked: Array<{ start: number; score: number }> = [];
    for (let b = 0; b < this.buckets.length; b++) {
      const votes = this.buckets[b] ?? 0;
      if (votes === 0) continue;
      const score = bitCount((votes | (this.buckets[b + 1] ?? 0)) >>> 0);
      if (ranked.length < n || score > (ranked[ranked.length - 1]?.score ?? 0)) {
        ranked.push({ start: b * this.bucketSize, score });
        ranked.sort((x, y) => y.score - x.score || x.start - y.start);
        if (ranked.length > n) ranked.pop();
      }
    }
    return ranked;
  }
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

/**
 * Every distinct place where `quote` matches with at most `allowedErrors` errors, each with its error count, and the
 * votes of the pieces for the closest-passage search. A match with k errors contains at least one of k + 1 disjoint
 * pieces of the quote verbatim, so only windows around exact occurrences of the pieces (one regex pass) are verified.
 * It runs on the case-folded view: letter case never counts as an error.
 */
function approximateMatches(view: NormalisedText, quote: string): { matches: Candidate[]; votes?: StartVotes } {
  const k = allowedErrors(quote.length);
  if (k === 0) return { matches: [] };
  const m = quote.length;
  const pieces: Array<{ text: string; offset: number }> = [];
  for (let i = 0; i <= k; i++) {
    const offset = Math.floor((i * m) / (k + 1));
    pieces.push({ text: quote.slice(offset, Math.floor(((i + 1) * m) / (k + 1))), offset });
  }
  const alternatives = [...new Set(pieces.map((piece) => piece.text))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(alternatives.map(escapeRegExp).join('|'), 'g');
  const text = view.text;
  const votes = new StartVotes(text.length, m);
  const windows: Array<[number, number]> = [];
  for (let hit = pattern.exec(text); hit !== null; hit = pattern.exec(text)) {
    pieces.forEach((piece, i) => {
      if (!text.startsWith(piece.text, hit.index)) return;
      const start = hit.index - piece.offset;
      votes.add(start, i);
      windows.push([Math.max(0, start - k), Math.min(text.length, start + m + k)]);
    });
    pattern.lastIndex = hit.index + 1;
  }
  windows.sort((a, b) => a[0] - b[0]);
  const matches: Candidate[] = [];
  let w = 0;
  while (w < windows.length) {
    let [from, to] = windows[w] as [number, number];
    for (w++; w < windows.length && (windows[w] as [number, number])[0] <= to; w++) {
      to = Math.max(to, (windows[w] as [number, number])[1]);
    }
    for (const match of search(text.slice(from, to), quote, k)) {
      matches.push({ view, vs: from + match.start, ve: from + match.end, errors: match.errors });
    }
  }
  return { matches: distinctPlaces(view, matches, m), votes };
}

/** Overlapping matches are one place: keep the fewest errors (then the length closest to the quote's), snapped to whole segments. */
function distinctPlaces(view: NormalisedText, matches: Candidate[], quoteLength: number): Candidate[] {
  matches.sort((a, b) => a.vs - b.vs || a.ve - b.ve);
  const places: Candidate[] = [];
  let group: Candidate | undefined;
  let groupEnd = -1;
  for (const match of matches) {
    if (group && match.vs < groupEnd) {
      groupEnd = Math.max(groupEnd, match.ve);
      if (preferable(match, group)) group = match;
      continue;
    }
    if (group) places.push(snap(group));
    group = match;
    groupEnd = match.ve;
  }
  if (group) places.push(snap(group));
  return places;

  // Among equally close matches, prefer one that starts and ends where words do, then the quote's length.
  function preferable(a: Candidate, b: Candidate): boolean {
    if (a.errors !== b.errors) return a.errors < b.errors;
    const aligned = (c: Candidate) => Number(atWordBoundary(view.text, c.vs)) + Number(atWordBoundary(view.text, c.ve));
    if (aligned(a) !== aligned(b)) return aligned(a) > aligned(b);
    return Math.abs(a.ve - a.vs - quoteLength) < Math.abs(b.ve - b.vs - quoteLength);
  }

  function snap(match: Candidate): Candidate {
    const text = view.text;
    let { vs, ve } = match;
    while (vs > 0 && !isSegmentBoundary(view, vs)) vs--;
    while (ve < text.length && !isSegmentBoundary(view, ve)) ve++;
    while (vs < ve && text[vs] === ' ') vs++;
    while (ve > vs && text[ve - 1] === ' ') ve--;
    // A zero-error match only reaches this point when it cut a combining sequence; growing it to whole segments
    // made it differ from the quote.
    return { view, vs, ve, errors: Math.max(1, match.errors) };
  }
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

function atWordBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !WORD_CHARACTER.test(text[i - 1] ?? '') || !WORD_CHARACTER.test(text[i] ?? '');
}

function bestOf(candidates: Candidate[]): Candidate[] {
  const fewest = Math.min(...candidates.map((candidate) => candidate.errors));
  return candidates.filter((candidate) => candidate.errors === fewest);
}

// ---------------------------------------------------------------------------------------------------------------
// Nothing close enough: find the closest passage (bounded: one regex pass and a few Myers verifications)

const CLOSEST_WORDS = 16;
const CLOSEST_PLACES = 5;
const CLOSEST_MAX_HITS = 300_000;

/** Pieces agreeing on fewer places than this are weak evidence: the quote's words are asked as well. */
const STRONG_PIECE_VOTES = 3;

/**
 * The passage most like the quote. The places most voted for by the pieces of the approximate search and, when those
 * are few or weak, by the quote's longest words (one more regex pass) are measured with Myers; the best one wins.
 */
function closestPassage(view: NormalisedText, fullQuote: string, pieceVotes?: StartVotes): Candidate | undefined {
  const quote = fullQuote.slice(0, CLOSEST_MAX_QUOTE);
  const places = pieceVotes?.best(CLOSEST_PLACES) ?? [];
  const bucketSize = pieceVotes?.bucketSize ?? 0;
  const strongest = places[0]?.score ?? 0;
  const candidates = places.map((place) => ({ ...place, bucketSize }));
  if (strongest < STRONG_PIECE_VOTES) {
    const words = wordVotes(view, quote);
    if (words) candidates.push(...words.best(CLOSEST_PLACES).map((place) => ({ ...place, bucketSize: words.bucketSize })));
  }
  let closest: Candidate | undefined;
  for (const { start, bucketSize: size } of candidates) {
    const from = Math.max(0, start - quote.length);
    const to = Math.min(view.text.length, start + 2 * size + 2 * quote.length);
    const [match] = search(view.text.slice(from, to), quote, quote.length);
    if (match && (!closest || match.errors < closest.errors)) {
      closest = { view, vs: from + match.start, ve: from + match.end, errors: match.errors };
    }
  }
  return closest && distinctPlaces(view, [closest], quote.length)[0];
}

function wordVotes(view: NormalisedText, quote: string): StartVotes | undefined {
  const wordOffsets = new Map<string, number>();
  for (const word of quote.matchAll(/[\p{L}\p{N}]{3,}/gu)) {
    if (!wordOffsets.has(word[0])) wordOffsets.set(word[0], word.index);
  }
  const words = [...wordOffsets.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, CLOSEST_WORDS);
  if (words.length === 0) return undefined;
  const part = new Map(words.map((word, i) => [word, i]));
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'g');
  const votes = new StartVotes(view.text.length, quote.length);
  for (let hit = pattern.exec(view.text); hit !== null && votes.count < CLOSEST_MAX_HITS; hit = pattern.exec(view.text)) {
    votes.add(hit.index - (wordOffsets.get(hit[0]) ?? 0), part.get(hit[0]) ?? 0);
  }
  return votes.count > 0 ? votes : undefined;
}

/** [vs, ve) grown to the nearest spaces (by at most a word's length), so an excerpt does not start or end mid-word. */
function wholeWords(text: string, vs: number, ve: number): [number, number] {
  const MAX_GROWTH = 40;
  let from = vs;
  while (from > 0 && vs - from < MAX_GROWTH && text[from - 1] !== ' ') from--;
  let to = ve;
  while (to < text.length && to - ve < MAX_GROWTH && text[to] !== ' ') to++;
  return [from === 0 || text[from - 1] === ' ' ? from : vs, to === text.length || text[to] === ' ' ? to : ve];
}

function notFound(seed: Seed, folded: NormalisedText, foldedQuote: string, votes?: StartVotes): AnchorNote {
  const closest = closestPassage(folded, foldedQuote, votes);
  const short =
    foldedQuote.length < MIN_APPROXIMATE_LENGTH
      ? ` (a quote shorter than ${MIN_APPROXIMATE_LENGTH} characters must match exactly)`
      : foldedQuote.length > MAX_APPROXIMATE_LENGTH
        ? ` (a quote longer than ${MAX_APPROXIMATE_LENGTH} characters must match exactly)`
        : '';
  if (!closest) {
    return error(
      'quote-not-found',
      `quote not found in seed ${seed.id}${short}, and no passage of it is similar. ` +
        'Check that `seed:` names the seed the quote was copied from, and copy the passage from it again.',
    );
  }
  const { start, end } = toOriginal(folded, ...wholeWords(folded.text, closest.vs, closest.ve));
  const { line } = positionOf(seed, start);
  return error(
    'quote-not-found',
    `quote not found in seed ${seed.id}${short}; closest: ${quoted(seed.text.slice(start, end))} (line ${line}). ` +
      'Copy the passage from the seed again, or check that `seed:` names the right seed.',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Telling the editor what differs

function notVerbatim(seed: Seed, anchor: Anchor, quote: string): AnchorNote {
  const seedWords = normaliseQuote(anchor.text);
  const where = `seed ${seed.id} (line ${anchor.line})`;
  const advice = "The page shows the seed's own words; correct the quote to match them.";
  if (anchor.method === 'case') {
    return warning(
      'quote-approximate',
      `the quote differs from ${where} only in letter case: ${describeDifference(quote, seedWords)}. ${advice}`,
    );
  }
  const differences = plural(anchor.errors, 'difference');
  return warning(
    'quote-approximate',
    `the quote is not verbatim in ${where}; the closest passage has ${differences}: ` +
      `${describeDifference(quote, seedWords)}. ${advice}`,
  );
}

const MAX_DIFF_TOKENS = 600;
const LISTED_DIFFERENCES = 3;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+|\S/gu), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * A short, readable diff of words and punctuation, each change shown with one token of context on either side,
 * e.g. `quote "use all means availble to" vs seed "use \"all means available\" to"`.
 */
function describeDifference(quote: string, seedText: string): string {
  const a = tokenise(quote);
  const b = tokenise(seedText);
  const whole = `quote ${quoted(quote)} vs seed ${quoted(seedText)}`;
  if (a.length > MAX_DIFF_TOKENS || b.length > MAX_DIFF_TOKENS) return whole;
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as Uint16Array;
    const below = lcs[i + 1] as Uint16Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i]?.text === b[j]?.text ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  // Each hunk: token ranges [i0, i1) of the quote and [j0, j1) of the seed that differ.
  const hunks: Array<{ i0: number; i1: number; j0: number; j1: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]?.text === b[j]?.text) {
      i++;
      j++;
      continue;
    }
    const last = hunks[hunks.length - 1];
    const hunk = last && last.i1 === i && last.j1 === j ? last : { i0: i, i1: i, j0: j, j1: j };
    if (hunk !== last) hunks.push(hunk);
    if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) hunk.j1 = ++j;
    else hunk.i1 = ++i;
  }
  if (hunks.length === 0) return whole;
  const fragment = (text: string, tokens: Token[], from: number, to: number): string => {
    const first = tokens[Math.max(0, from - 1)];
    const last = tokens[Math.min(tokens.length - 1, to)];
    return first && last ? quoted(text.slice(first.start, last.end), 40) : '""';
  };
  const shown = hunks
    .slice(0, LISTED_DIFFERENCES)
    .map((h) => `quote ${fragment(quote, a, h.i0, h.i1)} vs seed ${fragment(seedText, b, h.j0, h.j1)}`);
  const more = hunks.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** An excerpt in double quotes, escaped like a JSON string so quote marks and control characters stay readable. */
function quoted(text: string, max = EXCERPT_LENGTH): string {
  return JSON.stringify(excerpt(text, 'start', max));
}

/** The text on one line, whitespace collapsed, cut to `max` characters (keeping its start or its end). */
function excerpt(text: string, keep: 'start' | 'end' = 'start', max = EXCERPT_LENGTH): string {
  // Cut first so that a huge text is never copied whole; whitespace runs may shrink it further.
  const cut = text.length > max * 8 ? (keep === 'start' ? text.slice(0, max * 8) : text.slice(-max * 8)) : text;
  const flat = cut.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  return keep === 'start' ? `${chars.slice(0, max - 1).join('')}…` : `…${chars.slice(chars.length - max + 1).join('')}`;
}
