// A URL text fragment (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, WICG "URL Fragment Text
// Directives") that makes a browser scroll to and highlight the seed's passage in the original article.
import type { Seed, Span } from '../model/types.ts';
import { characterEnd, characterStart, collapseWhitespace, lineAround, wordEnds, wordStarts } from '../matching/text-units.ts';

export interface TextDirective {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

/** A passage of at most this many words (in one paragraph) is matched whole; a longer one by its ends. */
const EXACT_WORDS = 10;
/** Words in textStart and in textEnd for a long passage. */
const RANGE_WORDS = 4;
/** Words of context in prefix and suffix, added only when the passage's text recurs in the seed. */
const CONTEXT_WORDS = 3;
/** How far to look for word boundaries and context words (a seed may be one long line without spaces). */
const REACH = 200;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char);
const wordCharBefore = (text: string, i: number): boolean =>
  i > 0 && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(characterStart(text, i - 1)) ?? 0x20));
const wordCharAt = (text: string, i: number): boolean =>
  i < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) ?? 0x20));

/**
 * The passage widened to whole words (browsers match text directives only at word boundaries) and
 * trimmed of surrounding whitespace; undefined when it is blank or sits inside a word longer than REACH.
 */
function wordBounded(text: string, span: Span): Span | undefined {
  let start = characterStart(text, span.start);
  let end = characterEnd(text, span.end);
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (start >= end) return undefined;
  const floor = start - REACH;
  while (wordCharBefore(text, start) && wordCharAt(text, start)) {
    start = characterStart(text, start - 1);
    if (start < floor) return undefined;
  }
  const ceiling = end + REACH;
  while (wordCharBefore(text, end) && wordCharAt(text, end)) {
    end = characterEnd(text, end + 1);
    if (end > ceiling) return undefined;
  }
  return { start, end };
}

const words = (text: string): string[] =>
  collapseWhitespace(text)
    .trim()
    .split(' ')
    .filter((w) => w !== '');

const folded = new WeakMap<Pick<Seed, 'text'>, string>();
/** Whether `term` occurs more than once in the seed, compared the way browsers do (case and whitespace folded). */
function recurs(seed: Pick<Seed, 'text'>, term: string): boolean {
  let haystack = folded.get(seed);
  if (haystack === undefined) folded.set(seed, (haystack = collapseWhitespace(seed.text).toLowerCase()));
  const needle = term.toLowerCase();
  const first = haystack.indexOf(needle);
  return first >= 0 && haystack.indexOf(needle, first + 1) >= 0;
}

function prefixBefore(text: string, start: number): string | undefined {
  const line = lineAround(text, start, start);
  const starts = wordStarts(text, Math.max(line.start, start - REACH), start);
  const cut = starts[Math.max(0, starts.length - CONTEXT_WORDS)];
  return cut === undefined ? undefined : collapseWhitespace(text.slice(cut, start)).trim() || undefined;
}

function suffixAfter(text: string, end: number): string | undefined {
  const line = lineAround(text, end, end);
  const ends = wordEnds(text, end, Math.min(line.end, end + REACH));
  const cut = ends[Math.min(ends.length, CONTEXT_WORDS) - 1];
  return cut === undefined ? undefined : collapseWhitespace(text.slice(end, cut)).trim() || undefined;
}

/**
 * The text directive for the passage [span.start, span.end) of `seed`: the passage itself when it is short
 * and within one paragraph, else its first and last words (each within its own paragraph, as browsers
 * match each term inside one block); prefix and suffix words from the same paragraphs only when a term
 * recurs in the seed. Undefined for a passage with no words.
 */
export function textDirective(seed: Pick<Seed, 'text'>, span: Span): TextDirective | undefined {
  const { text } = seed;
  const bounded = wordBounded(text, span);
  if (!bounded) return undefined;
  const { start, end } = bounded;
  const firstLineEnd = lineAround(text, start, start).end;
  let directive: TextDirective;
  if (firstLineEnd >= end) {
    const all = words(text.slice(start, end));
    if (all.length <= EXACT_WORDS) directive = { textStart: all.join(' ') };
    else {
      const k = Math.min(RANGE_WORDS, Math.floor(all.length / 2));
      directive = { textStart: all.slice(0, k).join(' '), textEnd: all.slice(-k).join(' ') };
    }
  } else {
    const lastLineStart = lineAround(text, end, end).start;
    directive = {
      textStart: words(text.slice(start, firstLineEnd)).slice(0, RANGE_WORDS).join(' '),
      textEnd: words(text.slice(lastLineStart, end)).slice(-RANGE_WORDS).join(' '),
    };
  }
  if (recurs(seed, directive.textStart) || (directive.textEnd !== undefined && recurs(seed, directive.textEnd))) {
    const prefix = prefixBefore(text, start);
    const suffix = suffixAfter(text, end);
    if (prefix) directive.prefix = prefix;
    if (suffix) directive.suffix = suffix;
  }
  return directive;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encodes a directive term: everything `encodeURIComponent` does, plus `-` (`,` and `&` it already does). */
export function encodeDirectiveTerm(term: string): string {
  return encodeURIComponent(term.replace(LONE_SURROGATE, '\ufffd')).replace(/-/g, '%2D');
}

/** `:~:text=…` for the directive (without the leading `#`). */
export function formatTextDirective(d: TextDirective): string {
  let value = encodeDirectiveTerm(d.textStart);
  if (d.prefix) value = `${encodeDirectiveTerm(d.prefix)}-,${value}`;
  if (d.textEnd) value = `${value},${encodeDirectiveTerm(d.textEnd)}`;
  if (d.suffix) value = `${value},-${encodeDirectiveTerm(d.suffix)}`;
  return `:~:text=${value}`;
}

/**
 * `url` with a text fragment for the passage. An existing fragment is kept (the directive follows it) and
 * an existing text directive is replaced. Returns `url` unchanged when the passage has no words.
 */
export function withTextFragment(url: string, seed: Pick<Seed, 'text'>, span: Span): string {
  const directive = textDirective(seed, span);
  if (!directive) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? `${url}#` : url.slice(0, url.includes(':~:', hash) ? url.indexOf(':~:', hash) : url.length);
  return `${base}${formatTextDirective(directive)}`;
}

/** The seed's original article URL (http(s) only) with a text fragment for the passage; undefined without one. */
export function originalPassageUrl(seed: Pick<Seed, 'text' | 'meta'>, span: Span): string | undefined {
  const url = seed.meta.url;
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return withTextFragment(url, seed, span);
}
