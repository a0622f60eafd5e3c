// Character- and word-level helpers for cutting a seed's text for display without breaking a character.
import type { Span } from '../model/types.ts';

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const MARK = /^\p{M}$/u;

/** The code point that starts at `index` (a whole surrogate pair, or one unit). */
function codePointText(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** True when `index` falls between the two halves of a surrogate pair. */
function insidePair(text: string, index: number): boolean {
  return index > 0 && index < text.length && isLow(text.charCodeAt(index)) && isHigh(text.charCodeAt(index - 1));
}

/** Moves `index` back to the start of its character: out of a surrogate pair and before any combining marks. */
export function characterStart(text: string, index: number): number {
  let i = Math.max(0, Math.min(index, text.length));
  if (insidePair(text, i)) i -= 1;
  while (i > 0 && i < text.length && MARK.test(codePointText(text, i))) {
    i -= 1;
    if (insidePair(text, i)) i -= 1;
  }
  return i;
}

/** Moves `index` forward to the end of its character: past the second half of a pair and any combining marks. */
export function characterEnd(text: string, index: number): number {
  let i = Math.max(0, Math.min(index, text.length));
  if (insidePair(text, i)) i += 1;
  while (i > 0 && i < text.length && MARK.test(codePointText(text, i))) {
    i += codePointText(text, i).length;
  }
  return i;
}

const WHITESPACE = /\s/u;

/** How many visible characters `text` has in [start, end): code points that are neither whitespace nor combining marks. */
export function countVisible(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code > 0x20 && code !== 0x7f) count++;
      continue;
    }
    if (isLow(code) && i > start && isHigh(text.charCodeAt(i - 1))) continue;
    const char = codePointText(text, i);
    if (!WHITESPACE.test(char) && !MARK.test(char)) count++;
  }
  return count;
}

/** Every run of whitespace (line breaks, NBSP, thin spaces...) as one space; nothing trimmed. */
export const collapseWhitespace = (text: string): string => text.replace(/\s+/gu, ' ');

/** Whitespace, or outside the text. */
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);

/** Offsets of the line (between line breaks) around [start, end). */
export function lineAround(text: string, start: number, end: number): Span {
  const before = start === 0 ? -1 : Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1));
  const breaks = [text.indexOf('\n', end), text.indexOf('\r', end)].filter((i) => i >= 0);
  return { start: before + 1, end: breaks.length > 0 ? Math.min(...breaks) : text.length };
}

/** Start offsets of the whitespace-separated words of `text` that begin inside [from, to). */
export function wordStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    if (!isSpace(text[i]) && isSpace(text[i - 1])) starts.push(i);
  }
  return starts;
}

/** End offsets of the whitespace-separated words of `text` that end inside (from, to]. */
export function wordEnds(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  for (let i = from + 1; i <= to; i++) {
    if (!isSpace(text[i - 1]) && isSpace(text[i])) ends.push(i);
  }
  return ends;
}
