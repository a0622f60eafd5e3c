// The name a reader sees for a seed. Computed once, when the seed is loaded (seeds.ts; a later capture keeps
// its first capture's name, captures.ts), and printed wherever a seed is named: its pages, the listings, the
// verdict, compare and changes pages, the structured data, review. The id stays in the evidence details.
//
// 1. `title` from the seed's metadata.
// 2. Else the text's headline line: its first non-blank line, when a blank line and then more text follow it,
//    it is at most HEADLINE_LIMIT characters and HEADLINE_MIN_WORDS words or more, does not begin with a
//    lowercase letter (a tag line such as "donbas referndum russia ukraine") and does not end as a sentence
//    or a label does (. , ; : …, before any closing quote or bracket). A question or an exclamation can be a
//    headline, so ? and ! are allowed.
// 3. Else its opening words in quotes, cut at a word boundary at most OPENING_LIMIT characters in, with an
//    ellipsis when the text goes on.
// 4. The id, for a text with nothing in it.
// Invisible characters (invisible-text.ts) are written as their code point, "[U+202E]", as the seed's pages
// label them, so a title cannot reorder the text around it; each run of white space is one space.
import { INVISIBLE_IN_TEXT } from './invisible-text.ts';
import type { SeedMeta, TitleSource } from '../model/types.ts';
import { codePointLabel } from '../model/visible.ts';

export const HEADLINE_LIMIT = 150;
export const HEADLINE_MIN_WORDS = 3;
export const OPENING_LIMIT = 70;
/** Characters looked at for the headline line, from the first non-blank one: room for a headline and blank lines padded with spaces, however large the seed. */
const HEADLINE_WINDOW = 2000;
/** Characters looked at for the opening words: room for OPENING_LIMIT characters of words and the spaces between them. */
const OPENING_WINDOW = 4 * OPENING_LIMIT;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NOT_A_HEADLINE_END = /[.,;:…。，；：]$/u;
const CLOSING_MARKS = /["'”’»)\]]+$/u;
/** Dropped from the end of the opening words before the ellipsis. */
const TRAILING = /[\s.,;:…\-–—]+$/u;
// A fixed locale: the same text is cut and counted the same way on every machine.
const words = new Intl.Segmenter('en', { granularity: 'word' });
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export interface ReadableTitle {
  title: string;
  titleFrom: TitleSource;
}

/** Text as one line of a title: invisible characters as their code points ("[U+202E]"), white space collapsed, trimmed. */
function oneLine(text: string): string {
  return text
    .replace(INVISIBLE_IN_TEXT, (c) => `[${codePointLabel(c.charCodeAt(0))}]`)
    .replace(/\s+/g, ' ')
    .trim();
}

const length = (text: string) => [...text].length;

/**
 * Words as the Unicode word segmenter finds them, so a script written without spaces (Chinese, Thai) counts too.
 * Counted by spaces first: the segmenter costs some 40 µs a line, and a space-separated token with a letter or
 * digit holds at least one of its words, so enough tokens are enough words.
 */
function hasWords(text: string, enough: number): boolean {
  let count = 0;
  for (const token of text.split(' ')) if (LETTER_OR_DIGIT.test(token) && ++count >= enough) return true;
  count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike && ++count >= enough) return true;
  return false;
}

/** The first line of `window` when it is a headline (see the rules above); `more`: the text goes on past the window. */
function headlineLine(window: string, more: boolean): string | undefined {
  const breaks = /\r\n|\r|\n/g;
  const first = breaks.exec(window);
  const second = first && breaks.exec(window);
  if (!first || !second) return undefined;
  if (/\S/.test(window.slice(first.index + first[0].length, second.index))) return undefined;
  if (!more && !/\S/.test(window.slice(second.index + second[0].length))) return undefined;
  const line = oneLine(window.slice(0, first.index));
  if (length(line) > HEADLINE_LIMIT || !hasWords(line, HEADLINE_MIN_WORDS)) return undefined;
  const letter = /\p{L}/u.exec(line);
  if (letter && /\p{Ll}/u.test(letter[0])) return undefined;
  if (NOT_A_HEADLINE_END.test(line.replace(CLOSING_MARKS, ''))) return undefined;
  return line;
}

/** The first OPENING_LIMIT graphemes of one long word (a text without spaces, such as Chinese or a URL). */
function firstGraphemes(word: string): string {
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(word)) {
    if (++count > OPENING_LIMIT) break;
    out += segment;
  }
  return out;
}

/** “The opening words…” of `window`, the ellipsis when they are not the whole text. */
function openingWords(window: string, more: boolean): string {
  const flat = oneLine(window);
  // A window that stops inside the text may stop inside a word: that word is not the text's.
  const all = flat.split(' ');
  const candidates = more && all.length > 1 ? all.slice(0, -1) : all;
  let shown = '';
  let shownLength = 0;
  let taken = 0;
  for (const word of candidates) {
    const nextLength = shownLength + (taken === 0 ? 0 : 1) + length(word);
    if (nextLength > OPENING_LIMIT) break;
    shown = taken === 0 ? word : `${shown} ${word}`;
    shownLength = nextLength;
    taken++;
  }
  if (taken === 0) shown = firstGraphemes(all[0]!);
  const whole = !more && taken === all.length;
  if (whole) return `“${shown}”`;
  return `“${shown.replace(TRAILING, '') || shown}…”`;
}

/** The seed's title and where it comes from (see the rules above). */
export function readableTitle(id: string, text: string, meta: SeedMeta): ReadableTitle {
  const given = meta.title?.trim();
  if (given) return { title: given, titleFrom: 'metadata' };
  const start = text.search(/\S/);
  if (start < 0) return { title: id, titleFrom: 'id' };
  const rest = (end: number) => /\S/.test(text.slice(end));
  const headline = headlineLine(text.slice(start, start + HEADLINE_WINDOW), rest(start + HEADLINE_WINDOW));
  if (headline) return { title: headline, titleFrom: 'headline' };
  return { title: openingWords(text.slice(start, start + OPENING_WINDOW), rest(start + OPENING_WINDOW)), titleFrom: 'opening' };
}
