// The review gate for captures, the evidence verdicts are anchored in. Rewriting or deleting a capture that a
// published verdict (at the base) is anchored in is an error that names the verdicts and shows the changed words;
// a later version of the article is added as a new capture instead. An edit of a capture no published verdict
// uses stays a warning, naming the changed lines. A capture added by the change is listed with what became of
// every published passage of its seed in it.
import { diffLines } from 'diff';
import { allCaptures, captureDate, captureFile } from '../content/captures.ts';
import { bySlug } from '../model/order.ts';
import type { Model, PassageFate, Problem, PublishedVerdict, Seed } from '../model/types.ts';
import { isPublished } from '../model/published.ts';
import { changedWords } from '../matching/word-diff.ts';

/** Every capture of the model by file: first captures and later ones. */
function capturesByFile(model: Model): Map<string, Seed> {
  return new Map(model.seeds.flatMap(allCaptures).map((capture) => [capture.file, capture]));
}

/** The published verdicts anchored in `capture`, by slug. */
function anchoredIn(model: Model, capture: Seed): PublishedVerdict[] {
  return model.verdicts
    .filter(isPublished)
    .filter((v) => v.anchor.seed === capture.id && v.anchor.capture === capture.captured)
    .sort(bySlug);
}

const MAX_LISTED_LINES = 10;

/** The lines of `after` (1-based) that differ from `before`: added or rewritten lines, and where lines were removed. */
export function changedLines(before: string, after: string): { lines: number[]; text: string } {
  const found = new Set<number>();
  const last = Math.max(1, after.split(/\r\n|\r|\n/).length);
  let line = 1;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.added) {
      for (let k = 0; k < count; k++) found.add(line + k);
      line += count;
    } else if (part.removed) found.add(Math.min(line, last));
    else line += count;
  }
  const lines = [...found].sort((a, b) => a - b);
  const listed =
    lines.slice(0, MAX_LISTED_LINES).join(', ') + (lines.length > MAX_LISTED_LINES ? ` and ${lines.length - MAX_LISTED_LINES} more` : '');
  return { lines, text: lines.length === 0 ? 'no line of text (only its encoding)' : `${lines.length === 1 ? 'line' : 'lines'} ${listed}` };
}

/** What to do instead of editing a capture. */
function addInstead(seed: Seed): string {
  return `A capture is evidence and is never edited: restore ${seed.file} as it was, and add the article's new text as ${captureFile(seed.id, 'YYYY-MM-DD')} (the day, UTC, it was captured) beside it.`;
}

function names(verdicts: PublishedVerdict[]): string {
  return verdicts.map((v) => `${v.slug} (line ${v.anchor.line})`).join(', ');
}

export interface NewCapture {
  capture: Seed;
  /** Every published verdict of the seed anchored in an earlier capture, by slug, with its passage's fate here. */
  passages: { verdict: PublishedVerdict; fate: PassageFate }[];
}

export interface CaptureReview {
  problems: Problem[];
  /** First captures whose edit is already an error here (the policy's seed-changed warning would repeat it). */
  covered: Set<string>;
  added: NewCapture[];
}

export function reviewCaptures(base: Model, head: Model): CaptureReview {
  const problems: Problem[] = [];
  const covered = new Set<string>();
  const before = capturesByFile(base);
  const after = capturesByFile(head);
  for (const [file, old] of before) {
    const now = after.get(file);
    if (now && now.sha256 === old.sha256) continue;
    const verdicts = anchoredIn(base, old);
    if (verdicts.length === 0) {
      // A later capture nobody checked against; first captures get the policy's seed-changed warning.
      if (old.captured === undefined) continue;
      const message = now
        ? `the bytes of capture ${file} changed (${changedLines(old.text, now.text).text}: ${changedWords(old.text, now.text)}); no published verdict is anchored in it. ${addInstead(old)}`
        : `capture ${file} was deleted; no published verdict is anchored in it. Captures are evidence: keep every one, even those no verdict uses.`;
      problems.push({
        file,
        line: now ? (changedLines(old.text, now.text).lines[0] ?? 1) : 1,
        column: 1,
        severity: 'warning',
        rule: 'seed-changed',
        message,
      });
      continue;
    }
    covered.add(file);
    const anchored = `${verdicts.length === 1 ? 'a published verdict is' : 'published verdicts are'} anchored in it: ${names(verdicts)}`;
    if (now) {
      const lines = changedLines(old.text, now.text);
      problems.push({
        file,
        line: lines.lines[0] ?? 1,
        column: 1,
        severity: 'error',
        rule: 'capture-changed',
        message: `capture ${file} was rewritten (${lines.text}: ${changedWords(old.text, now.text)}), but ${anchored}. ${addInstead(old)}`,
      });
    } else {
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'capture-changed',
        message: `capture ${file} was deleted, but ${anchored}. Restore it: the text a verdict checked is kept for good, and a later version of the article is added as ${captureFile(old.id, 'YYYY-MM-DD')}.`,
      });
    }
  }
  problems.push(...movedByNewCapture(base, head));
  const added: NewCapture[] = [];
  for (const [file, capture] of after) {
    if (before.has(file) || capture.captured === undefined) continue;
    const passages = head.verdicts
      .filter(isPublished)
      .filter((v) => v.anchor.seed === capture.id)
      .sort(bySlug)
      .flatMap((verdict) => {
        const fate = verdict.fates?.find((f) => f.capture === capture.captured);
        return fate ? [{ verdict, fate }] : [];
      });
    added.push({ capture, passages });
  }
  return { problems, covered, added };
}

/** `captured` of a capture, readable in a report: its date, or "first capture". */
export function captureLabel(capture: Seed): string {
  return captureDate(capture) ?? 'first capture';
}

/**
 * A capture dated on or before a published verdict's date, added after it, would move the verdict to that
 * capture without a word in the verdict: the text it checked must stay the text it is anchored in.
 */
function movedByNewCapture(base: Model, head: Model): Problem[] {
  const before = new Map(base.verdicts.map((v) => [v.slug, v]));
  const problems: Problem[] = [];
  for (const verdict of head.verdicts) {
    const old = before.get(verdict.slug);
    if (!old || old.draft || !old.anchor || !verdict.anchor || old.capture !== verdict.capture || old.date !== verdict.date) continue;
    if (old.seed !== verdict.seed || old.anchor.capture === verdict.anchor.capture) continue;
    const from = old.anchor.capture === undefined ? `seeds/${old.seed}.txt` : captureFile(old.seed, old.anchor.capture);
    const to = verdict.anchor.capture === undefined ? `seeds/${verdict.seed}.txt` : captureFile(verdict.seed, verdict.anchor.capture);
    const position = verdict.positions['date'] ?? { line: 1, column: 1 };
    const pin = old.anchor.capture ?? base.seedsById.get(old.seed)?.meta.captured;
    problems.push({
      file: verdict.file,
      ...position,
      severity: 'error',
      rule: 'capture-changed',
      message:
        `this published verdict was checked against ${from}, but ${to}, dated on or before the verdict's date (${verdict.date}), now makes it check ${to} instead. ` +
        (pin
          ? `Add \`capture: ${pin}\` to keep it on the text it checked.`
          : `Give the first capture's date as \`captured:\` in seeds/${verdict.seed}.yml and add \`capture:\` with it to keep the verdict on the text it checked.`),
    });
  }
  return problems;
}
