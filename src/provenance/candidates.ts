// Which pairs of seeds are worth aligning, found without comparing every pair.
//
// Every seed is cut into shingles of SHINGLE consecutive words (of the normalised view, so quote marks and dashes
// do not matter) and each shingle is hashed. A shingle is kept as a fingerprint when its hash is 0 modulo SAMPLE:
// the choice depends on the shingle alone, so a passage two seeds share gives both the same fingerprints, about
// one per SAMPLE shingles, however long the rest of either text is. An inverted index from fingerprint to the
// seeds that have it then counts, for each pair of seeds, the fingerprints they share; only pairs sharing enough
// are candidates, and only candidates are aligned.
//
// Why not minhash/LSH, and why written here: minhash estimates the Jaccard similarity of two whole shingle sets,
// and a compilation that carries a short report among others has a low Jaccard similarity with it (the report is
// a small part of the union) although it contains all of it: LSH would miss exactly the reposts this is for.
// Hash-sampled fingerprints ("0 mod p", as in Manber's sif, Broder's resemblance/containment work and MOSS) count
// what is shared, not what is shared relative to the union. The one npm package for minhash (`minhash` 0.0.9:
// no repository, no types, no containment measure) does not fit either; this is ~60 lines over typed arrays.
//
// Cost: hashing is linear in the words of the corpus. Counting pairs costs, for each fingerprint, the square of
// the number of seeds that have it; a fingerprint in more than STOCK_LIMIT seeds is boilerplate (a byline, a
// stock phrase, a wire slug) and skipped, so the count is bounded by STOCK_LIMIT times the fingerprints: linear.
import type { SeedWords } from './words.ts';

export const SHINGLE = 5;
export const SAMPLE = 2;
/** A fingerprint carried by more seeds than this says nothing about any one pair. */
export const STOCK_LIMIT = 200;
/** Fingerprints two seeds must share to be aligned (fewer when a seed has so few that half of them is less). */
export const MIN_SHARED_FINGERPRINTS = 10;

function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The distinct fingerprints of one seed, sorted. */
export function fingerprints(words: SeedWords): Uint32Array {
  const n = words.keys.length;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = wordHash(words.keys[i]!);
  const kept = new Set<number>();
  for (let i = 0; i + SHINGLE <= n; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ hashes[i + k]!, 0x85ebca6b) ^ (h >>> 13);
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
    if (h % SAMPLE === 0) kept.add(h);
  }
  return Uint32Array.from(kept).sort();
}

export interface CandidateSearch {
  /** Pairs [i, j] of seed indices, i < j, in order. */
  pairs: [number, number][];
  /** Pair counts incremented while searching (the work done instead of comparing every pair). */
  pairUpdates: number;
  /** Fingerprints skipped as boilerplate (in more than STOCK_LIMIT seeds). */
  stock: number;
}

/** Candidate pairs among seeds whose fingerprints are `prints[i]` (seed i). */
export function candidatePairs(prints: readonly Uint32Array[]): CandidateSearch {
  const postings = new Map<number, number[]>();
  prints.forEach((list, s) => {
    for (const f of list) {
      const seeds = postings.get(f);
      if (seeds) seeds.push(s);
      else postings.set(f, [s]);
    }
  });
  const n = prints.length;
  const shared = new Map<number, number>();
  let pairUpdates = 0;
  let stock = 0;
  for (const seeds of postings.values()) {
    if (seeds.length < 2) continue;
    if (seeds.length > STOCK_LIMIT) {
      stock++;
      continue;
    }
    // seed indices were pushed in increasing order
    for (let x = 0; x < seeds.length; x++) {
      for (let y = x + 1; y < seeds.length; y++) {
        const key = seeds[x]! * n + seeds[y]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
        pairUpdates++;
      }
    }
  }
  const pairs: [number, number][] = [];
  for (const [key, count] of shared) {
    const i = Math.floor(key / n);
    const j = key % n;
    const fewest = Math.min(prints[i]!.length, prints[j]!.length);
    if (count >= Math.max(1, Math.min(MIN_SHARED_FINGERPRINTS, Math.ceil(fewest / 2)))) pairs.push([i, j]);
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { pairs, pairUpdates, stock };
}
