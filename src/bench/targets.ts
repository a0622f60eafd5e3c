// The targets of issue 13 ("Targets (the bench; medians; 2-core machine)"), one row each, from this
// run's measures: what was measured, the issue's own "now" figure beside it, the target, and whether
// this run meets it. A row whose measure was not run says which `--only` name runs it.

import type { CorpusKind } from './corpus.ts';
import type { Row, TargetRow } from './report.ts';

/** A run's figures as `--save FILE` writes them, read back by `--growth-from FILE`. */
export interface SavedRun {
  corpus: CorpusKind;
  seeds: number;
  verdicts: number;
  rows: Row[];
}

export const SITE_BUILD = 'site build, Eleventy part';

export interface TargetInputs {
  corpus: CorpusKind;
  verdicts: number;
  nodeOptions?: string;
  /** The site build (Eleventy part) and the bare-Eleventy baseline, when `site` was measured. */
  site?: Row;
  baseline?: Row;
  /** The whole `npm run build`, when `build` was measured. */
  whole?: Row;
  checks: Partial<Record<CorpusKind, Row>>;
  /** Save → page served in `npm start`, and save → page written to the output folder. */
  served?: Row;
  written?: Row;
  pagefind?: Row;
  /** An earlier run (the reference size) to divide this run's site build time by. */
  reference?: SavedRun;
}

/** The scale size of the issue (10,000 seeds / 100,000 verdicts): where the scale row's targets apply. */
const SCALE_VERDICTS = 100_000;

function seconds(ms: number | undefined): string {
  return ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${Math.round(bytes / 1024 ** 2)} MB`;
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a !== undefined && b !== undefined && b > 0 ? a / b : undefined;
}

function status(value: number | undefined, limit: number, missing: string): string {
  if (value === undefined) return missing;
  return value <= limit ? 'met' : '**missed**';
}

/** What a target's status says when its figure is missing: the measure failed, or was not run. */
function missing(rows: Array<Row | undefined>, only: string): string {
  if (rows.some((row) => row?.failure && !row.failure.startsWith('skipped'))) return '**failed**';
  if (rows.some((row) => row?.failure)) return 'skipped';
  return `not measured (--only ${only})`;
}

function failed(row: Row | undefined): string | undefined {
  return row?.failure ? `${row.failure.startsWith('skipped') ? '' : 'failed: '}${row.failure}` : undefined;
}

export function issueTargets(input: TargetInputs): TargetRow[] {
  const { site, baseline, whole, checks, served, written, pagefind } = input;
  const corpus = input.corpus;
  const rows: TargetRow[] = [];

  const time = ratio(site?.ms, baseline?.ms);
  rows.push({
    measure: 'Eleventy part of the build vs bare Eleventy, same page count',
    corpus,
    measured: failed(site) ?? (time === undefined ? '—' : `${time.toFixed(2)}× (${seconds(site?.ms)} vs ${seconds(baseline?.ms)})`),
    now: '1.81×',
    target: '≤ 1.0×',
    status: status(time, 1.0, missing([site, baseline], 'site')),
  });

  const wholeTime = ratio(whole?.ms, baseline?.ms);
  rows.push({
    measure: 'whole `npm run build` (check + Eleventy + Pagefind) vs bare Eleventy',
    corpus,
    measured:
      failed(whole) ??
      (wholeTime === undefined
        ? whole
          ? `${seconds(whole.ms)} (no baseline: add --only site)`
          : '—'
        : `${wholeTime.toFixed(2)}× (${seconds(whole?.ms)} vs ${seconds(baseline?.ms)})`),
    now: '2.8× (shared-text corpus)',
    target: '≤ 1.5×',
    status: status(wholeTime, 1.5, missing([whole, baseline], 'build,site')),
  });

  const rss = ratio(site?.rss, baseline?.rss);
  rows.push({
    measure: 'peak RSS vs bare Eleventy',
    corpus,
    measured: failed(site) ?? (rss === undefined ? '—' : `${rss.toFixed(2)}× (${megabytes(site?.rss)} vs ${megabytes(baseline?.rss)})`),
    now: '1.85×',
    target: '≤ 1.25×',
    status: status(rss, 1.25, missing([site, baseline], 'site')),
  });

  const unique = checks.unique;
  const shared = checks['shared-text'];
  const slowest = unique?.ms !== undefined && shared?.ms !== undefined ? Math.max(unique.ms, shared.ms) : undefined;
  rows.push({
    measure: '`check`, unique seeds / shared-text seeds',
    corpus: 'both',
    measured: `${failed(unique) ?? seconds(unique?.ms)} / ${failed(shared) ?? seconds(shared?.ms)}`,
    now: '1.8 s / 6.2 s',
    target: '≤ 1 s on both',
    status: status(slowest, 1000, missing([unique, shared], 'check')),
  });

  rows.push({
    measure: 'save of one verdict in `npm start` until the page is served',
    corpus,
    measured:
      failed(served) ??
      (served?.ms === undefined ? '—' : `${seconds(served.ms)} (page written to the output folder: ${seconds(written?.ms)})`),
    now: '7.4 s (then measured as page written)',
    target: '< 1 s',
    status: served?.ms === undefined ? missing([served], 'watch') : served.ms < 1000 ? 'met' : '**missed**',
  });

  // One run alone cannot give a growth factor: it is this run's time divided by an earlier run's (--growth-from).
  const heap = /max-old-space-size=(\d+)/.exec(input.nodeOptions ?? '')?.[1];
  const completed = site && !site.failure && site.ms !== undefined;
  const reference = input.reference;
  const referenceSite = reference?.rows.find((row) => row.name === SITE_BUILD);
  const growth = ratio(completed ? site.ms : undefined, referenceSite?.ms);
  const scaleParts = [
    `heap: ${heap ? `--max-old-space-size=${heap}` : 'default'}, site build ${site ? (completed ? `completed (${megabytes(site.rss)})` : 'failed') : 'not run'}`,
    reference
      ? `time growth: site build ${growth === undefined ? '—' : `${growth.toFixed(1)}×`} (${seconds(site?.ms)} vs ${seconds(referenceSite?.ms)} at ${reference.seeds} seeds / ${reference.verdicts} verdicts, ${reference.corpus}; ${(input.verdicts / reference.verdicts).toFixed(1)}× the verdicts)`
      : `time growth: site build ${seconds(site?.ms)}, to divide by a reference-size run's (--growth-from)`,
    `search-indexing peak: ${pagefind ? (failed(pagefind) ?? megabytes(pagefind.rss)) : 'not run'}`,
  ];
  const atScale = input.verdicts >= SCALE_VERDICTS;
  const scaleMet = completed && !heap && pagefind?.rss !== undefined && pagefind.rss < 4 * 1024 ** 3;
  const growthStatus =
    growth === undefined ? 'growth: compare with the reference run (--growth-from)' : `growth ${growth <= 11 ? 'met' : '**missed**'}`;
  rows.push({
    measure: 'scale: heap, time growth, search-indexing peak',
    corpus,
    measured: scaleParts.join('; '),
    now: '6.5 GB with a flag, 25×, 17 GB',
    target: 'default heap, ≤ 11×, < 4 GB',
    status: atScale
      ? `heap and indexing peak ${scaleMet ? 'met' : '**missed**'}; ${growthStatus}`
      : `applies at ${SCALE_VERDICTS} verdicts`,
  });
  return rows;
}
