// `npm run bench` must print every row of issue 13's targets, computed from the measures of the
// run: the ratios to bare Eleventy, both corpora's `check`, the save until the page is served, and
// the scale row, each judged against its target, or saying which `--only` name measures it.

import { describe, expect, it } from 'vitest';
import { formatReport, type Header, type Row } from '../src/bench/report.ts';
import { issueTargets, SITE_BUILD } from '../src/bench/targets.ts';

const header: Header = {
  machine: { cores: 2, cpu: 'test', memoryGiB: 8, node: 'v20', os: 'linux', heapLimitMiB: 4096 },
  corpus: 'shared-text',
  seeds: 10,
  verdicts: 100,
  seedMegabytes: 0.1,
  sitePages: 120,
  baselinePages: 110,
  hugoPages: 110,
  rssMethod: 'test',
  generateMs: 10,
  loadBefore: 0,
  loadAfter: 0,
};

const row = (name: string, ms: number | undefined, rss?: number): Row => ({ name, ms, rss, runs: 1 });
const MB = 1024 ** 2;

describe("the bench's table of issue 13's targets", () => {
  it('judges each target from the measured figures', () => {
    const baseline = row('bare', 8000, 400 * MB);
    const targets = issueTargets({
      corpus: 'shared-text',
      verdicts: 10_000,
      site: row('site', 7900, 520 * MB),
      baseline,
      whole: row('whole', 12_400),
      checks: { unique: row('check u', 900), 'shared-text': row('check s', 1100) },
      served: row('served', 950),
      written: row('written', 700),
      pagefind: row('pagefind', 5000, 3000 * MB),
    });
    expect(targets.map((t) => [t.measure, t.status])).toEqual([
      ['Eleventy part of the build vs bare Eleventy, same page count', 'met'],
      ['whole `npm run build` (check + Eleventy + Pagefind) vs bare Eleventy', '**missed**'],
      ['peak RSS vs bare Eleventy', '**missed**'],
      ['`check`, unique seeds / shared-text seeds', '**missed**'],
      ['save of one verdict in `npm start` until the page is served', 'met'],
      ['scale: heap, time growth, search-indexing peak', 'applies at 100000 verdicts'],
    ]);
    expect(targets[0]!.measured).toBe('0.99× (7.90 s vs 8.00 s)');
    expect(targets[1]!.measured).toBe('1.55× (12.40 s vs 8.00 s)');
    expect(targets[2]!.measured).toBe('1.30× (520 MB vs 400 MB)');
    expect(targets[3]!.measured).toBe('900 ms / 1.10 s');
    expect(targets[4]!.measured).toBe('950 ms (page written to the output folder: 700 ms)');
    expect(targets.every((t) => t.corpus === (t.measure.startsWith('`check`') ? 'both' : 'shared-text'))).toBe(true);
  });

  it('at the scale size, judges the heap and the indexing peak; a flag on the heap misses it', () => {
    const inputs = {
      corpus: 'unique' as const,
      verdicts: 100_000,
      site: row('site', 150_000, 3000 * MB),
      baseline: row('bare', 100_000, 2000 * MB),
      checks: {},
      pagefind: row('pagefind', 1, 3500 * MB),
    };
    expect(issueTargets(inputs)[5]!.status).toBe('heap and indexing peak met; growth: compare with the reference run (--growth-from)');
    expect(issueTargets({ ...inputs, nodeOptions: '--max-old-space-size=8192' })[5]!.status).toMatch(
      /^heap and indexing peak \*\*missed\*\*/,
    );
    expect(issueTargets({ ...inputs, pagefind: row('pagefind', 1, 5000 * MB) })[5]!.status).toMatch(/missed/);
    // With the reference run saved by --save, the growth of the site build is judged too.
    const reference = { corpus: 'unique' as const, seeds: 1000, verdicts: 10_000, rows: [row(SITE_BUILD, 15_000)] };
    const scale = issueTargets({ ...inputs, reference })[5]!;
    expect(scale.status).toBe('heap and indexing peak met; growth met');
    expect(scale.measured).toContain(
      'time growth: site build 10.0× (150.00 s vs 15.00 s at 1000 seeds / 10000 verdicts, unique; 10.0× the verdicts)',
    );
    const slow = { ...reference, rows: [row(SITE_BUILD, 6000)] };
    expect(issueTargets({ ...inputs, reference: slow })[5]!.status).toBe('heap and indexing peak met; growth **missed**');
  });

  it('names the --only measure of a target that was not run, and prints every row in the report', () => {
    const targets = issueTargets({ corpus: 'unique', verdicts: 100, checks: {} });
    expect(targets.map((t) => t.status)).toEqual([
      'not measured (--only site)',
      'not measured (--only build,site)',
      'not measured (--only site)',
      'not measured (--only check)',
      'not measured (--only watch)',
      'applies at 100000 verdicts',
    ]);
    const report = formatReport(header, [row('`check`, unique seeds', 900)], targets).split('\n');
    const table = report.slice(report.findIndex((line) => line.startsWith('| target (issue 13)')));
    expect(table).toHaveLength(2 + 6);
    // Every row has the header's six cells (no figure carries a pipe).
    for (const line of table) expect(line.split('|').slice(1, -1)).toHaveLength(6);
    expect(report.join('\n')).toContain('Corpus: shared-text, 10 seeds');
    expect(report.join('\n')).toContain('Hugo 110 HTML files');
  });

  it('reports a failed measure as failed, with its reason', () => {
    const site: Row = { name: 'site', runs: 0, failure: 'exit 134 after 418 s: heap out of memory' };
    const [eleventy] = issueTargets({ corpus: 'unique', verdicts: 100, site, baseline: row('bare', 8000), checks: {} });
    expect(eleventy!.measured).toBe('failed: exit 134 after 418 s: heap out of memory');
    expect(eleventy!.status).toBe('**failed**');
    const skipped: Row = { name: 'whole', runs: 0, failure: 'skipped: the site build failed (exit 134 after 418 s)' };
    expect(issueTargets({ corpus: 'unique', verdicts: 100, whole: skipped, baseline: row('bare', 8000), checks: {} })[1]!.status).toBe(
      'skipped',
    );
  });
});
