// The normalised view of a text that quotes are matched against, with a map from every normalised character back
// to the original characters it came from, so a match in the view always highlights the seed's own words.
//
// The original is cut into segments: a base character (a whole surrogate pair) with the combining marks, Hangul
// vowel/final jamo, emoji modifiers and zero-width-joiner sequels (see segmentEnd) that follow it. Each segment is
// normalised on its own (NFC, typographic folding, optional case folding) and all its output characters map to the
// whole segment, so normalising any segment-aligned slice of the original gives exactly the corresponding slice of
// the view, and a match that starts and ends on segment boundaries never splits a surrogate pair or a combining
// sequence.

import type { Seed } from '../model/types.ts';

export interface NormalisedText {
  text: string;
  /**
   * The offset map, in pieces (so a 10 MB seed that is mostly plain text costs a few thousand entries, not ten
   * million): piece p holds normalised [at[p], at[p + 1]) (the last one up to the end of the text) and came from
   * original [from[p], to[p]). In a copied piece each character came from the one original character at the same
   * distance from the piece's start; otherwise the piece is one segment and each of its characters came from all of it.
   */
  at: Int32Array;
  from: Int32Array;
  to: Int32Array;
  copied: Uint8Array;
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

// Plain ASCII that a slice of the original can stand for (itself, or lowercased when folding case): runs of it are
// copied whole instead of segment by segment. A space joins a run only after a visible character, because a run of
// whitespace collapses to one space.
function copyable(foldCase: boolean): Uint8Array {
  const table = new Uint8Array(0x80);
  for (let c = 0x21; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    table[c] = normaliseSegment(ch, foldCase) === (foldCase ? ch.toLowerCase() : ch) ? 1 : 0;
  }
  return table;
}

const lowTables = {
  plain: { ...lowTable(false), copyable: copyable(false) },
  folded: { ...lowTable(true), copyable: copyable(true) },
};

const SEGMENT_CACHE_LIMIT = 100_000;
const segmentCaches = { plain: new Map<string, SegmentOutput>(), folded: new Map<string, SegmentOutput>() };

/** Collects the offset map's pieces, joining one-for-one characters into copied runs. */
class PieceMap {
  // Small to start with: a quote needs a few pieces, and every normalise() call allocates these. At
  // 1024 each, the 200,000 quote normalisations of a 100,000-verdict check churned gigabytes of
  // ArrayBuffers, whose external-memory pressure forced a full GC of the ~1 GB heap about every second.
  at = new Int32Array(16);
  from = new Int32Array(16);
  to = new Int32Array(16);
  copied = new Uint8Array(16);
  count = 0;
  /** Normalised characters mapped so far. */
  length = 0;

  private push(from: number, to: number, outputs: number, copied: boolean): void {
    if (this.count === this.at.length) {
      const capacity = this.count * 2;
      this.at = grown(this.at, capacity);
      this.from = grown(this.from, capacity);
      this.to = grown(this.to, capacity);
      this.copied = grown(this.copied, capacity);
    }
    this.at[this.count] = this.length;
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.copied[this.count++] = copied ? 1 : 0;
    this.length += outputs;
  }

  /** Original [from, to) gives one normalised character per original character. */
  copy(from: number, to: number): void {
    const last = this.count - 1;
    if (last >= 0 && this.copied[last] === 1 && this.to[last] === from) {
      this.to[last] = to;
      this.length += to - from;
    } else {
      this.push(from, to, to - from, true);
    }
  }

  /** The segment at original [from, to) gives `outputs` normalised characters. */
  segment(from: number, to: number, outputs: number): void {
    if (outputs === 1 && to === from + 1) this.copy(from, to);
    else if (outputs > 0) this.push(from, to, outputs, false);
  }

  /** The last normalised character (a space) also covers original characters up to `to`. */
  extendLast(to: number): void {
    const last = this.count - 1;
    if (this.copied[last] === 1) {
      const end = this.to[last] as number;
      if (end - (this.from[last] as number) === 1) {
        this.copied[last] = 0;
      } else {
        this.to[last] = end - 1;
        this.length -= 1;
        this.push(end - 1, end, 1, false);
      }
    }
    this.to[this.count - 1] = to;
  }

  /** Empties the map for another text (the quote path reuses one map and never calls done). */
  reset(): void {
    this.count = 0;
    this.length = 0;
  }

  done(text: string): NormalisedText {
    const n = this.count;
    return {
      text,
      at: this.at.subarray(0, n),
      from: this.from.subarray(0, n),
      to: this.to.subarray(0, n),
      copied: this.copied.subarray(0, n),
    };
  }
}

/** The normalised view of `original` with its offset map. */
export function normalise(original: string, options: NormaliseOptions = {}): NormalisedText {
  const map = new PieceMap();
  return map.done(normaliseInto(map, original, options));
}

/** Scratch map for `normaliseQuote`, which needs only the text: one map instead of four typed arrays per call. */
const quoteMap = new PieceMap();

/** Normalises `original` into `map`; returns the normalised text. */
function normaliseInto(map: PieceMap, original: string, options: NormaliseOptions): string {
  const foldCase = options.foldCase === true;
  const mode = foldCase ? 'folded' : 'plain';
  const { codes, outputs, copyable } = lowTables[mode];
  const cache = segmentCaches[mode];
  const n = original.length;
  // Built by concatenation: V8 joins the pieces once, when the text is first searched.
  let text = '';
  let inSpace = false;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c < 0x80 && (copyable[c] === 1 || (c === 32 && !inSpace))) {
      // A run of copyable characters, spaces only after a visible one.
      let j = i + 1;
      let space = c === 32;
      while (j < n) {
        const d = original.charCodeAt(j);
        if (d < 0x80 && copyable[d] === 1) space = false;
        else if (d === 32 && !space) space = true;
        else break;
        j++;
      }
      // A combining mark (or joiner) after the run belongs to the run's last character: leave that one to the
      // segment path.
      if (j < n && original.charCodeAt(j) >= LOW && continuesSegment(original, j)) {
        j--;
        space = original.charCodeAt(j - 1) === 32;
      }
      if (j > i) {
        const run = original.slice(i, j);
        text += foldCase ? run.toLowerCase() : run;
        map.copy(i, j);
        inSpace = space;
        i = j;
        continue;
      }
    }
    let j = i + 1;
    let code = MANY_CODE;
    let result: SegmentOutput | undefined;
    if (c < LOW && (j >= n || original.charCodeAt(j) < LOW || !continuesSegment(original, j))) {
      code = codes[c] as number;
      if (code === MANY_CODE) result = outputs[c];
    } else {
      j = segmentEnd(original, i);
      const segment = original.slice(i, j);
      result = cache.get(segment);
      if (result === undefined) {
        result = normaliseSegment(segment, foldCase);
        if (cache.size >= SEGMENT_CACHE_LIMIT) cache.clear();
        cache.set(segment, result);
      }
      if (result === SPACE) code = SPACE_CODE;
      else if (result === DROP) code = DROP_CODE;
    }
    if (code >= 0) {
      text += String.fromCharCode(code);
      map.segment(i, j, 1);
      inSpace = false;
    } else if (code === SPACE_CODE) {
      if (inSpace) {
        map.extendLast(j);
      } else {
        text += ' ';
        map.segment(i, j, 1);
        inSpace = true;
      }
    } else if (typeof result === 'string') {
      text += result;
      map.segment(i, j, result.length);
      inSpace = false;
    }
    i = j;
  }
  return text;
}

/** The normalised form of a quote (or prefix/suffix): as `normalise`, without leading or trailing space. */
export function normaliseQuote(quote: string, options: NormaliseOptions = {}): string {
  quoteMap.reset();
  const text = normaliseInto(quoteMap, quote, options);
  const from = text.startsWith(' ') ? 1 : 0;
  const to = text.endsWith(' ') && text.length > from ? text.length - 1 : text.length;
  return text.slice(from, to);
}

/** The piece that holds normalised index `i` (0 <= i < text length). */
function pieceOf(n: NormalisedText, i: number): number {
  let lo = 0;
  let hi = n.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((n.at[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Original [start, end) of the segment that normalised character `i` came from. */
export function originalSegment(n: NormalisedText, i: number): { start: number; end: number } {
  const p = pieceOf(n, i);
  const from = n.from[p] as number;
  if (n.copied[p] === 1) {
    const start = from + i - (n.at[p] as number);
    return { start, end: start + 1 };
  }
  return { start: from, end: n.to[p] as number };
}

/** Original [start, end) covered by the normalised range [start, end). */
export function toOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const length = n.text.length;
  if (length === 0) return { start: 0, end: 0 };
  if (end <= start) {
    const at = start < length ? originalSegment(n, start).start : originalSegment(n, length - 1).end;
    return { start: at, end: at };
  }
  return { start: start < length ? originalSegment(n, start).start : 0, end: originalSegment(n, Math.min(end, length) - 1).end };
}

/** Original start of the segment of normalised character `i`, in piece `p` (the piece that holds it). */
function segmentStartIn(n: NormalisedText, p: number, i: number): number {
  return n.copied[p] === 1 ? (n.from[p] as number) + i - (n.at[p] as number) : (n.from[p] as number);
}

/** Whether normalised index `i` is the first output of a segment (or the end of the text): a match may start or end there. */
export function isSegmentBoundary(n: NormalisedText, i: number): boolean {
  if (i <= 0 || i >= n.text.length) return true;
  // One search: character i - 1 is in the same piece as i, or it is the previous piece's last.
  const p = pieceOf(n, i);
  const q = (n.at[p] as number) < i ? p : p - 1;
  return segmentStartIn(n, p, i) !== segmentStartIn(n, q, i - 1);
}

/**
 * The case-folded view derived from the plain one, when folding changes no segment's length: then both views share
 * the offset map and only the text differs. Lowercasing the whole text at once equals folding segment by segment
 * for ASCII; every segment with other output is checked against its own folding (the final-sigma rule and NFC after
 * lowercasing are what could differ), and any difference means undefined (build the folded view from scratch).
 */
export function foldedFrom(original: string, plain: NormalisedText): NormalisedText | undefined {
  const text = plain.text.toLowerCase();
  if (text.length !== plain.text.length) return undefined;
  const cache = segmentCaches.folded;
  const other = /[^\0-\x7f]/g;
  for (let match = other.exec(plain.text); match; match = other.exec(plain.text)) {
    const p = pieceOf(plain, match.index);
    let vs = match.index;
    let ve = vs + 1;
    let start = (plain.from[p] as number) + vs - (plain.at[p] as number);
    let end = start + 1;
    if (plain.copied[p] !== 1) {
      vs = plain.at[p] as number;
      ve = p + 1 < plain.at.length ? (plain.at[p + 1] as number) : text.length;
      start = plain.from[p] as number;
      end = plain.to[p] as number;
    }
    const segment = original.slice(start, end);
    let folded = cache.get(segment);
    if (folded === undefined) {
      folded = normaliseSegment(segment, true);
      if (cache.size >= SEGMENT_CACHE_LIMIT) cache.clear();
      cache.set(segment, folded);
    }
    if (folded !== text.slice(vs, ve)) return undefined;
    other.lastIndex = ve;
  }
  return { text, at: plain.at, from: plain.from, to: plain.to, copied: plain.copied };
}

const views = new WeakMap<Seed, { plain?: NormalisedText; folded?: NormalisedText }>();

/** Frees the seeds' views (a few times the seed's size each) once nothing will anchor against them. */
export function releaseSeedViews(seeds: Iterable<Seed>): void {
  for (const seed of seeds) views.delete(seed);
}

/** The seed's normalised view (case-folded when asked), computed once per seed object. */
export function seedView(seed: Seed, foldCase = false): NormalisedText {
  let entry = views.get(seed);
  if (!entry) {
    entry = {};
    views.set(seed, entry);
  }
  if (!foldCase) {
    entry.plain ??= normalise(seed.text);
    return entry.plain;
  }
  entry.folded ??= foldedFrom(seed.text, seedView(seed)) ?? normalise(seed.text, { foldCase: true });
  return entry.folded;
}

/** A copy of `array` with room for `capacity` elements (for buffers that grow while a text is scanned). */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array);
  return copy;
}
