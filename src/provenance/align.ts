// The word alignment of two seeds, with the `diff` package's Myers diff over their normalised words, then
// classified: text both carry word for word (`same`), text whose words are the same but written differently
// (`typography`: quote marks, dashes, ellipses, Unicode forms; the normalised view folds exactly these), words
// that differ (`changed`, with the words of both sides), and text only one of them carries (`only-a`, `only-b`).
import { diffArrays } from 'diff';
import type { Span } from '../types.ts';
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
}

/** Common runs shorter than this between differences are coincidences ("of the"), not shared text. */
export const MIN_COMMON = 4;
/** A difference with at most this many words on each side is a change of words; longer ones are passages. */
export const CHANGE_MAX = 12;
/**
 * Beyond this many words inserted and deleted, Myers' diff (O(N·D)) gives up and the pair is not aligned: two
 * texts that differ that much are not copies of each other, and the bound keeps one pair of huge seeds from
 * stalling a build. Deterministic, unlike the diff package's time-out.
 */
export const MAX_EDITS = 50_000;

type Op = { common: boolean; a: number; b: number };

function ops(a: SeedWords, b: SeedWords): Op[] | undefined {
  const changes = diffArrays(a.keys, b.keys, { maxEditLength: MAX_EDITS });
  if (!changes) return undefined;
  const raw: Op[] = changes.map((c) =>
    c.added ? { common: false, a: 0, b: c.count } : c.removed ? { common: false, a: c.count, b: 0 } : { common: true, a: c.count, b: c.count },
  );
  // Short common runs next to a difference become part of it; then runs of differences merge.
  const merged: Op[] = [];
  raw.forEach((op, k) => {
    const nextToDifference = (k > 0 && !raw[k - 1]!.common) || (k + 1 < raw.length && !raw[k + 1]!.common);
    const demoted = op.common && op.a < MIN_COMMON && nextToDifference ? { common: false, a: op.a, b: op.b } : op;
    const last = merged[merged.length - 1];
    if (last && last.common === demoted.common) {
      last.a += demoted.a;
      last.b += demoted.b;
    } else merged.push({ ...demoted });
  });
  return merged;
}

const span = (words: SeedWords, from: number, to: number): Span => ({ start: words.start[from]!, end: words.end[to - 1]! });

/** Aligns seed a with seed b; undefined when they differ in more than MAX_EDITS words. */
export function alignSeeds(a: SeedWords, b: SeedWords): Alignment | undefined {
  const list = ops(a, b);
  if (!list) return undefined;
  const parts: AlignedPart[] = [];
  let shared = 0;
  let spacing = 0;
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
    } else if (op.a > 0 && op.b > 0 && op.a <= CHANGE_MAX && op.b <= CHANGE_MAX) {
      parts.push({ kind: 'changed', a: span(a, i, i + op.a), b: span(b, j, j + op.b), wordsA: op.a, wordsB: op.b });
    } else {
      if (op.a > 0) parts.push({ kind: 'only-a', a: span(a, i, i + op.a), wordsA: op.a, wordsB: 0 });
      if (op.b > 0) parts.push({ kind: 'only-b', b: span(b, j, j + op.b), wordsA: 0, wordsB: op.b });
    }
    i += op.a;
    j += op.b;
  }
  return { parts, shared, spacing };
}
