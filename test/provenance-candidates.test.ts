// The candidate search does not compare every pair: on generated corpora it aligns a small share of the pairs,
// and still finds every repost the generator made.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/bench/corpus.ts';
import { wireSeeds } from '../src/bench/provenance.ts';
import { computeProvenance, relationBetween } from '../src/matching/provenance/index.ts';
import { makeSeed } from './support/content.ts';

const pairs = (n: number) => (n * (n - 1)) / 2;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('candidate pairs', () => {
  it('aligns few of the pairs of a generated corpus and finds every paragraph the generator reposted', () => {
    const corpus = generateCorpus({ seeds: 400, verdicts: 0, ratings: ['x'], random: 17 });
    const provenance = computeProvenance(corpus.seeds.map((s) => makeSeed(s.id, s.text)));
    expect(provenance.comparisons).toBeGreaterThan(0);
    expect(provenance.comparisons).toBeLessThan(pairs(400) / 20);
    const byId = new Map(corpus.seeds.map((s) => [s.id, s]));
    let checked = 0;
    for (const seed of corpus.seeds) {
      const bySource = new Map<string, number[]>();
      for (const copy of seed.copiedFrom) bySource.set(copy.seed, [...(bySource.get(copy.seed) ?? []), copy.paragraph]);
      for (const [source, paragraphs] of bySource) {
        const copied = paragraphs.map((p) => words(seed.paragraphs[p - 1]!.join(' ')));
        // what makes a relation (relation.ts): 40 shared words with one run of 25
        if (copied.reduce((a, b) => a + b, 0) < 40 || Math.max(...copied) < 25) continue;
        checked++;
        expect(relationBetween(provenance, seed.id, source), `${seed.id} reposts ${source}`).toBeDefined();
        expect(byId.has(source)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps the comparisons to the pairs that share text on a wire corpus, where many seeds share paragraphs', () => {
    const wire = wireSeeds(300, 5);
    const provenance = computeProvenance(wire.seeds);
    expect(provenance.comparisons).toBeLessThan(pairs(300) / 4);
    for (const { seed, story } of wire.reposts) {
      const relation = relationBetween(provenance, seed, story);
      expect(relation, `${seed} reposts ${story}`).toBeDefined();
      const storyWords = relation!.a === story ? relation!.wordsA : relation!.wordsB;
      expect(relation!.shared).toBe(storyWords);
    }
    expect(wire.reposts.length).toBeGreaterThan(10);
  });
});
