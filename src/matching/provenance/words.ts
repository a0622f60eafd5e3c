// The words of a seed as provenance compares them: maximal runs of non-space characters of the seed's
// normalised view (quote marks, dashes, ellipses, Unicode forms and invisible characters folded, whitespace
// collapsed: see ../normalise.ts), each with the original offsets it came from. Two words are the same word
// when their normalised forms are equal; letter case and punctuation count (a changed capital is a change).
import { seedView, toOriginal } from '../normalise.ts';
import type { Seed } from '../../model/types.ts';

export interface SeedWords {
  seed: Seed;
  /** Normalised form of each word. */
  keys: string[];
  /** Original [start[i], end[i]) of word i in `seed.text`. */
  start: Int32Array;
  end: Int32Array;
}

export function seedWords(seed: Seed): SeedWords {
  const view = seedView(seed);
  const text = view.text;
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    let j = text.indexOf(' ', i);
    if (j === -1) j = text.length;
    keys.push(text.slice(i, j));
    const original = toOriginal(view, i, j);
    starts.push(original.start);
    ends.push(original.end);
    i = j;
  }
  return { seed, keys, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

/** The original text of word i, exactly as the seed writes it. */
export function originalWord(words: SeedWords, i: number): string {
  return words.seed.text.slice(words.start[i], words.end[i]);
}

/** The original text between word i and word i + 1 (the whitespace the view collapsed). */
export function gapAfter(words: SeedWords, i: number): string {
  return words.seed.text.slice(words.end[i], words.start[i + 1]);
}
