// The benchmark's printed result: a Markdown table (readable in a terminal, pasteable into
// docs/benchmarks.md) with each measure's median, peak RSS, ratio to the bare-Eleventy baseline
// and target, then one table of issue 13's targets.

import type { CorpusKind } from './corpus.ts';
import type { Machine } from './machine.ts';

export interface Row {
  name: string;
  /** Median wall time, ms; undefined when the measure failed. */
  ms?: number;
  /** Why the measure could not complete (then `ms` is undefined). */
  failure?: string;
  /** Median peak RSS, bytes. */
  rss?: number;
  /** Median user + system CPU time, ms. */
  cpuMs?: number;
  runs: number;
  /** The bare-Eleventy measure this one is compared with (ratios of time, CPU and RSS). */
  baseline?: Row;
  target?: { text: string; met: boolean };
  note?: string;
}

/** One row of issue 13's "Targets" table, as this run measured it. */
export interface TargetRow {
  measure: string;
  corpus: CorpusKind | 'both';
  measured: string;
  /** The issue's "now" figure. */
  now: string;
  target: string;
  status: string;
}

export interface Header {
  machine: Machine;
  corpus: CorpusKind;
  seeds: number;
  verdicts: number;
  seedMegabytes: number;
  sitePages: number;
  baselinePages: number;
  /** HTML files Hugo wrote for the baseline's pages, when it ran. */
  hugoPages?: number;
  rssMethod: string;
  generateMs: number;
  loadBefore: number;
  loadAfter: number;
  /** NODE_OPTIONS given to every measured process, if any. */
  nodeOptions?: string;
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** Table cells are untrusted-free (our own figures and failure lines) but may carry a pipe. */
function cell(text: string): string {
  return text.replaceAll('|', '/').replaceAll('\n', ' ');
}

export function formatReport(header: Header, rows: Row[], targets: TargetRow[] = []): string {
  const m = header.machine;
  const lines = [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(1)} GiB memory, Node ${m.node}, ${m.os}; default heap limit ${Math.round(m.heapLimitMiB)} MiB.`,
    `Corpus: ${header.corpus}, ${header.seeds} seeds (${header.seedMegabytes.toFixed(1)} MB), ${header.verdicts} verdicts, generated in ${seconds(header.generateMs)}; ` +
      `site output ${header.sitePages} HTML files, baseline ${header.baselinePages} pages${header.hugoPages === undefined ? '' : `, Hugo ${header.hugoPages} HTML files`}.`,
    `Wall time, CPU time (user + system, all processes) and peak RSS are medians over the runs shown; peak RSS: ${header.rssMethod}.`,
    ...(header.nodeOptions ? [`NODE_OPTIONS for every measured process: ${header.nodeOptions}`] : []),
    `Machine load (1-minute average) before the runs: ${header.loadBefore.toFixed(1)}, after: ${header.loadAfter.toFixed(1)}; on a busy machine, wall times grow and CPU times less so.`,
    '',
    "Ratios are to the bare-Eleventy measure of the same kind (the baseline build, or the baseline's own watch-mode rebuild).",
    '',
    '| measure | runs | wall time | CPU time | peak RSS | × baseline time | × baseline CPU | × baseline RSS | target | |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const base = row.baseline;
    const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : '');
    const timeRatio = ratio(row.ms, base?.ms);
    const cpuRatio = ratio(row.cpuMs, base?.cpuMs);
    const rssRatio = ratio(row.rss, base?.rss);
    const verdict = row.failure
      ? `${row.failure.startsWith('skipped') ? '' : '**failed**: '}${row.failure.replaceAll('|', '/')}`
      : row.target
        ? row.target.met
          ? 'met'
          : '**missed**'
        : '';
    lines.push(
      `| ${row.name}${row.note ? ` (${row.note})` : ''} | ${row.runs} | ${row.ms === undefined ? '—' : seconds(row.ms)} | ${row.cpuMs === undefined ? '—' : seconds(row.cpuMs)} | ${megabytes(row.rss)} | ${timeRatio} | ${cpuRatio} | ${rssRatio} | ${row.target?.text ?? ''} | ${verdict} |`,
    );
  }
  if (targets.length > 0) {
    lines.push(
      '',
      'Targets of issue 13 ("now" is the issue\'s figure at the reference size, 1000 seeds / 10000 verdicts):',
      ...(header.seeds === 1000 && header.verdicts === 10_000
        ? []
        : [
            '',
            `This run is ${header.seeds} seeds / ${header.verdicts} verdicts: the targets are set for the reference size (the scale row for 10000 / 100000), so "met" or "missed" here says nothing about them.`,
          ]),
      '',
      '| target (issue 13) | corpus | this run | issue 13 "now" | target | |',
      '|---|---|---|---|---|---|',
    );
    for (const t of targets)
      lines.push(`| ${cell(t.measure)} | ${t.corpus} | ${cell(t.measured)} | ${cell(t.now)} | ${cell(t.target)} | ${cell(t.status)} |`);
  }
  return lines.join('\n');
}
