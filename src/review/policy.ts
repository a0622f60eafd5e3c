// Editorial policy a pull request must satisfy, on top of everything `check` enforces:
// open corrections (IFCN), stable URLs for published verdicts, and a warning on any edit of the evidence.
import { verdictUrl } from '../site/urls.ts';
import type { Problem, Verdict } from '../model/types.ts';
import type { AnchorFate, EditorialDiff, VerdictChange } from './diff.ts';
import { changedLines } from './captures.ts';
import { changedWords } from '../matching/word-diff.ts';

function at(verdict: Verdict, ...keys: string[]): { line: number; column: number } {
  for (const key of keys) {
    const position = verdict.positions[key];
    if (position) return position;
  }
  return { line: 1, column: 1 };
}

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 80 ? `${flat.slice(0, 79)}…` : flat}"`;
}

function correctionMissing(change: VerdictChange): Problem | undefined {
  if (change.before.draft || change.correctionsAdded.length > 0) return undefined;
  const what: string[] = [];
  if (change.rating) what.push(`the rating (${change.rating.old} -> ${change.rating.new})`);
  if (change.claim) what.push('the claim');
  if (change.quote) what.push('the quote');
  if (what.length === 0) return undefined;
  const keys = [change.rating ? 'rating' : '', change.claim ? 'claim' : '', change.quote ? 'quote' : ''].filter(Boolean);
  return {
    file: change.after.file,
    ...at(change.after, ...keys),
    severity: 'error',
    rule: 'correction-missing',
    message:
      `this verdict is published and ${what.join(', ')} changed, but no entry was added to its corrections log. ` +
      'Add one under `corrections:` (`- date: YYYY-MM-DD` and `note:` saying what changed and why); readers must see every substantive change.',
  };
}

/** Old slugs that keep working because a published verdict declares them in `redirect_from`. */
function redirected(head: readonly Verdict[]): Set<string> {
  return new Set(head.filter((v) => !v.draft).flatMap((v) => v.redirectFrom));
}

function publishedRemoved(diff: EditorialDiff, head: readonly Verdict[]): Problem[] {
  const kept = redirected(head);
  const problems: Problem[] = [];
  const url = (slug: string) => verdictUrl(slug);
  for (const old of diff.removed) {
    if (old.draft || kept.has(old.slug)) continue;
    problems.push({
      file: old.file,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'published-removed',
      message:
        `the published verdict ${quoted(old.title)} was deleted, so its URL ${url(old.slug)} would break. ` +
        `Restore the file, or add \`redirect_from: [${old.slug}]\` to the verdict that replaces it and record the retraction in that verdict's corrections log.`,
    });
  }
  for (const change of diff.changed) {
    const { before, after } = change;
    if (before.draft || kept.has(before.slug)) continue;
    if (change.renamedFrom !== undefined && !after.draft) {
      problems.push({
        file: after.file,
        ...at(after, 'redirect_from', 'title'),
        severity: 'error',
        rule: 'published-removed',
        message:
          `this published verdict was renamed from ${before.file}, so its old URL ${url(before.slug)} would break. ` +
          `Add \`redirect_from: [${before.slug}]\` to this file's front matter.`,
      });
    } else if (change.unpublished) {
      problems.push({
        file: after.file,
        ...at(after, 'draft'),
        severity: 'error',
        rule: 'published-removed',
        message:
          `this verdict was published and is now a draft, so its URL ${url(before.slug)} would break. ` +
          'Keep it published and record the change in its corrections log, or add its slug to `redirect_from` of the verdict that replaces it.',
      });
    }
  }
  return problems;
}

const FATE_WORDS: Record<AnchorFate['kind'], string> = {
  unchanged: 'unchanged',
  moved: 'moved',
  approximate: 'now approximate',
  found: 'newly found',
  lost: 'lost',
};

function seedChanged(diff: EditorialDiff): Problem[] {
  return diff.seedsChanged.map(({ seed, oldSha256, oldText, verdicts }) => {
    const tally = (Object.keys(FATE_WORDS) as AnchorFate['kind'][])
      .map((kind) => [FATE_WORDS[kind], verdicts.filter((v) => v.fate.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([word, n]) => `${n} ${word}`)
      .join(', ');
    const anchored =
      verdicts.length === 0
        ? 'no verdict is anchored in it'
        : `${verdicts.length} verdict${verdicts.length === 1 ? '' : 's'} anchored in it: ${tally}`;
    const lines = changedLines(oldText, seed.text);
    return {
      file: seed.file,
      line: lines.lines[0] ?? 1,
      column: 1,
      severity: 'warning',
      rule: 'seed-changed',
      message:
        `the bytes of seed ${seed.id} changed (sha256 ${oldSha256.slice(0, 12)} -> ${seed.sha256.slice(0, 12)}) in ${lines.text}: ${changedWords(oldText, seed.text)}; ${anchored}. ` +
        'Seeds are evidence: change one only to restore the source exactly as published, and say so in the pull request.',
    };
  });
}

/** The policy problems of a diff, unsorted. `head` is every verdict of the working tree. */
export function policyProblems(diff: EditorialDiff, head: readonly Verdict[]): Problem[] {
  return [
    ...diff.changed.map(correctionMissing).filter((p): p is Problem => p !== undefined),
    ...publishedRemoved(diff, head),
    ...seedChanged(diff),
  ];
}
