// check's warnings about what the structured data (ClaimReview, the annotation export) will lack: a claim
// too long for Google's fact-check display, a claimant that looks like a mistyped key of claimants.yml, and
// seeds without the original article's URL or date.
import { claimantProblems } from '../content/claimants.ts';
import type { Claimant, Problem, Seed, Verdict } from './types.ts';

/** Google's guidance for ClaimReview: keep claimReviewed under 75 characters. */
export const CLAIM_LIMIT = 75;

/** Length as a reader counts characters (code points, not UTF-16 units). */
export const characters = (text: string): number => [...text].length;

function claimTooLong(verdict: Verdict): Problem[] {
  const length = characters(verdict.claim);
  if (length <= CLAIM_LIMIT) return [];
  const given = 'claim' in verdict.positions;
  const at = verdict.positions[given ? 'claim' : 'quote'] ?? { line: 1, column: 1 };
  const message = given
    ? `the claim is ${length} characters long; Google shows a ClaimReview's claim (claimReviewed) in under ${CLAIM_LIMIT}: shorten \`claim:\`, restating only what was said.`
    : `with no \`claim:\`, the claim is the quote, ${length} characters long; Google shows a ClaimReview's claim (claimReviewed) in under ${CLAIM_LIMIT}: add a \`claim:\` that restates it in fewer words.`;
  return [{ file: verdict.file, line: at.line, column: at.column, severity: 'warning', rule: 'claim-too-long', message }];
}

/** Seeds that carry a published verdict's passage (its anchor or an appearance) but lack `url` or `published`. */
function seedMetaMissing(verdicts: readonly Verdict[], seedsById: ReadonlyMap<string, Seed>): Problem[] {
  const carrying = new Set<string>();
  for (const v of verdicts) {
    if (v.anchor) carrying.add(v.anchor.seed);
    for (const a of v.appearances) carrying.add(a.seed);
  }
  const problems: Problem[] = [];
  for (const id of [...carrying].sort()) {
    const seed = seedsById.get(id);
    if (!seed) continue;
    const lost: string[] = [];
    if (!seed.meta.url) {
      lost.push(
        'no `url`: the ClaimReview cannot name the original article (its appearance, firstAppearance and the annotation export point only at the copy on this site)',
      );
    }
    if (!seed.meta.published)
      lost.push(
        'no `published` date: the Claim has no datePublished, and where several seeds carry a passage its first appearance is unknown',
      );
    if (lost.length === 0) continue;
    const file = seed.metaFile ?? `seeds/${seed.id}.yml`;
    problems.push({
      file: seed.metaFile ?? seed.file,
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'seed-meta-missing',
      message: `seed "${seed.id}" has ${lost.join('; and ')}. Add them to ${file} if the article's address and date are known.`,
    });
  }
  return problems;
}

/**
 * The warnings for published verdicts (drafts have no structured data yet; they are checked once
 * `draft: true` goes), and a mistyped claimant key for every verdict.
 */
export function structuredDataProblems(
  verdicts: readonly Verdict[],
  seedsById: ReadonlyMap<string, Seed>,
  claimants: ReadonlyMap<string, Claimant>,
): Problem[] {
  const published = verdicts.filter((v) => !v.draft);
  return [
    ...verdicts.flatMap((v) => [...(v.draft ? [] : claimTooLong(v)), ...claimantProblems(v, claimants)]),
    ...seedMetaMissing(published, seedsById),
  ];
}
