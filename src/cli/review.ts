// `npm run review -- --base <git-rev> [--preview-url URL] [--format=markdown|github] [--root DIR]`
// The editorial difference between a git revision and the working tree, as Markdown, plus the
// problems of the changed files and the policy rules. Exit 0: no errors; 1: errors; 2: could not run.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelSetupError } from '../model/errors.ts';
import { main, parseOptions, UsageError, type Command, type CommandIO } from './command.ts';
import { buildModel } from '../model/model.ts';
import { formatGithub, sortProblems } from '../model/report.ts';
import type { Model, Problem } from '../model/types.ts';
import { dataFileChanges, dataFileProblems } from '../review/data-files.ts';
import { diffModels } from '../review/diff.ts';
import { changedFiles } from '../review/files.ts';
import { gitRenames, materialise, resolveBase } from '../review/git.ts';
import { renderReport } from '../review/markdown.ts';
import { policyProblems } from '../review/policy.ts';
import { reviewCaptures } from '../review/captures.ts';
import { repostProblems } from '../review/provenance.ts';
import { VERDICTS_DIR } from '../content/verdicts.ts';

const USAGE = `Usage: npm run review -- --base <git-rev> [--preview-url URL] [--format=markdown|github] [--root DIR]

Compares seeds/ and content/ at <git-rev> (e.g. origin/main) with the working tree and prints a
Markdown report of the editorial changes and their problems. With GITHUB_STEP_SUMMARY set, the
report is appended to the job summary; --format=github also prints annotations for the policy
problems (correction-missing, published-removed, seed-changed, capture-changed, data-file-unknown, seed-repost): check --format=github annotates the rest.
Exit status: 0 no errors, 1 errors, 2 the review could not run.`;

function options(argv: string[], cwd: string) {
  const parsed = parseOptions(argv, {
    base: { type: 'string' },
    'preview-url': { type: 'string' },
    format: { type: 'string', default: 'markdown' },
    root: { type: 'string', default: '.' },
  });
  if (!parsed.base) throw new UsageError('--base <git-rev> is required (e.g. --base origin/main).');
  if (parsed.format !== 'markdown' && parsed.format !== 'github')
    throw new UsageError(`--format must be markdown or github, not "${parsed.format}".`);
  const previewUrl = parsed['preview-url'];
  if (previewUrl !== undefined && !/^https?:\/\/[^\s"<>]+$/i.test(previewUrl)) {
    throw new UsageError(`--preview-url must be an absolute http(s) URL, not "${previewUrl}".`);
  }
  return { base: parsed.base, previewUrl, format: parsed.format, root: path.resolve(cwd, parsed.root) };
}

/** Head problems a reviewer must see: those in files this change touched, and those it caused elsewhere. */
function relevant(head: Problem[], base: Problem[], changed: Set<string>): Problem[] {
  const key = (p: Problem) => `${p.file}\n${p.rule}\n${p.message}`;
  const before = new Set(base.map(key));
  return head.filter((p) => changed.has(p.file) || !before.has(key(p)));
}

function run(argv: string[], io: CommandIO): number {
  const opts = options(argv, io.cwd);
  const head = buildModel({ root: opts.root });
  const base = resolveBase(opts.root, opts.base);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'factcheck-review-'));
  try {
    materialise(opts.root, base, scratch);
    // A base from before the first verdict has no verdicts folder: that is an empty base, not a broken one.
    mkdirSync(path.join(scratch, VERDICTS_DIR), { recursive: true });
    let baseModel: Model;
    try {
      baseModel = buildModel({ root: scratch });
    } catch (error) {
      if (!(error instanceof ModelSetupError)) throw error;
      // The base predates the project's content (no rating scale yet, say): everything here is new.
      baseModel = {
        root: scratch,
        seeds: [],
        seedsById: new Map(),
        scale: head.scale,
        verdicts: [],
        pages: [],
        problems: [],
        provenance: { relations: [], comparisons: 0, pairUpdates: 0 },
      };
    }
    const diff = diffModels(baseModel, head, gitRenames(opts.root, base));
    const changed = new Set(changedFiles(scratch, opts.root));
    const captures = reviewCaptures(baseModel, head);
    // A capture a published verdict is anchored in gets capture-changed (an error) instead of the seed-changed warning.
    const seedPolicy = policyProblems(diff, head.verdicts).filter((p) => !(p.rule === 'seed-changed' && captures.covered.has(p.file)));
    const dataChanges = dataFileChanges(scratch, opts.root, [...changed]);
    // An unknown data file that check reports itself under the same rule (the file, or a folder holding it) is listed once.
    const reported = head.problems.filter((p) => p.rule === 'data-file-unknown').map((p) => p.file);
    const dataProblems = dataFileProblems(dataChanges).filter((p) => !reported.some((f) => p.file === f || p.file.startsWith(`${f}/`)));
    const policy = sortProblems([...seedPolicy, ...captures.problems, ...dataProblems, ...repostProblems(diff, baseModel, head)]);
    const problems = sortProblems([...relevant(head.problems, baseModel.problems, changed), ...policy]);
    const report = renderReport({
      rev: base.rev,
      commit: base.commit,
      base: baseModel,
      head,
      diff,
      dataChanges,
      problems,
      newCaptures: captures.added,
      ...(opts.previewUrl ? { previewUrl: opts.previewUrl } : {}),
    });
    // The content's own problems are annotated by `check --format=github` in the same workflow; annotating
    // them again here would show each twice. Only the policy needs the base revision, so only it is annotated.
    if (opts.format === 'github') io.stdout.write(formatGithub(policy));
    io.stdout.write(report);
    const summary = io.env['GITHUB_STEP_SUMMARY'];
    if (summary) appendFileSync(summary, report + '\n');
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const review: Command = { name: 'review', usage: USAGE, run };

main(review, 'src/cli/review.ts');
