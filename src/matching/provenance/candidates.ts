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

export const SHINGLE = 8;
export const SAMPLE = 2;
/** A fingerprint carried by more seeds than this says nothing about any one pair. */
export const STOCK_LIMIT = 200;
/** Fingerprints two seeds must share to be aligned (fewer when a seed has so few that half of them is less). */
export const MIN_SHARED_FINGERPRINTS = 12;

function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The hash of every shingle of a seed: entry i is the hash of words [i, i + SHINGLE). */
export function shingleHashes(words: SeedWords): Uint32Array {
  const n = words.keys.length;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = wordHash(words.keys[i]!);
  const shingles = new Uint32Array(Math.max(0, n - SHINGLE + 1));
  for (let i = 0; i < shingles.length; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ hashes[i + k]!, 0x85ebca6b) ^ (h >>> 13);
    shingles[i] = Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
  }
  return shingles;
}

/** The distinct fingerprints of one seed (its shingle hashes that are 0 mod SAMPLE), sorted. */
export function fingerprints(shingles: Uint32Array): Uint32Array {
  const kept = new Set<number>();
  for (const h of shingles) if (h % SAMPLE === 0) kept.add(h);
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
  const n = prints.length;
  if (n >= 2 ** 21) throw new RangeError(`provenance: ${n} seeds is more than the candidate search packs (2^21).`);
  // Postings as one sorted typed array of fingerprint * 2^21 + seed (exact in a double: 32 + 21 bits), scanned by
  // runs of one fingerprint: a Map of arrays cost most of the search in allocation and garbage collection.
  let total = 0;
  for (const list of prints) total += list.length;
  const postings = new Float64Array(total);
  let at = 0;
  prints.forEach((list, s) => {
    for (const f of list) postings[at++] = f * 2 ** 21 + s;
  });
  postings.sort();
  // Every (i, j) pair a shared fingerprint gives, as i * n + j, sorted, then counted by runs.
  let keys = new Float64Array(1024);
  let pairUpdates = 0;
  let stock = 0;
  const seeds: number[] = [];
  for (let k = 0; k < postings.length;) {
    const f = Math.floor(postings[k]! / 2 ** 21);
    seeds.length = 0;
    while (k < postings.length && Math.floor(postings[k]! / 2 ** 21) === f) seeds.push(postings[k++]! % 2 ** 21);
    if (seeds.length < 2) continue;
    if (seeds.length > STOCK_LIMIT) {
      stock++;
      continue;
    }
    const needed = pairUpdates + (seeds.length * (seeds.length - 1)) / 2;
    if (needed > keys.length) {
      let size = keys.length * 2;
      while (size < needed) size *= 2;
      const grown = new Float64Array(size);
      grown.set(keys.subarray(0, pairUpdates));
      keys = grown;
    }
    // seeds are in increasing order (the postings were sorted)
    for (let x = 0; x < seeds.length; x++) {
      for (let y = x + 1; y < seeds.length; y++) keys[pairUpdates++] = seeds[x]! * n + seeds[y]!;
    }
  }
  const sorted = keys.subarray(0, pairUpdates).sort();
  const pairs: [number, number][] = [];
  for (let k = 0; k < sorted.length;) {
    const key = sorted[k]!;
    let end = k + 1;
    while (end < sorted.length && sorted[end] === key) end++;
    const count = end - k;
    k = end;
    const i = Math.floor(key / n);
    const j = key % n;
    const fewest = Math.min(prints[i]!.length, prints[j]!.length);
    if (count >= Math.max(1, Math.min(MIN_SHARED_FINGERPRINTS, Math.ceil(fewest / 2)))) pairs.push([i, j]);
  }
  return { pairs, pairUpdates, stock };
}
