// Every other place in the corpus where an anchored passage occurs (a repost, a syndicated copy, a repetition).
// An appearance is the same normalised text, starting and ending on whole characters and on word boundaries (a
// passage that begins or ends with a letter is not found inside a longer word).
//
// Built once over all seeds: a hash table from each word of the normalised views (a run of letters, digits and marks,
// keyed by its first KEY_LENGTH characters) to where it starts. Every word of a passage starts at the same relative
// place in each appearance, so a lookup verifies only the postings of the passage's rarest word.

import { positionAt, seedLineStarts } from './lines.ts';
import { isSegmentBoundary, normaliseQuote, seedView, type NormalisedText, toOriginal } from './normalise.ts';
import { grown } from './typed-array.ts';
import type { Anchor, Appearance, Seed } from './types.ts';

const KEY_LENGTH = 12;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
// 0 = not yet known, 1 = word character, 2 = not (UTF-16 code units; surrogates are never word characters).
const wordCache = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let known = wordCache[code];
  if (!known) {
    known = code >= 0xd800 && code <= 0xdfff ? 2 : WORD.test(String.fromCharCode(code)) ? 1 : 2;
    wordCache[code] = known;
  }
  return known === 1;
}

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordUnit(text.charCodeAt(i));
}

function isWordStart(text: string, at: number): boolean {
  return isWordAt(text, at) && !isWordAt(text, at - 1);
}

/** Hash of the word starting at `at` (at most KEY_LENGTH characters of it). */
function wordKey(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let i = at; i < at + KEY_LENGTH && isWordAt(text, i); i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class AppearanceIndex {
  private readonly seeds: Seed[];
  private readonly views: NormalisedText[];
  private readonly mask: number;
  /** Postings of bucket b are postingSeed/postingAt[bucketStart[b] .. bucketStart[b + 1]). */
  private readonly bucketStart: Int32Array;
  private readonly postingSeed: Int32Array;
  private readonly postingAt: Int32Array;

  constructor(seeds: Seed[]) {
    this.seeds = [...seeds].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.views = this.seeds.map((seed) => seedView(seed));

    // About one word per six characters in prose; the buffers grow when there are more.
    let hashes = new Uint32Array(16 + Math.ceil(this.views.reduce((sum, view) => sum + view.text.length, 0) / 6));
    let count = 0;
    let seedOf = new Int32Array(hashes.length);
    let atOf = new Int32Array(hashes.length);
    this.views.forEach((view, s) => {
      const text = view.text;
      for (let at = 0; at < text.length; at++) {
        if (!isWordStart(text, at)) continue;
        if (count === hashes.length) {
          const capacity = hashes.length * 2;
          hashes = grown(hashes, capacity);
          seedOf = grown(seedOf, capacity);
          atOf = grown(atOf, capacity);
        }
        hashes[count] = wordKey(text, at);
        seedOf[count] = s;
        atOf[count++] = at;
      }
    });

    let size = 1024;
    while (size < count) size *= 2;
    this.mask = size - 1;
    const bucketStart = new Int32Array(size + 1);
    for (let i = 0; i < count; i++) {
      const next = ((hashes[i] ?? 0) & this.mask) + 1;
      bucketStart[next] = (bucketStart[next] ?? 0) + 1;
    }
    for (let b = 0; b < size; b++) bucketStart[b + 1] = (bucketStart[b + 1] ?? 0) + (bucketStart[b] ?? 0);
    const fill = bucketStart.slice(0, size);
    this.postingSeed = new Int32Array(count);
    this.postingAt = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const bucket = (hashes[i] ?? 0) & this.mask;
      const slot = fill[bucket] ?? 0;
      fill[bucket] = slot + 1;
      this.postingSeed[slot] = seedOf[i] ?? 0;
      this.postingAt[slot] = atOf[i] ?? 0;
    }
    this.bucketStart = bucketStart;
  }

  /** Every occurrence of the anchored passage's normalised text other than the anchor itself, by seed id then offset. */
  find(anchor: Anchor): Appearance[] {
    const passage = normaliseQuote(anchor.text);
    if (passage === '') return [];
    const rarest = this.rarestWord(passage);
    const opensWord = isWordAt(passage, 0);
    const closesWord = isWordAt(passage, passage.length - 1);
    const found: Appearance[] = [];
    const visit = (s: number, vs: number): void => {
      const view = this.views[s] as NormalisedText;
      if (!view.text.startsWith(passage, vs)) return;
      const ve = vs + passage.length;
      if (!isSegmentBoundary(view, vs) || !isSegmentBoundary(view, ve)) return;
      if ((opensWord && isWordAt(view.text, vs - 1)) || (closesWord && isWordAt(view.text, ve))) return;
      const seed = this.seeds[s] as Seed;
      const { start, end } = toOriginal(view, vs, ve);
      if (seed.id === anchor.seed && start === anchor.start) return;
      const { line, column } = positionAt(seedLineStarts(seed), start);
      found.push({ seed: seed.id, start, end, line, column });
    };
    if (rarest) {
      const { offset, bucket } = rarest;
      for (let p = this.bucketStart[bucket] ?? 0; p < (this.bucketStart[bucket + 1] ?? 0); p++) {
        const vs = (this.postingAt[p] ?? 0) - offset;
        if (vs >= 0) visit(this.postingSeed[p] ?? 0, vs);
      }
    } else {
      // A passage without a single letter or digit (punctuation, emoji) is rare enough to be searched for directly.
      this.views.forEach((view, s) => {
        for (let at = view.text.indexOf(passage); at !== -1; at = view.text.indexOf(passage, at + 1)) visit(s, at);
      });
    }
    return found.sort((a, b) => (a.seed < b.seed ? -1 : a.seed > b.seed ? 1 : a.start - b.start));
  }

  /** The word of the passage with the fewest postings, or undefined when it has no word. */
  private rarestWord(passage: string): { offset: number; bucket: number } | undefined {
    let best: { offset: number; bucket: number; size: number } | undefined;
    for (let at = 0; at < passage.length; at++) {
      if (!isWordStart(passage, at)) continue;
      const bucket = wordKey(passage, at) & this.mask;
      const size = (this.bucketStart[bucket + 1] ?? 0) - (this.bucketStart[bucket] ?? 0);
      if (!best || size < best.size) best = { offset: at, bucket, size };
      if (size === 0) break;
    }
    return best;
  }
}
