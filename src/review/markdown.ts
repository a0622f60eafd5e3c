// The review report as Markdown, for the terminal, the pull request's job summary and the README.
// Everything an editor or a seed wrote is escaped: a title cannot inject Markdown, HTML or @mentions.
import { verdictUrl } from '../site/urls.ts';
import type { Anchor, Model, Problem, Verdict } from '../model/types.ts';
import { countBySeverity } from '../model/report.ts';
import { visible } from '../model/visible.ts';
import { isEmpty } from './diff.ts';
import type { NewCapture } from './captures.ts';
import { changedWords } from '../matching/word-diff.ts';
import type { DataFileChange } from './data-files.ts';
import { newRelationLines } from './provenance.ts';
import type { AnchorFate, EditorialDiff, VerdictChange } from './diff.ts';

export interface ReportInput {
  /** The base revision as given, e.g. `origin/main`, and its commit. */
  rev: string;
  commit: string;
  base: Model;
  head: Model;
  diff: EditorialDiff;
  /** Files changed under content/_data/, sorted (data-files.ts). */
  dataChanges?: DataFileChange[];
  /** Sorted. */
  problems: Problem[];
  /** http(s) origin + path of a preview build, e.g. a deploy preview. */
  previewUrl?: string;
  /** Captures this change adds, with the fate of each published passage of their seed (review/captures.ts). */
  newCaptures?: NewCapture[];
}

const QUOTE_LENGTH = 160;

/**
 * Inline Markdown text: one line; the characters that format or link inside a line backslash-escaped
 * (untrusted text never starts a line here, so list and heading markers are harmless); HTML and @ as entities;
 * controls and bidi controls visible as `\u{XX}` (src/model/visible.ts), in the job summary as on the terminal.
 */
export function md(text: string): string {
  return visible(text.replace(/\s+/g, ' ').trim())
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;');
}

/** A code span for ids and paths (backticks inside are dropped: ids and paths never need them), controls visible. */
function code(text: string): string {
  return `\`${visible(text.replace(/`/g, '').replace(/\s+/g, ' '))}\``;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat;
}

function quote(text: string): string {
  return `“${md(short(text))}”`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function ratingLabel(model: Model, key: string): string {
  return model.scale.levels.find((level) => level.key === key)?.label ?? key;
}

function where(anchor: Anchor, seedToo: boolean): string {
  return `${seedToo ? `${code(anchor.seed)} ` : ''}line ${anchor.line}, column ${anchor.column}`;
}

export function describeFate(fate: AnchorFate): string {
  switch (fate.kind) {
    case 'unchanged':
      return fate.anchor.method === 'exact'
        ? `still exact at line ${fate.anchor.line}`
        : `still found (${fate.anchor.method} match) at line ${fate.anchor.line}`;
    case 'moved': {
      const otherSeed = fate.from.seed !== fate.to.seed;
      return `moved from ${where(fate.from, otherSeed)} to ${where(fate.to, otherSeed)}${fate.to.method === 'exact' ? '' : ` (${fate.to.method} match)`}`;
    }
    case 'approximate':
      return `now approximate at line ${fate.to.line}: ${md(fate.difference)}`;
    case 'found':
      return `now found at ${where(fate.to, false)} (${fate.to.method} match)`;
    case 'lost':
      return `**lost**: ${md(fate.reason)}`;
  }
}

function verdictName(v: Verdict): string {
  return `**${md(v.title)}** (${code(v.slug)})`;
}

function problemLine(p: Problem): string {
  return `- **${p.severity}** ${code(`${p.file}:${p.line}:${p.column}`)} ${md(p.message)} \\[${p.rule}\\]`;
}

/** Each new capture with a table of every published passage of its seed: unchanged, changed (the words), removed. */
function newCaptureLines(added: NewCapture[]): string[] {
  const out: string[] = [];
  for (const { capture, passages } of added) {
    out.push(`### New capture ${code(capture.file)}`, '');
    if (passages.length === 0) {
      out.push('No published verdict is anchored in an earlier capture of this seed.', '');
      continue;
    }
    out.push('| Verdict | Passage as checked | In this capture |', '|---|---|---|');
    for (const { verdict, fate } of passages) {
      const now =
        fate.kind === 'unchanged'
          ? 'unchanged'
          : fate.kind === 'removed'
            ? '**removed**'
            : `**changed**: ${md(changedWords(verdict.anchor.text, fate.text!))} — now ${quote(fate.text!)}`;
      out.push(`| ${verdictName(verdict)} | ${quote(verdict.anchor.text)} | ${now} |`);
    }
    out.push('');
  }
  return out;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`### ${title}`, '', ...lines, ''];
}

export function renderReport(input: ReportInput): string {
  const { base, head, diff, problems } = input;
  // A preview build has a page for every verdict, drafts too (src/model/published.ts).
  const preview = (v: Verdict) => (input.previewUrl ? ` · [preview](${input.previewUrl.replace(/\/+$/, '')}${verdictUrl(v.slug)})` : '');
  const changes = (pick: (c: VerdictChange) => unknown) => diff.changed.filter((c) => pick(c));

  const errors = countBySeverity(problems, 'error');
  const warnings = countBySeverity(problems, 'warning');
  const tally = [
    plural(diff.added.length, 'new verdict'),
    `${diff.changed.length} changed`,
    `${diff.removed.length} removed`,
    plural(diff.seedsChanged.length, 'seed') + ' changed',
  ].join(', ');

  const out: string[] = [
    '## Editorial review',
    '',
    `Compared ${code(input.rev)} (${code(input.commit.slice(0, 12))}) with the working tree: ${tally}.`,
    '',
    `**${plural(errors, 'error')}, ${plural(warnings, 'warning')}**${errors > 0 ? ' — this pull request cannot be merged as it is.' : ''}`,
    '',
  ];

  out.push(...section('Problems', problems.map(problemLine)));

  out.push(
    ...section(
      'New verdicts',
      diff.added.map((v) => {
        const seed = v.anchor ? `${code(v.seed)} line ${v.anchor.line}` : code(v.seed);
        const status = v.draft ? ' · draft' : '';
        return `- ${verdictName(v)}: ${md(ratingLabel(head, v.rating))} · ${seed}${status}${preview(v)}\n  > ${quote(v.selector.quote)}`;
      }),
    ),
  );

  out.push(
    ...section(
      'Newly published',
      changes((c) => c.published).map((c) => `- ${verdictName(c.after)} is no longer a draft${preview(c.after)}`),
    ),
  );

  out.push(
    ...section(
      'Rating changes',
      changes((c) => c.rating).map(
        (c) =>
          `- ${verdictName(c.after)}: ${md(ratingLabel(base, c.rating!.old))} → **${md(ratingLabel(head, c.rating!.new))}**${preview(c.after)}`,
      ),
    ),
  );

  out.push(
    ...section(
      'Quote changes',
      changes((c) => c.quote).map((c) => {
        const q = c.quote!;
        return `- ${verdictName(c.after)}: anchor ${describeFate(q.fate)}\n  - before: ${quote(q.old)}\n  - after: ${quote(q.new)}`;
      }),
    ),
  );

  out.push(
    ...section(
      'Title and claim changes',
      changes((c) => c.title || c.claim).flatMap((c) => [
        ...(c.title ? [`- ${code(c.after.slug)} title: ${quote(c.title.old)} → ${quote(c.title.new)}`] : []),
        ...(c.claim ? [`- ${code(c.after.slug)} claim: ${quote(c.claim.old)} → ${quote(c.claim.new)}`] : []),
      ]),
    ),
  );

  out.push(
    ...section(
      'Renamed verdicts',
      changes((c) => c.renamedFrom !== undefined).map((c) => {
        const redirect = c.after.redirectFrom.includes(c.before.slug) ? 'old URL redirects' : 'no redirect from the old URL';
        return `- ${code(c.before.file)} → ${code(c.after.file)} (${redirect})`;
      }),
    ),
  );

  out.push(
    ...section('Removed verdicts', [
      ...diff.removed.map((v) => `- ${verdictName(v)}${v.draft ? ' (was a draft)' : ''}`),
      ...changes((c) => c.unpublished).map((c) => `- ${verdictName(c.after)} is a draft again (was published)`),
    ]),
  );

  out.push(
    ...section(
      'Other edits',
      changes((c) => c.correctionsAdded.length > 0 || c.sourcesChanged || c.explanationChanged).map((c) => {
        const parts = [
          ...c.correctionsAdded.map((k) => `correction added (${md(k.date)}): ${md(short(k.note))}`),
          ...(c.sourcesChanged ? ['sources changed'] : []),
          ...(c.explanationChanged ? ['explanation edited'] : []),
        ];
        return `- ${code(c.after.slug)}: ${parts.join('; ')}`;
      }),
    ),
  );

  const seedLines: string[] = [];
  for (const change of diff.seedsChanged) {
    seedLines.push(
      `- ${code(change.seed.file)}: the bytes changed (sha256 ${code(change.oldSha256.slice(0, 12))} → ${code(change.seed.sha256.slice(0, 12))})`,
    );
    if (change.verdicts.length === 0) seedLines.push('  - no verdict is anchored in it');
    for (const { verdict, fate } of change.verdicts) seedLines.push(`  - ${verdictName(verdict)}: ${describeFate(fate)}`);
  }
  for (const seed of diff.seedsAdded) seedLines.push(`- ${code(seed.file)}: new seed`);
  for (const seed of diff.seedsRemoved) seedLines.push(`- ${code(seed.file)}: removed`);
  out.push(...section('Seed changes', seedLines));
  out.push(...newCaptureLines(input.newCaptures ?? []));
  out.push(...section('New shared text', newRelationLines(base, head, md, code)));

  const dataChanges = input.dataChanges ?? [];
  out.push(
    ...section(
      'Site data changes',
      dataChanges.map((c) => `- ${code(c.file)}: ${c.change}${c.known ? '' : ' (not a data file the site reads: code, see Problems)'}`),
    ),
  );

  if (isEmpty(diff) && !input.newCaptures?.length && dataChanges.length === 0) out.push('No editorial changes.', '');
  return out.join('\n');
}
