// Approximate matching: filter with exact pieces (pigeonhole), verify with Myers' algorithm. The filter keeps a
// long quote against a large seed fast; the bounds on the quote's length and on the errors keep a typo in a
// short quote from fitting anywhere, and an approximate match must be the single best one.
import search from 'approx-string-match';
import { isSegmentBoundary, type NormalisedText } from '../normalise.ts';
import type { Candidate } from './candidate.ts';
import { StartVotes } from './start-votes.ts';

/** Normalised quotes shorter than this must match exactly: a typo in a short quote could fit anywhere. */
export const MIN_APPROXIMATE_LENGTH = 20;
/** Longer quotes must match exactly too: no editor copies pages by hand, and it bounds the filter's size. */
export const MAX_APPROXIMATE_LENGTH = 5000;
const ERRORS_PER_CHARACTER = 0.1;
/** Caps the pigeonhole filter at 32 pieces (one bit each in a vote), which keeps a long quote against a large seed fast. */
const MAX_ERRORS = 31;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Largest number of errors an approximate match of a quote of this (normalised) length may have. */
function allowedErrors(quoteLength: number): number {
  if (quoteLength < MIN_APPROXIMATE_LENGTH || quoteLength > MAX_APPROXIMATE_LENGTH) return 0;
  return Math.min(MAX_ERRORS, Math.floor(quoteLength * ERRORS_PER_CHARACTER));
}

/**
 * Every distinct place where `quote` matches with at most `allowedErrors` errors, each with its error count, and the
 * votes of the pieces for the closest-passage search. A match with k errors contains at least one of k + 1 disjoint
 * pieces of the quote verbatim, so only windows around exact occurrences of the pieces (one regex pass) are verified.
 * It runs on the case-folded view: letter case never counts as an error.
 */
export function approximateMatches(view: NormalisedText, quote: string): { matches: Candidate[]; votes?: StartVotes } {
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
export function distinctPlaces(view: NormalisedText, matches: Candidate[], quoteLength: number): Candidate[] {
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

export function bestOf(candidates: Candidate[]): Candidate[] {
  const fewest = Math.min(...candidates.map((candidate) => candidate.errors));
  return candidates.filter((candidate) => candidate.errors === fewest);
}
