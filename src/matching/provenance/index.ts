// Provenance across seeds: which seeds share text, aligned word by word. Pure: seeds in, relations out.
// candidates.ts finds the pairs worth aligning without comparing every pair, align.ts aligns one pair,
// relation.ts decides whether an aligned pair is related and which came first.
import { compareText } from '../../model/order.ts';
import type { Seed } from '../../model/types.ts';
import { alignInput, alignSeeds, MAX_WORDS, type AlignInput } from './align.ts';
import { candidatePairs, fingerprints, shingleHashes } from './candidates.ts';
import { direction, isRelated, sideOf, type RelationSide, type SeedRelation } from './relation.ts';
import { seedWords } from './words.ts';

export type { AlignedPart, PartKind } from './align.ts';
export type { RelationSide, SeedRelation } from './relation.ts';
export { REPOST_SHARE } from './relation.ts';

export interface Provenance {
  /** Every related pair, by a then b. */
  relations: SeedRelation[];
  /** Pairs that were aligned (the candidates); every pair would be n·(n − 1)/2. */
  comparisons: number;
  /** Pair counts updated by the candidate search. */
  pairUpdates: number;
}

/** Relations of every seed. */
export function computeProvenance(seeds: readonly Seed[]): Provenance {
  // A seed of more words than the aligner packs (2^21, about 12 MB of prose) is left out rather than failing the build.
  const words = [...seeds]
    .sort((x, y) => compareText(x.id, y.id))
    .map(seedWords)
    .filter((w) => w.keys.length < MAX_WORDS);
  const shingles = words.map(shingleHashes);
  const search = candidatePairs(shingles.map(fingerprints));
  const inputs = new Map<number, AlignInput>();
  const input = (k: number) => inputs.get(k) ?? inputs.set(k, alignInput(words[k]!, shingles[k]!)).get(k)!;
  const relations: SeedRelation[] = [];
  for (const [i, j] of search.pairs) {
    const a = words[i]!;
    const b = words[j]!;
    const alignment = alignSeeds(input(i), input(j));
    if (!alignment || !isRelated(alignment, a.keys.length, b.keys.length)) continue;
    const relation: SeedRelation = {
      a: a.seed.id,
      b: b.seed.id,
      parts: alignment.parts,
      wordsA: a.keys.length,
      wordsB: b.keys.length,
      shared: alignment.shared,
      spacing: alignment.spacing,
    };
    const order = direction(a.seed, b.seed);
    if (order) relation.direction = order;
    relations.push(relation);
  }
  return { relations, comparisons: search.pairs.length, pairUpdates: search.pairUpdates };
}

const bySide = (x: RelationSide, y: RelationSide) => y.repeats - x.repeats || compareText(x.other, y.other);

/** The relations of one seed, seen from it: the other seed's share it repeats, largest first, then by id. */
export function relationsOf(provenance: Provenance, seed: string): RelationSide[] {
  return provenance.relations
    .filter((r) => r.a === seed || r.b === seed)
    .map((r) => sideOf(r, seed))
    .sort(bySide);
}

/** relationsOf for every seed at once (one pass over the relations, for the site's thousands of seeds). */
export function relationsBySeed(provenance: Provenance): Map<string, RelationSide[]> {
  const sides = new Map<string, RelationSide[]>();
  const add = (side: RelationSide) => {
    const list = sides.get(side.seed);
    if (list) list.push(side);
    else sides.set(side.seed, [side]);
  };
  for (const r of provenance.relations) {
    add(sideOf(r, r.a));
    add(sideOf(r, r.b));
  }
  for (const list of sides.values()) list.sort(bySide);
  return sides;
}

/** The relation between two seeds, if they are related. */
export function relationBetween(provenance: Provenance, one: string, other: string): SeedRelation | undefined {
  const [a, b] = one < other ? [one, other] : [other, one];
  return provenance.relations.find((r) => r.a === a && r.b === b);
}
