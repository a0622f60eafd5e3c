// Every other place in the corpus where an anchored passage occurs (a repost, a syndicated copy, a repetition).
// An appearance is the same normalised text, starting and ending on whole characters and on word boundaries (a
// passage that begins or ends with a letter is not found inside a longer word).
//
// Built once over all seeds: a hash table from the GRAM characters that follow each word start of the normalised views
// (a word is a run of letters, digits and marks) to where they occur. Every word of a passage starts at the same
// relative place in each appearance, so a lookup verifies only the postings of the passage's rarest gram. A passage
// too short for a gram is looked up in a second table keyed by the word alone, built the first time one is asked for.

import { positionAt, seedLineStarts } from '../model/lines.ts';
import { grown, isSegmentBoundary, normaliseQuote, seedView, type NormalisedText, toOriginal } from './normalise.ts';
import { compareText } from '../model/order.ts';
import type { Anchor, Appearance, Seed } from '../model/types.ts';

const GRAM = 12;
/** Words are keyed by their first characters; longer words share a key with the words they begin. */
const WORD_KEY = 12;
const NO_KEY = -1;
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

type Key = (text: string, at: number) => number;

/** Hash of the GRAM characters from `at`, or NO_KEY when the text ends sooner. */
const gramKey: Key = (text, at) => {
  if (at + GRAM > text.length) return NO_KEY;
  let hash = 0x811c9dc5;
  for (let i = at; i < at + GRAM; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 1;
};

/** Hash of the word starting at `at`. */
const wordKey: Key = (text, at) => {
  let hash = 0x811c9dc5;
  for (let i = at; i < at + WORD_KEY && isWordAt(text, i); i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 1;
};

/** Where each key occurs: postings (seed index, normalised offset) grouped by hash bucket. */
class PostingTable {
  private readonly mask: number;
  /** Postings of bucket b are seedOf/atOf[bucketStart[b] .. bucketStart[b + 1]). */
  private readonly bucketStart: Int32Array;
  readonly seedOf: Int32Array;
  readonly atOf: Int32Array;

  constructor(views: NormalisedText[], key: Key) {
    // About one word per six characters in prose; the buffers grow when there are more.
    let keys = new Int32Array(16 + Math.ceil(views.reduce((sum, view) => sum + view.text.length, 0) / 6));
    let seedOf = new Int32Array(keys.length);
    let atOf = new Int32Array(keys.length);
    let count = 0;
    views.forEach((view, s) => {
      const text = view.text;
      for (let at = 0; at < text.length; at++) {
        if (!isWordStart(text, at)) continue;
        const k = key(text, at);
        if (k === NO_KEY) continue;
        if (count === keys.length) {
          keys = grown(keys, keys.length * 2);
          seedOf = grown(seedOf, keys.length);
          atOf = grown(atOf, keys.length);
        }
        keys[count] = k;
        seedOf[count] = s;
        atOf[count++] = at;
      }
    });
    let size = 1024;
    while (size < count) size *= 2;
    this.mask = size - 1;
    const bucketStart = new Int32Array(size + 1);
    for (let i = 0; i < count; i++) {
      const next = ((keys[i] ?? 0) & this.mask) + 1;
      bucketStart[next] = (bucketStart[next] ?? 0) + 1;
    }
    for (let b = 0; b < size; b++) bucketStart[b + 1] = (bucketStart[b + 1] ?? 0) + (bucketStart[b] ?? 0);
    const fill = bucketStart.slice(0, size);
    this.seedOf = new Int32Array(count);
    this.atOf = new Int32Array(count);
    // Filling in seed-then-offset order keeps every bucket sorted the same way.
    for (let i = 0; i < count; i++) {
      const bucket = (keys[i] ?? 0) & this.mask;
      const slot = fill[bucket] ?? 0;
      fill[bucket] = slot + 1;
      this.seedOf[slot] = seedOf[i] ?? 0;
      this.atOf[slot] = atOf[i] ?? 0;
    }
    this.bucketStart = bucketStart;
  }

  /** Postings [from, to) that may hold `key` (a bucket: other keys may share it). */
  postings(key: number): [number, number] {
    const bucket = key & this.mask;
    return [this.bucketStart[bucket] ?? 0, this.bucketStart[bucket + 1] ?? 0];
  }
}

export class AppearanceIndex {
  private readonly seeds: Seed[];
  private readonly views: NormalisedText[];
  private readonly grams: PostingTable;
  private words: PostingTable | undefined;
  private readonly lineStarts: number[][] = [];

  constructor(seeds: Seed[]) {
    this.seeds = [...seeds].sort((a, b) => compareText(a.id, b.id));
    this.views = this.seeds.map((seed) => seedView(seed));
    this.grams = new PostingTable(this.views, gramKey);
  }

  /**
   * Every occurrence of the anchored passage's normalised text other than the anchor itself, by seed id then offset.
   * `byPassage` keeps each normalised passage's occurrences for the caller's next finds: the verdicts quoting the same
   * sentence of a wire story, each in another outlet's copy, then share one search (the occurrences are the same, less
   * each anchor's own).
   */
  find(anchor: Anchor, byPassage?: Map<string, readonly Appearance[]>): Appearance[] {
    const passage = normaliseQuote(anchor.text);
    let all = byPassage?.get(passage);
    if (!all) {
      all = this.occurrences(passage);
      byPassage?.set(passage, all);
    }
    return all.filter((a) => a.seed !== anchor.seed || a.start !== anchor.start);
  }

  /** Every occurrence of a normalised passage, by seed id then offset. */
  private occurrences(passage: string): Appearance[] {
    if (passage === '') return [];
    const opensWord = isWordAt(passage, 0);
    const closesWord = isWordAt(passage, passage.length - 1);
    const found: Appearance[] = [];
    const visit = (s: number, vs: number): void => {
      const view = this.views[s] as NormalisedText;
      if (vs < 0 || !view.text.startsWith(passage, vs)) return;
      const ve = vs + passage.length;
      if (!isSegmentBoundary(view, vs) || !isSegmentBoundary(view, ve)) return;
      if ((opensWord && isWordAt(view.text, vs - 1)) || (closesWord && isWordAt(view.text, ve))) return;
      const seed = this.seeds[s] as Seed;
      const { start, end } = toOriginal(view, vs, ve);
      const { line, column } = positionAt((this.lineStarts[s] ??= seedLineStarts(seed)), start);
      found.push({ seed: seed.id, start, end, line, column });
    };
    const probe =
      this.rarest(passage, this.grams, gramKey) ?? this.rarest(passage, (this.words ??= new PostingTable(this.views, wordKey)), wordKey);
    if (probe) {
      const { table, offset, from, to } = probe;
      for (let p = from; p < to; p++) visit(table.seedOf[p] ?? 0, (table.atOf[p] ?? 0) - offset);
    } else {
      // A passage without a single letter or digit (punctuation, emoji) is rare enough to be searched for directly.
      this.views.forEach((view, s) => {
        for (let at = view.text.indexOf(passage); at !== -1; at = view.text.indexOf(passage, at + 1)) visit(s, at);
      });
    }
    // Already in order: seeds are visited in id order and each seed's offsets ascending (postings are filled that way),
    // and distinct segment boundaries map to distinct, ascending original offsets.
    return found;
  }

  /** The word start of the passage whose key has the fewest postings in `table`, or undefined when none has a key. */
  private rarest(
    passage: string,
    table: PostingTable,
    key: Key,
  ): { table: PostingTable; offset: number; from: number; to: number } | undefined {
    let best: { table: PostingTable; offset: number; from: number; to: number } | undefined;
    for (let at = 0; at < passage.length; at++) {
      if (!isWordStart(passage, at)) continue;
      const k = key(passage, at);
      if (k === NO_KEY) continue;
      const [from, to] = table.postings(k);
      if (!best || to - from < best.to - best.from) best = { table, offset: at, from, to };
      if (from === to) break;
    }
    return best;
  }
}
