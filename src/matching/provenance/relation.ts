// Whether two aligned seeds are related, which came first, and what each one does with the other's text.
import type { Seed } from '../../model/types.ts';
import type { AlignedPart, Alignment } from './align.ts';

/**
 * Shared words that make two seeds related, whatever their length, with one run of at least MIN_RUN_WORDS:
 * a passage, not a stock phrase or the common phrasing of two reports on the same subject.
 */
export const MIN_SHARED_WORDS = 40;
export const MIN_RUN_WORDS = 25;
/** Or this share of the shorter text (a short text reposted whole). */
export const MIN_SHARED_SHARE = 0.5;
/** A seed that carries at least this share of another "repeats most of" it (review warns when one is added). */
export const REPOST_SHARE = 0.8;

export interface SeedRelation {
  /** Seed ids, a < b (the order of the model's seeds). */
  a: string;
  b: string;
  parts: AlignedPart[];
  /** Words of each text. */
  wordsA: number;
  wordsB: number;
  /** Words both carry, word for word (differences of quote marks, dashes and spacing aside). */
  shared: number;
  /** Places inside the shared text where only whitespace differs. */
  spacing: number;
  /** From the seeds' `published` dates when both are known and differ; otherwise undefined: the order is open. */
  direction?: { earlier: string; later: string };
}

/** One seed's side of a relation: what it carries of the other one. */
export interface RelationSide {
  relation: SeedRelation;
  seed: string;
  other: string;
  /** Share of the other seed's words this one carries word for word (0..1). */
  repeats: number;
  /** Share of this seed's own words that the other one carries. */
  repeatedShare: number;
  /** Passages only this seed has. */
  adds: number;
  /** Passages only the other seed has. */
  omits: number;
  /** Words of this seed in places where the two differ in wording. */
  changedWords: number;
  /** Places in the shared text written differently (quote marks, dashes, Unicode forms). */
  typography: number;
  spacing: number;
  /** 'earlier' | 'later' when the direction is known. */
  order?: 'earlier' | 'later';
}

export function isRelated(alignment: Alignment, wordsA: number, wordsB: number): boolean {
  const shorter = Math.min(wordsA, wordsB);
  if (alignment.shared === 0) return false;
  return (alignment.shared >= MIN_SHARED_WORDS && alignment.longest >= MIN_RUN_WORDS) || alignment.shared >= MIN_SHARED_SHARE * shorter;
}

/** The earlier and later of two seeds by their `published` dates; undefined unless both are known and differ. */
export function direction(a: Seed, b: Seed): SeedRelation['direction'] {
  const da = a.meta.published;
  const db = b.meta.published;
  if (!da || !db || da === db) return undefined;
  return da < db ? { earlier: a.id, later: b.id } : { earlier: b.id, later: a.id };
}

export function sideOf(relation: SeedRelation, seed: string): RelationSide {
  const isA = relation.a === seed;
  const own = isA ? relation.wordsA : relation.wordsB;
  const other = isA ? relation.wordsB : relation.wordsA;
  const count = (kind: AlignedPart['kind']) => relation.parts.filter((p) => p.kind === kind).length;
  const side: RelationSide = {
    relation,
    seed,
    other: isA ? relation.b : relation.a,
    repeats: other === 0 ? 0 : relation.shared / other,
    repeatedShare: own === 0 ? 0 : relation.shared / own,
    adds: count(isA ? 'only-a' : 'only-b'),
    omits: count(isA ? 'only-b' : 'only-a'),
    changedWords: relation.parts.filter((p) => p.kind === 'changed').reduce((sum, p) => sum + (isA ? p.wordsA : p.wordsB), 0),
    typography: count('typography'),
    spacing: relation.spacing,
  };
  if (relation.direction) side.order = relation.direction.earlier === seed ? 'earlier' : 'later';
  return side;
}
