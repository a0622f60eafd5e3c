import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/matching/anchor.ts';
import { AppearanceIndex } from '../src/matching/appearances.ts';
import { positionAt } from '../src/model/lines.ts';
import { normalise, normaliseQuote, originalSegment } from '../src/matching/normalise.ts';
import type { Anchor, Appearance, Seed } from '../src/model/types.ts';
import { makeSeed, sampleSeed } from './support/content.ts';

const original = sampleSeed('000_5bff26b3a7f2143b');
const repost = sampleSeed('001_9340af456b0c9be9');
const other = sampleSeed('003_1ef4de2a1865d391');
const index = new AppearanceIndex([repost, other, original]);

function anchored(seed: Seed, quote: string, prefix?: string): Anchor {
  const { anchor, notes } = anchorQuote(seed, { quote, prefix });
  if (!anchor) throw new Error(notes.map((note) => note.message).join('\n'));
  return anchor;
}

/** Brute force, independent of the index: every occurrence of the normalised passage on whole characters and words. */
function everyOccurrence(seeds: Seed[], passage: string): Array<{ seed: string; start: number; end: number }> {
  const found: Array<{ seed: string; start: number; end: number }> = [];
  for (const seed of [...seeds].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const view = normalise(seed.text);
    for (let at = view.text.indexOf(passage); at !== -1; at = view.text.indexOf(passage, at + 1)) {
      const end = at + passage.length;
      const aligned = (i: number) =>
        i === 0 || i === view.text.length || originalSegment(view, i).start !== originalSegment(view, i - 1).start;
      const word = (i: number) => /[\p{L}\p{N}\p{M}]/u.test(view.text[i] ?? '');
      const wholeWords = !(word(at) && word(at - 1)) && !(word(end - 1) && word(end));
      if (aligned(at) && aligned(end) && wholeWords)
        found.push({ seed: seed.id, start: originalSegment(view, at).start, end: originalSegment(view, end - 1).end });
    }
  }
  return found;
}

describe('appearances of an anchored passage', () => {
  it('finds a passage of the repost (typographic quotes) in the original (straight quotes)', () => {
    const anchor = anchored(repost, 'Russia would not hesitate to use \u201Call means available\u201D to defend its territory.');
    const appearances = index.find(anchor);
    const expectedStart = original.text.indexOf('Russia would not hesitate to use "all means available"');
    expect(appearances).toEqual([
      {
        seed: original.id,
        start: expectedStart,
        end: expectedStart + 'Russia would not hesitate to use "all means available" to defend its territory.'.length,
        ...positionAt(original.text, expectedStart),
      },
    ]);
    expect(appearances[0]?.line).toBe(8);
  });

  it('finds a passage of the original in the repost, with the repost’s own offsets and line', () => {
    const appearances = index.find(anchored(original, 'Peskov replied: "Definitely." He also said'));
    expect(appearances).toHaveLength(1);
    const found = appearances[0];
    expect(found?.seed).toBe(repost.id);
    expect(repost.text.slice(found?.start, found?.end)).toBe('Peskov replied: \u201CDefinitely.\u201D He also said');
    expect(found?.line).toBe(2);
  });

  it('finds a single-word passage too', () => {
    const appearances = index.find(anchored(original, 'Definitely.'));
    expect(appearances.map((a) => [a.seed, repost.text.slice(a.start, a.end)])).toEqual([[repost.id, 'Definitely.']]);
  });

  it('lists other occurrences in the anchor’s own seed and in other seeds, sorted by seed id then offset', () => {
    const anchor = anchored(original, 'Donbass republics', 'Russia recognized the');
    const appearances = index.find(anchor);
    const expected = everyOccurrence([original, repost, other], 'Donbass republics').filter(
      (o) => !(o.seed === original.id && o.start === anchor.start),
    );
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(appearances.map((a) => ({ seed: a.seed, start: a.start, end: a.end }))).toEqual(expected);
    expect(appearances.filter((a) => a.seed === original.id).map((a) => a.line)).toEqual([4, 24]);
  });

  it('does not report text that only matches by splitting a combining sequence', () => {
    const a = makeSeed('a', 'The village of Zq is small.');
    const b = makeSeed('b', 'The village of Zq\u0323 is large. The village of Zq is old.');
    const idx = new AppearanceIndex([a, b]);
    const appearances = idx.find(anchored(a, 'The village of Zq'));
    expect(appearances.map((x) => [x.seed, x.start])).toEqual([['b', b.text.lastIndexOf('The village of Zq')]]);
  });

  it('does not report a passage that begins or ends inside a longer word', () => {
    const a = makeSeed('a', 'Talks were held in Kiev today.');
    const b = makeSeed('b', 'The Kievan court met. Kiev said no. Not in ProKiev.');
    const appearances = new AppearanceIndex([a, b]).find(anchored(a, 'Kiev'));
    expect(appearances.map((x) => [x.seed, x.start])).toEqual([['b', b.text.indexOf('Kiev said')]]);
  });

  it('agrees with a brute-force scan over many seeds', () => {
    let state = 42;
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const words = ['the', 'minister', 'said', 'budget', 'would', 'grow', 'by', 'ten', '\u201Cpercent\u201D', 'next', 'year'];
    const seeds = Array.from({ length: 300 }, (_, i) => {
      const text = Array.from({ length: 60 + random(60) }, () => words[random(words.length)]).join(random(5) ? ' ' : '\n\n');
      return makeSeed(`s${String(i).padStart(3, '0')}`, text);
    });
    const big = new AppearanceIndex(seeds);
    let checked = 0;
    for (let trial = 0; trial < 40; trial++) {
      const seed = seeds[random(seeds.length)] as Seed;
      const from = random(seed.text.length - 30);
      const slice = seed.text.slice(from, from + 6 + random(24));
      const { anchor } = anchorQuote(seed, { quote: slice, prefix: seed.text.slice(Math.max(0, from - 40), from) });
      if (!anchor) continue;
      const expected = everyOccurrence(seeds, normaliseQuote(anchor.text)).filter(
        (o) => !(o.seed === anchor.seed && o.start === anchor.start),
      );
      expect(big.find(anchor).map((a) => ({ seed: a.seed, start: a.start, end: a.end }))).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('finds long shared passages in every copy of a wire story, reusing searches across verdicts, as a brute-force scan does', () => {
    const sentences = [
      'The minister said the budget would grow by \u201Cten percent\u201D next year.',
      'Officials \u2014 speaking late on Monday \u2014 denied it.',
      'Prices rose in the port city.',
      "It's not over, the mayor said.",
      'Cafe\u0301 owners met the union.',
      'They shouted \u201Cstop!\u20DD\u201D twice.',
    ];
    const typography = (text: string, style: number) =>
      style % 2
        ? text
            .replace(/[\u201C\u201D]/g, '"')
            .replace(/\u2014/g, '--')
            .replace(/'/g, '\u2019')
            .replace(/\u20DD/g, '')
        : style % 3
          ? text.replace(/ /g, '  ')
          : text;
    const copy = fc.record({
      story: fc.array(fc.integer({ min: 0, max: sentences.length - 1 }), { minLength: 2, maxLength: 6 }),
      style: fc.integer({ min: 0, max: 5 }),
      own: fc.option(fc.constantFrom('A local note.', 'Weather: fine.', 'The minister said'), { nil: undefined }),
      separator: fc.constantFrom(' ', '\n', '\r\n', '\n\n'),
    });
    const corpus = fc.record({
      copies: fc.array(copy, { minLength: 2, maxLength: 25 }),
      quotes: fc.array(fc.record({ seed: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 120 }) }), {
        minLength: 1,
        maxLength: 30,
      }),
    });
    fc.assert(
      fc.property(corpus, ({ copies, quotes }) => {
        const seeds = copies.map((c, i) => {
          const parts = c.story.map((n) => typography(sentences[n] as string, c.style));
          if (c.own) parts.splice(i % (parts.length + 1), 0, c.own);
          return makeSeed(`w${String(i).padStart(2, '0')}`, parts.join(c.separator));
        });
        const index = new AppearanceIndex(seeds);
        const searches = new Map<string, readonly Appearance[]>();
        for (const q of quotes) {
          const seed = seeds[q.seed % seeds.length] as Seed;
          const from = q.from % seed.text.length;
          const { anchor } = anchorQuote(seed, { quote: seed.text.slice(from, from + q.length), prefix: seed.text.slice(0, from) });
          if (!anchor) continue;
          const expected = everyOccurrence(seeds, normaliseQuote(anchor.text))
            .filter((o) => !(o.seed === anchor.seed && o.start === anchor.start))
            .map((o) => ({ ...o, ...positionAt(seeds.find((s) => s.id === o.seed)!.text, o.start) }));
          expect(index.find(anchor, searches)).toEqual(expected);
          expect(index.find(anchor)).toEqual(expected);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
