// The quoted passage with a few of the seed's own words on each side, for the verdict page.
import type { Seed, Span } from '../model/types.ts';
import { characterEnd, characterStart, collapseWhitespace, lineAround, wordEnds, wordStarts } from '../matching/text-units.ts';

export interface PassageContext {
  /** Words before the passage in its line, whitespace collapsed; starts with "…" when cut. */
  before: string;
  /** The passage itself, whitespace collapsed. */
  passage: string;
  /** Words after the passage in its line, whitespace collapsed; ends with "…" when cut. */
  after: string;
}

export interface ContextOptions {
  /** How many words at most on each side (default 8). */
  words?: number;
  /** How many characters at most on each side before collapsing, for text without spaces (default 80). */
  maxChars?: number;
}

const ELLIPSIS = '…';
function contextBefore(text: string, start: number, line: Span, words: number, maxChars: number): string {
  const from = Math.max(line.start, start - maxChars);
  const starts = wordStarts(text, from, start);
  let cut: number;
  let wholeWord = true;
  if (starts.length > 0) cut = starts[Math.max(0, starts.length - words)]!;
  else if (from === line.start || text.slice(from, start).trim() === '') cut = start;
  else {
    cut = characterEnd(text, from);
    wholeWord = false;
  }
  const shown = collapseWhitespace(text.slice(cut, start));
  if (text.slice(line.start, cut).trim() === '') return shown.trimStart();
  return wholeWord ? `${ELLIPSIS} ${shown}` : `${ELLIPSIS}${shown}`;
}

function contextAfter(text: string, end: number, line: Span, words: number, maxChars: number): string {
  const to = Math.min(line.end, end + maxChars);
  const ends = wordEnds(text, end, to);
  let cut: number;
  let wholeWord = true;
  if (ends.length > 0) cut = ends[Math.min(ends.length, words) - 1]!;
  else if (to === line.end || text.slice(end, to).trim() === '') cut = end;
  else {
    cut = characterStart(text, to);
    wholeWord = false;
  }
  const shown = collapseWhitespace(text.slice(end, cut));
  if (text.slice(cut, line.end).trim() === '') return shown.trimEnd();
  return wholeWord ? `${shown} ${ELLIPSIS}` : `${shown}${ELLIPSIS}`;
}

/**
 * The passage [span.start, span.end) of the seed's text with up to `words` words before and after it, taken from
 * the same lines (a paragraph break ends the context). Cut at word boundaries, with "…" where the line
 * goes on; a word longer than `maxChars` is cut at a character boundary instead.
 */
export function passageContext(seed: Pick<Seed, 'text'>, span: Span, options: ContextOptions = {}): PassageContext {
  const { text } = seed;
  const words = Math.max(1, options.words ?? 8);
  const maxChars = Math.max(1, options.maxChars ?? 80);
  const start = characterStart(text, span.start);
  const end = Math.max(start, characterEnd(text, span.end));
  const line = lineAround(text, start, end);
  const before = contextBefore(text, start, line, words, maxChars);
  // one space where whitespace runs meet across the parts, as within each part
  let passage = collapseWhitespace(text.slice(start, end));
  if (before.endsWith(' ') && passage.startsWith(' ')) passage = passage.slice(1);
  let after = contextAfter(text, end, line, words, maxChars);
  if ((before + passage).endsWith(' ') && after.startsWith(' ')) after = after.slice(1);
  return { before, passage, after };
}
