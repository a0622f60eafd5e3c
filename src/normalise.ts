// The normalised view of a text that quotes are matched against, with a map from every normalised character back
// to the original characters it came from, so a match in the view always highlights the seed's own words.
//
// The original is cut into segments: a base character (a whole surrogate pair) with the combining marks, Hangul
// vowel/final jamo, emoji modifiers and zero-width-joiner sequels (see segmentEnd) that follow it. Each segment is
// normalised on its own (NFC, typographic folding, optional case folding) and all its output characters map to the
// whole segment, so normalising any segment-aligned slice of the original gives exactly the corresponding slice of
// the view, and a match that starts and ends on segment boundaries never splits a surrogate pair or a combining
// sequence.

import { grown } from './typed-array.ts';
import type { Seed } from './types.ts';

export interface NormalisedText {
  text: string;
  /** Per normalised index: original [start, end) of the segment it came from. */
  starts: Int32Array;
  ends: Int32Array;
}

export interface NormaliseOptions {
  /** Also fold letter case (for case-insensitive matching). */
  foldCase?: boolean;
}

const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u2039\u203A\uFF07';
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\uFF02';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
const TYPOGRAPHY = new RegExp(`[${SINGLE_QUOTES}${DOUBLE_QUOTES}${DASHES}\u2026]`, 'g');

function foldTypography(ch: string): string {
  if (ch === '\u2026') return '...';
  if (SINGLE_QUOTES.includes(ch)) return "'";
  if (DOUBLE_QUOTES.includes(ch)) return '"';
  return '-';
}

/** Invisible characters that copy-and-paste adds or loses (soft hyphen, zero-width space, word joiner, BOM). */
function isIgnorable(cp: number): boolean {
  return cp === 0xad || cp === 0x200b || cp === 0x2060 || cp === 0xfeff;
}

const WHITESPACE = /^[\s\u0085]/;

function isWhitespace(cp: number): boolean {
  return cp < 0x80 ? cp === 32 || (cp >= 9 && cp <= 13) : WHITESPACE.test(String.fromCodePoint(cp));
}

const CONTINUATION = /^[\p{M}\p{Emoji_Modifier}\u1160-\u11FF\uD7B0-\uD7FF]/u;
const ZWJ = 0x200d;
// 0 = not yet known, 1 = continues the previous segment, 2 = starts a new one (BMP code points only).
const continuationCache = new Uint8Array(0x10000);

function isContinuation(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp > 0xffff) return CONTINUATION.test(String.fromCodePoint(cp));
  let known = continuationCache[cp];
  if (!known) {
    known = CONTINUATION.test(String.fromCharCode(cp)) ? 1 : 2;
    continuationCache[cp] = known;
  }
  return known === 1;
}

function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function continuesSegment(text: string, j: number): boolean {
  const cp = text.codePointAt(j) ?? 0;
  return cp === ZWJ || isContinuation(cp);
}

/** Whether a code point is written as a character of its own (neither whitespace nor an ignorable invisible). */
function isVisible(cp: number): boolean {
  return !isWhitespace(cp) && !isIgnorable(cp);
}

/**
 * End of the segment that starts at `i`. A zero-width joiner glues the next character on only between two visible
 * ones: a segment normalises to whitespace or to nothing by its first character alone, so whitespace inside a
 * visible segment would escape folding and quote trimming, and a whitespace or ignorable segment would swallow the
 * character joined to it.
 */
function segmentEnd(text: string, i: number): number {
  let j = i + codePointLength(text, i);
  while (j < text.length && text.charCodeAt(j) >= 0x300 && continuesSegment(text, j)) {
    if (text.charCodeAt(j) === ZWJ) {
      j += 1;
      if (j < text.length && isVisible(text.codePointAt(i) ?? 0) && isVisible(text.codePointAt(j) ?? 0)) {
        j += codePointLength(text, j);
      }
    } else {
      j += codePointLength(text, j);
    }
  }
  return j;
}

const SPACE = 1;
const DROP = 2;
type SegmentOutput = string | typeof SPACE | typeof DROP;

function normaliseSegment(segment: string, foldCase: boolean): SegmentOutput {
  const base = segment.codePointAt(0) ?? 0;
  if (isIgnorable(base)) return DROP;
  if (isWhitespace(base)) return SPACE;
  let out = segment.normalize('NFC').replace(TYPOGRAPHY, foldTypography);
  if (foldCase) out = out.toLowerCase().normalize('NFC');
  return out;
}

// Segments below U+0300 are single code units that NFC leaves alone: their outputs are precomputed as one code unit,
// or SPACE_CODE / DROP_CODE, or MANY_CODE when the output is longer (İ folds to i + combining dot).
const LOW = 0x300;
const SPACE_CODE = -1;
const DROP_CODE = -2;
const MANY_CODE = -3;

function lowTable(foldCase: boolean): { codes: Int32Array; outputs: SegmentOutput[] } {
  const codes = new Int32Array(LOW);
  const outputs: SegmentOutput[] = [];
  for (let c = 0; c < LOW; c++) {
    const output = normaliseSegment(String.fromCharCode(c), foldCase);
    outputs.push(output);
    codes[c] = output === SPACE ? SPACE_CODE : output === DROP ? DROP_CODE : output.length === 1 ? output.charCodeAt(0) : MANY_CODE;
  }
  return { codes, outputs };
}

const lowTables = { plain: lowTable(false), folded: lowTable(true) };

const SEGMENT_CACHE_LIMIT = 100_000;
const segmentCaches = { plain: new Map<string, SegmentOutput>(), folded: new Map<string, SegmentOutput>() };

const utf16 = new TextDecoder('utf-16le');

function decode(units: Uint16Array, wellFormed: boolean): string {
  // TextDecoder is fast but would replace lone surrogates, which only a malformed original can contain.
  if (wellFormed) return utf16.decode(units);
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** The normalised view of `original` with its offset map. */
export function normalise(original: string, options: NormaliseOptions = {}): NormalisedText {
  const mode = options.foldCase ? 'folded' : 'plain';
  const { codes, outputs } = lowTables[mode];
  const cache = segmentCaches[mode];
  const n = original.length;
  let capacity = n + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let length = 0;
  let inSpace = false;
  let wellFormed = true;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    let j = i + 1;
    let code = MANY_CODE;
    let result: SegmentOutput | undefined;
    if (c < LOW && (j >= n || original.charCodeAt(j) < LOW || !continuesSegment(original, j))) {
      code = codes[c] as number;
      if (code === MANY_CODE) result = outputs[c];
    } else {
      j = segmentEnd(original, i);
      if (c >= 0xd800 && c <= 0xdfff && codePointLength(original, i) === 1) wellFormed = false;
      const segment = original.slice(i, j);
      result = cache.get(segment);
      if (result === undefined) {
        result = normaliseSegment(segment, mode === 'folded');
        if (cache.size >= SEGMENT_CACHE_LIMIT) cache.clear();
        cache.set(segment, result);
      }
      if (result === SPACE) code = SPACE_CODE;
      else if (result === DROP) code = DROP_CODE;
    }
    if (length + 8 >= capacity || (typeof result === 'string' && length + result.length >= capacity)) {
      capacity = capacity * 2 + (typeof result === 'string' ? result.length : 0);
      units = grown(units, capacity);
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
    }
    if (code >= 0) {
      units[length] = code;
      starts[length] = i;
      ends[length++] = j;
      inSpace = false;
    } else if (code === SPACE_CODE) {
      if (inSpace) {
        ends[length - 1] = j;
      } else {
        units[length] = 32;
        starts[length] = i;
        ends[length++] = j;
        inSpace = true;
      }
    } else if (typeof result === 'string') {
      for (let k = 0; k < result.length; k++) {
        units[length] = result.charCodeAt(k);
        starts[length] = i;
        ends[length++] = j;
      }
      inSpace = false;
    }
    i = j;
  }
  return {
    text: decode(units.subarray(0, length), wellFormed),
    starts: starts.subarray(0, length),
    ends: ends.subarray(0, length),
  };
}

/** The normalised form of a quote (or prefix/suffix): as `normalise`, without leading or trailing space. */
export function normaliseQuote(quote: string, options: NormaliseOptions = {}): string {
  const text = normalise(quote, options).text;
  const from = text.startsWith(' ') ? 1 : 0;
  const to = text.endsWith(' ') && text.length > from ? text.length - 1 : text.length;
  return text.slice(from, to);
}

/** Original [start, end) covered by the normalised range [start, end). */
export function toOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const length = n.text.length;
  if (end <= start) {
    const at = start < length ? (n.starts[start] ?? 0) : length > 0 ? (n.ends[length - 1] ?? 0) : 0;
    return { start: at, end: at };
  }
  return { start: n.starts[start] ?? 0, end: n.ends[Math.min(end, length) - 1] ?? 0 };
}

/** Whether normalised index `i` is the first output of a segment (or the end of the text): a match may start or end there. */
export function isSegmentBoundary(n: NormalisedText, i: number): boolean {
  return i <= 0 || i >= n.text.length || n.starts[i] !== n.starts[i - 1];
}

const views = new WeakMap<Seed, { plain?: NormalisedText; folded?: NormalisedText }>();

/** The seed's normalised view (case-folded when asked), computed once per seed object. */
export function seedView(seed: Seed, foldCase = false): NormalisedText {
  let entry = views.get(seed);
  if (!entry) {
    entry = {};
    views.set(seed, entry);
  }
  const key = foldCase ? 'folded' : 'plain';
  let view = entry[key];
  if (!view) {
    view = normalise(seed.text, { foldCase });
    entry[key] = view;
  }
  return view;
}
