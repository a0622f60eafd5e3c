// The word alignment of two seeds, then classified. Aligning proceeds in two steps, as patience diff does:
// shingles that both texts carry, in the same order (the longest increasing chain of them), fix the long runs both texts share, in O(n log n); then the `diff` package's Myers diff aligns the words of
// each gap between two such runs, when the gap is short enough to be a change rather than a passage. Myers'
// diff over two whole texts costs O(N·D): with the diff package it took ~0.3 s for two unrelated 700-word
// texts, and a corpus has thousands of candidate pairs that share a paragraph and little else. The result is
// classified: text both carry word for word (`same`), text whose words are the same but written differently
// (`typography`: quote marks, dashes, ellipses, Unicode forms; the normalised view folds exactly these), words
// that differ (`changed`, with the words of both sides), and text only one of them carries (`only-a`, `only-b`).
import { diffArrays } from 'diff';
import type { Span } from '../../model/types.ts';
import { SHINGLE } from './candidates.ts';
import { MIN_RUN_WORDS } from './relation.ts';
import { gapAfter, originalWord, type SeedWords } from './words.ts';

export type PartKind = 'same' | 'typography' | 'changed' | 'only-a' | 'only-b';

export interface AlignedPart {
  kind: PartKind;
  /** Original offsets in seed a (absent for `only-b`) and seed b (absent for `only-a`). */
  a?: Span;
  b?: Span;
  /** Words of each side in the part. */
  wordsA: number;
  wordsB: number;
}

export interface Alignment {
  parts: AlignedPart[];
  /** Words both texts carry (in `same` and `typography` parts). */
  shared: number;
  /** Places inside shared text where only the whitespace differs (a blank line for a line break, say). */
  spacing: number;
  /** Words of the longest run both carry. */
  longest: number;
}

/** Common runs shorter than this between differences are coincidences ("of the"), not shared text. */
export const MIN_COMMON = 5;
/** A difference with at most this many words on each side is a change of words; longer ones are passages. */
export const CHANGE_MAX = 12;
/** Gaps between shared runs are word-diffed when neither side is longer than this (a paragraph). */
export const GAP_DIFF = 80;

type Op = { common: boolean; a: number; b: number };

/** Shingles repeated more often than this in either text are left to the word diff (a refrain, a table). */
const MAX_REPEATS = 4;
const POSITION = 2 ** 21;
/** Seeds of this many words or more are not aligned (positions are packed in 21 bits). */
export const MAX_WORDS = POSITION;

/**
 * Every shingle of a text as hash * 2^21 + position, sorted (computed once per seed, not per pair): where a
 * shingle occurs is a binary search away, in one typed array.
 */
export function shinglePositions(shingles: Uint32Array): Float64Array {
  if (shingles.length >= POSITION)
    throw new RangeError(`provenance: a seed of ${shingles.length} words is more than the aligner packs (2^21).`);
  const out = new Float64Array(shingles.length);
  shingles.forEach((h, i) => (out[i] = h * POSITION + i));
  return out.sort();
}

/** Indices of the longest strictly increasing subsequence of `values` (patience sorting). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  values.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(k);
  return chain.reverse();
}

/**
 * Runs [ia, ib, length] both texts share, in order and not overlapping, from the longest chain of shingles
 * both carry (each in at most MAX_REPEATS places of either text) that is in the same order in both.
 */
function sharedRuns(a: AlignInput, b: AlignInput): [number, number, number][] {
  const matches: [number, number][] = [];
  // A merge of the two sorted (hash, position) arrays: linear in the two texts.
  const pa = a.positions;
  const pb = b.positions;
  const hash = (x: number) => Math.floor(x / POSITION);
  let x = 0;
  let y = 0;
  while (x < pa.length && y < pb.length) {
    const ha = hash(pa[x]!);
    const hb = hash(pb[y]!);
    if (ha < hb) x++;
    else if (hb < ha) y++;
    else {
      let xe = x;
      let ye = y;
      while (xe < pa.length && hash(pa[xe]!) === ha) xe++;
      while (ye < pb.length && hash(pb[ye]!) === ha) ye++;
      if (xe - x <= MAX_REPEATS && ye - y <= MAX_REPEATS) {
        for (let i = x; i < xe; i++) for (let j = y; j < ye; j++) matches.push([pa[i]! - ha * POSITION, pb[j]! - ha * POSITION]);
      }
      x = xe;
      y = ye;
    }
  }
  // By position in b, and descending in a at one position of b, so the chain takes one match per position of b.
  matches.sort((m, n) => m[1] - n[1] || n[0] - m[0]);
  const chain = longestIncreasing(matches.map(([ia]) => ia)).map((k) => matches[k]!);
  const runs: [number, number, number][] = [];
  let endA = 0;
  let endB = 0;
  for (const [ia, ib] of chain) {
    // Skip what an earlier run already covers, keeping the two texts in step.
    const shift = Math.max(endA - ia, endB - ib, 0);
    const x = ia + shift;
    const y = ib + shift;
    if (x >= ia + SHINGLE) continue;
    let length = 0;
    while (x + length < a.words.keys.length && y + length < b.words.keys.length && a.words.keys[x + length] === b.words.keys[y + length])
      length++;
    if (length === 0) continue;
    runs.push([x, y, length]);
    endA = x + length;
    endB = y + length;
  }
  return runs;
}

/** Ops for the gap a[i, i + n) / b[j, j + m): Myers' diff when both sides are short, else two passages. */
function gapOps(a: SeedWords, b: SeedWords, i: number, n: number, j: number, m: number): Op[] {
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || n > GAP_DIFF || m > GAP_DIFF) return [{ common: false, a: n, b: m }];
  return diffArrays(a.keys.slice(i, i + n), b.keys.slice(j, j + m)).map((c) =>
    c.added
      ? { common: false, a: 0, b: c.count }
      : c.removed
        ? { common: false, a: c.count, b: 0 }
        : { common: true, a: c.count, b: c.count },
  );
}

/**
 * A pair whose runs of unique shingles add up to less than this share of the shorter text, none of them
 * MIN_RUN_WORDS long, is not aligned further: the gaps' word diffs could not make it related (relation.ts).
 */
const HOPELESS_SHARE = 0.25;

function ops(input: AlignInput, other: AlignInput): Op[] | undefined {
  const a = input.words;
  const b = other.words;
  const runs = sharedRuns(input, other);
  const total = runs.reduce((sum, run) => sum + run[2], 0);
  const shorter = Math.min(a.keys.length, b.keys.length);
  if (!runs.some((run) => run[2] >= MIN_RUN_WORDS) && total < HOPELESS_SHARE * shorter) return undefined;
  const raw: Op[] = [];
  let i = 0;
  let j = 0;
  for (const [x, y, length] of runs) {
    raw.push(...gapOps(a, b, i, x - i, j, y - j), { common: true, a: length, b: length });
    i = x + length;
    j = y + length;
  }
  raw.push(...gapOps(a, b, i, a.keys.length - i, j, b.keys.length - j));
  // Merge neighbours of one kind; then short common runs next to a difference become part of it, and merge again.
  const merge = (list: Op[]): Op[] => {
    const out: Op[] = [];
    for (const op of list) {
      const last = out[out.length - 1];
      if (last && last.common === op.common) {
        last.a += op.a;
        last.b += op.b;
      } else out.push({ ...op });
    }
    return out;
  };
  const merged = merge(raw);
  return merge(
    merged.map((op, k) => {
      const nextToDifference = (k > 0 && !merged[k - 1]!.common) || (k + 1 < merged.length && !merged[k + 1]!.common);
      return op.common && op.a < MIN_COMMON && nextToDifference ? { common: false, a: op.a, b: op.b } : op;
    }),
  );
}

const span = (words: SeedWords, from: number, to: number): Span => ({ start: words.start[from]!, end: words.end[to - 1]! });

/** A seed's words with its shingle hashes (candidates.ts) and where each shingle is. */
export interface AlignInput {
  words: SeedWords;
  shingles: Uint32Array;
  positions: Float64Array;
}

export function alignInput(words: SeedWords, shingles: Uint32Array): AlignInput {
  return { words, shingles, positions: shinglePositions(shingles) };
}

/** Aligns seed a with seed b; undefined when they cannot be related (see HOPELESS_SHARE). */
export function alignSeeds(input: AlignInput, other: AlignInput): Alignment | undefined {
  const a = input.words;
  const b = other.words;
  const list = ops(input, other);
  if (!list) return undefined;
  const parts: AlignedPart[] = [];
  let shared = 0;
  let spacing = 0;
  let longest = 0;
  let i = 0;
  let j = 0;
  for (const op of list) {
    if (op.common) {
      // Split the run where the original spelling of the words starts or stops differing.
      let from = 0;
      while (from < op.a) {
        const typographic = originalWord(a, i + from) !== originalWord(b, j + from);
        let to = from + 1;
        while (to < op.a && (originalWord(a, i + to) !== originalWord(b, j + to)) === typographic) to++;
        parts.push({
          kind: typographic ? 'typography' : 'same',
          a: span(a, i + from, i + to),
          b: span(b, j + from, j + to),
          wordsA: to - from,
          wordsB: to - from,
        });
        from = to;
      }
      for (let k = 0; k + 1 < op.a; k++) if (gapAfter(a, i + k) !== gapAfter(b, j + k)) spacing++;
      shared += op.a;
      longest = Math.max(longest, op.a);
    } else if (op.a > 0 && op.b > 0 && op.a <= CHANGE_MAX && op.b <= CHANGE_MAX) {
      parts.push({ kind: 'changed', a: span(a, i, i + op.a), b: span(b, j, j + op.b), wordsA: op.a, wordsB: op.b });
    } else {
      if (op.a > 0) parts.push({ kind: 'only-a', a: span(a, i, i + op.a), wordsA: op.a, wordsB: 0 });
      if (op.b > 0) parts.push({ kind: 'only-b', b: span(b, j, j + op.b), wordsA: 0, wordsB: op.b });
    }
    i += op.a;
    j += op.b;
  }
  return { parts, shared, spacing, longest };
}
