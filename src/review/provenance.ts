// What a pull request does to provenance: the pairs of seeds that share text in the working tree and did not
// at the base (a new seed that reposts an old one, an edit that makes two texts match), and a warning when an
// added seed repeats most of a seed the project already has, so editors do not check the same text twice.
// Both models carry their provenance (src/matching/provenance/); nothing is recomputed here.
import type { Model, Problem, Seed } from '../model/types.ts';
import { relationsOf, REPOST_SHARE, type RelationSide, type SeedRelation } from '../matching/provenance/index.ts';
import { sideOf } from '../matching/provenance/relation.ts';
import { sharePercent as percent, sharedTextSummary } from '../matching/provenance/summary.ts';
import type { EditorialDiff } from './diff.ts';
import { compareUrl } from '../site/urls.ts';

const pairKey = (r: SeedRelation) => `${r.a}\n${r.b}`;

/** Relations of the working tree whose pair of seeds was not related at the base, by a then b. */
export function newRelations(base: Model, head: Model): SeedRelation[] {
  const before = new Set(base.provenance.relations.map(pairKey));
  return head.provenance.relations.filter((r) => !before.has(pairKey(r)));
}

/** One relation from the side of the seed that repeats more of the other one (a's side on a tie). */
export function leadingSide(relation: SeedRelation): RelationSide {
  const a = sideOf(relation, relation.a);
  const b = sideOf(relation, relation.b);
  return b.repeats > a.repeats ? b : a;
}

/** `seed x ("Its title")`, `seed x (“Its opening words…”)` (already quoted, seed-title.ts), or `seed x`. */
function title(seed: Seed | undefined, id: string): string {
  if (!seed || seed.titleFrom === 'id') return `seed ${id}`;
  const name = seed.title.replace(/\s+/g, ' ').slice(0, 80);
  return seed.titleFrom === 'opening' ? `seed ${id} (${name})` : `seed ${id} ("${name}")`;
}

/**
 * `seed-repost` warnings: an added seed that repeats at least REPOST_SHARE of a seed the base already had, or
 * whose own text is at least that share of one (a cut-down copy). Unsorted.
 */
export function repostProblems(diff: EditorialDiff, base: Model, head: Model): Problem[] {
  const problems: Problem[] = [];
  for (const seed of diff.seedsAdded) {
    for (const side of relationsOf(head.provenance, seed.id)) {
      if (!base.seedsById.has(side.other)) continue;
      const other = title(head.seedsById.get(side.other), side.other);
      const what =
        side.repeats >= REPOST_SHARE
          ? `repeats ${percent(side.repeats)} of ${other} word for word`
          : side.repeatedShare >= REPOST_SHARE
            ? `is ${percent(side.repeatedShare)} text of ${other}, word for word`
            : undefined;
      if (!what) continue;
      problems.push({
        file: seed.file,
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'seed-repost',
        message:
          `the new seed ${seed.id} ${what}. That text has been checked there already: check only what this seed adds or changes ` +
          `(the comparison is at ${compareUrl(seed.id, side.other)} in the preview), and cite seed ${side.other} as a source where it carries the same passage.`,
      });
    }
  }
  return problems;
}

/** The review's "New shared text" lines: each new relation from the side that repeats more, then the other side's share. */
export function newRelationLines(base: Model, head: Model, md: (text: string) => string, code: (text: string) => string): string[] {
  return newRelations(base, head).map((relation) => {
    const side = leadingSide(relation);
    const summary = sharedTextSummary(side);
    const back = sideOf(relation, side.other);
    const order = relation.direction ? `; ${code(relation.direction.earlier)} was published first` : '; which came first is open';
    return `- ${code(side.seed)} repeats ${summary.repeats} of ${code(side.other)} ${md(summary.rest)} (${code(side.other)} repeats ${percent(back.repeats)} of it${order})`;
  });
}
