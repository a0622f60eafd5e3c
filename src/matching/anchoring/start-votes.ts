// Votes for where the quote starts, cast by the parts of it found verbatim in the seed: they point the
// closest-passage search at a few places instead of measuring the whole seed.

/** Longer quotes are compared by their beginning when looking for the closest passage. */
export const CLOSEST_MAX_QUOTE = 1000;

/**
 * Where parts of the quote found in the text put the quote's start: per bucket of start positions, a bit set of the
 * parts (at most 32) that voted for it. The best-voted buckets are where the closest passage is looked for.
 */
export class StartVotes {
  readonly bucketSize: number;
  private readonly buckets: Uint32Array;
  count = 0;

  constructor(textLength: number, quoteLength: number) {
    this.bucketSize = Math.max(16, Math.min(quoteLength, CLOSEST_MAX_QUOTE) >> 1);
    this.buckets = new Uint32Array(Math.ceil((textLength + 1) / this.bucketSize) + 1);
  }

  add(start: number, part: number): void {
    const bucket = Math.floor(Math.max(0, start) / this.bucketSize);
    if (bucket >= this.buckets.length) return;
    this.buckets[bucket] = ((this.buckets[bucket] ?? 0) | (1 << part)) >>> 0;
    this.count++;
  }

  /** The `n` buckets voted for by the most distinct parts (with the next bucket's), best first. */
  best(n: number): Array<{ start: number; score: number }> {
    const ranked: Array<{ start: number; score: number }> = [];
    for (let b = 0; b < this.buckets.length; b++) {
      const votes = this.buckets[b] ?? 0;
      if (votes === 0) continue;
      const score = bitCount((votes | (this.buckets[b + 1] ?? 0)) >>> 0);
      if (ranked.length < n || score > (ranked[ranked.length - 1]?.score ?? 0)) {
        ranked.push({ start: b * this.bucketSize, score });
        ranked.sort((x, y) => y.score - x.score || x.start - y.start);
        if (ranked.length > n) ranked.pop();
      }
    }
    return ranked;
  }
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}
