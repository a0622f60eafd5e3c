// The word alignment of two seeds, then classified. Aligning proceeds in two steps, as patience diff does:
// shingles that occur exactly once in each text and in the same order (the longest increasing chain of them)
// fix the long runs both texts share, in O(n log n); then the `diff` package's Myers diff aligns the words of
// each gap between two such runs, when the gap is short enough to be a change rather than a passage. Myers'
// diff over two whole texts costs O(N·D): with the diff package it took ~0.3 s for two unrelated 700-word
// texts, and a corpus has thousands of candidate pairs that share a paragraph and little else. The result is
// classified: text both carry word for word (`same`), text whose words are the same but written differently
// (`typography`: quote marks, dashes, ellipses, Unicode forms; the normalised view folds exactly these), words
// that differ (`changed`, with the words of both sides), and text only one of them carries (`only-a`, `only-b`).
import { diffArrays } from 'diff';
import type { Span } from '../types.ts';
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

/** Where each shingle hash that occurs once in the text occurs (computed once per seed, not per pair). */
export function uniquePositions(shingles: Uint32Array): Map<number, number> {
  const seen = new Map<number, number>();
  shingles.forEach((h, i) => seen.set(h, seen.has(h) ? -1 : i));
  for (const [h, i] of seen) if (i < 0) seen.delete(h);
  return seen;
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

/** Runs [ia, ib, length] both texts share, in order and not overlapping, from the chain of unique shingles. */
function sharedRuns(a: AlignInput, b: AlignInput): [number, number, number][] {
  const matches: [number, number][] = [];
  b.shingles.forEach((h, ib) => {
    const ia = a.unique.get(h);
    if (ia !== undefined && b.unique.get(h) === ib) matches.push([ia, ib]);
  });
  const chain = longestIncreasing(matches.map(([ia]) => ia)).map((k) => matches[k]!);
  const runs: [number, number, number][] = [];
  let endA = 0;
  let endB = 0;
  for (const [ia, ib] of chain) {
    // Skip what an earlier run already covers, keeping the two texts in step.
    const shift = Math.max(endA - ia, endB - ib, 0);
    let x = ia + shift;
    let y = ib + shift;
    if (x >= ia + SHINGLE) continue;
    let length = 0;
    while (x + length < a.words.keys.length && y + length < b.words.keys.length && a.words.keys[x + length] === b.words.keys[y + length]) length++;
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
    c.added ? { common: false, a: 0, b: c.count } : c.removed ? { common: false, a: c.count, b: 0 } : { common: true, a: c.count, b: c.count },
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
  return merge(merged.map((op, k) => {
    const nextToDifference = (k > 0 && !merged[k - 1]!.common) || (k + 1 < merged.length && !merged[k + 1]!.common);
    return op.common && op.a < MIN_COMMON && nextToDifference ? { common: false, a: op.a, b: op.b } : op;
  }));
}

const span = (words: SeedWords, from: number, to: number): Span => ({ start: words.start[from]!, end: words.end[to - 1]! });

/** A seed's words with its shingle hashes (candidates.ts) and where the unique ones are. */
export interface AlignInput {
  words: SeedWords;
  shingles: Uint32Array;
  unique: Map<number, number>;
}

export function alignInput(words: SeedWords, shingles: Uint32Array): AlignInput {
  return { words, shingles, unique: uniquePositions(shingles) };
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
        parts.push({ kind: typographic ? 'typography' : 'same', a: span(a, i + from, i + to), b: span(b, j + from, j + to), wordsA: to - from, wordsB: to - from });
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
