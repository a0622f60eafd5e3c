// `npm run bench [-- --seeds N --verdicts M --runs K --keep --random S --node-options=...]`
// Generates a synthetic project, then measures side by side: `check`, the site's Eleventy build,
// a bare-Eleventy baseline of the same pages, Pagefind indexing, the watch-mode rebuild after one
// verdict is saved (and bare Eleventy's own), one quote against a 10 MB seed, and the provenance step in process. Prints a Markdown
// table. A measure that fails (e.g. out of memory at the scale size) is reported, not fatal.

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBaseline } from './baseline.ts';
import { generateCorpus } from './corpus.ts';
import { machine } from './machine.ts';
import { median, rssMethod, runMeasured, type RunResult } from './measure.ts';
import { measureNeedle } from './needle.ts';
import { measureProvenance, plainSeeds, wireSeeds } from './provenance.ts';
import { writeProject } from './project.ts';
import { formatReport, type Row } from './report.ts';
import { measureWatch, type WatchOptions, type WatchResult } from './watch.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const ELEVENTY = join(REPO, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const PAGEFIND = join(REPO, 'node_modules', '.bin', 'pagefind');
const CHECK = join(REPO, 'src', 'cli', 'check.ts');
const BUILD = join(REPO, 'src', 'cli', 'build.ts');
// As `npm start` runs in a clone (the project is a clone of this repository with synthetic content).
const SITE_CONFIG = '--config=eleventy.config.ts';
const BASELINE_CONFIG = '--config=eleventy.config.mjs';

const MEASURES = ['check', 'site', 'pagefind', 'build', 'watch', 'needle', 'provenance'] as const;
type Measure = (typeof MEASURES)[number];

const USAGE = `Usage: npm run bench -- [--seeds N] [--verdicts M] [--runs K] [--only LIST] [--keep] [--random S] [--node-options=...]
  --seeds N      seeds to generate (default 1000; the reference size is 1000 seeds, 10000 verdicts)
  --verdicts M   verdicts to generate (default 10 per seed)
  --runs K       runs per measure, the median is reported (default 3; 1 from 50000 verdicts up)
  --only LIST    comma-separated measures to run (default all): ${MEASURES.join(', ')}
                 (site is the site build and its bare-Eleventy baseline; pagefind needs site;
                 provenance is the shared-text step in process, on the plain and a wire corpus)
  --keep         keep the generated projects and print where they are
  --random S     PRNG seed of the corpus (default 20240923)
  --node-options=...  NODE_OPTIONS for every measured process, site and baseline alike
                 (e.g. --node-options=--max-old-space-size=8192 when the scale size runs out of heap)`;

interface Options {
  measures: Set<Measure>;
  seeds: number;
  verdicts: number;
  runs: number;
  keep: boolean;
  random: number;
  nodeOptions?: string;
}

const FLAGS = {
  seeds: { type: 'string' },
  verdicts: { type: 'string' },
  runs: { type: 'string' },
  random: { type: 'string' },
  only: { type: 'string' },
  'node-options': { type: 'string' },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

class UsageError extends Error {}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${raw}".`);
    return n;
  };
  const only = values.only?.split(',').map((name) => name.trim()) ?? [...MEASURES];
  const unknown = only.find((name) => !(MEASURES as readonly string[]).includes(name));
  if (unknown !== undefined) throw new UsageError(`--only: unknown measure "${unknown}" (measures: ${MEASURES.join(', ')}).`);
  if (only.includes('pagefind') && !only.includes('site')) throw new UsageError('--only: pagefind indexes the site build\'s output; add site.');
  const seeds = count('seeds', values.seeds, 1000, 1);
  const verdicts = count('verdicts', values.verdicts, seeds * 10, 1);
  return {
    measures: new Set(only as Measure[]),
    seeds,
    verdicts,
    runs: count('runs', values.runs, verdicts >= 50_000 ? 1 : 3, 1),
    keep: values.keep ?? false,
    random: count('random', values.random, 20240923, 0),
    nodeOptions: values['node-options'],
  };
}

function countFiles(dir: string, suffix: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  }
  return n;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs of one measure; stops at the first failed run and says why. */
interface Series {
  results: RunResult[];
  failure?: string;
}

async function series(what: string, runs: number, once: () => Promise<RunResult>, into: Series = { results: [] }): Promise<Series> {
  for (let run = 1; run <= runs && !into.failure; run++) {
    log(runs === 1 ? what : `${what}, run ${run}/${runs}`);
    const result = await once();
    if (result.code === 0) {
      into.results.push(result);
      continue;
    }
    log(`${what} exited with status ${result.code}.\n--- stdout (end) ---\n${result.stdout.slice(-3000)}\n--- stderr (end) ---\n${result.stderr.slice(-3000)}`);
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((line) => line.trim());
    const reason = lines.find((line) => /heap out of memory|ENOMEM|Killed|error/i.test(line)) ?? lines.filter(Boolean).pop() ?? '';
    into.failure = `exit ${result.code} after ${(result.ms / 1000).toFixed(0)} s: ${reason.slice(0, 160)}`;
  }
  return into;
}

function summarise(name: string, measured: Series, extra: Partial<Row> = {}): Row {
  const { results, failure } = measured;
  const rss = results.map((r) => r.rss).filter((v): v is number => v !== undefined);
  const cpu = results.map((r) => r.cpuMs).filter((v): v is number => v !== undefined);
  return {
    name,
    ms: failure || results.length === 0 ? undefined : median(results.map((r) => r.ms)),
    failure,
    cpuMs: cpu.length ? median(cpu) : undefined,
    rss: rss.length ? median(rss) : undefined,
    runs: results.length,
    ...extra,
  };
}

async function watched(name: string, options: WatchOptions): Promise<WatchResult | Row> {
  try {
    return await measureWatch(options);
  } catch (error) {
    log(`${name}: ${message(error)}`);
    return { name, runs: 0, failure: message(error).split('\n')[0] };
  }
}

async function needleRows(dir: string, runs: number): Promise<Row[]> {
  log('one quote against a 10 MB seed');
  try {
    const needle = await measureNeedle(dir, runs);
    const size = `${(needle.seedBytes / 1024 ** 2).toFixed(0)} MB`;
    return needle.cases.flatMap((c): Row[] => [
      { name: `one quote vs ${size} seed: ${c.name}, first quote`, ms: c.cold, runs, note: c.anchored ? `anchored, ${c.method}` : 'not anchored', target: { text: '< 100 ms', met: c.cold < 100 } },
      { name: `one quote vs ${size} seed: ${c.name}, next quote`, ms: c.warm, runs, target: { text: '< 100 ms', met: c.warm < 100 } },
    ]);
  } catch (error) {
    return [{ name: 'one quote vs 10 MB seed', runs: 0, failure: message(error) }];
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const facts = await machine();
  const loadBefore = loadavg()[0] ?? 0;
  const scratch = mkdtempSync(join(tmpdir(), 'factcheck-bench-'));
  const project = join(scratch, 'project');
  const base = join(scratch, 'baseline');
  const env = options.nodeOptions ? { ...process.env, NODE_OPTIONS: options.nodeOptions } : process.env;
  try {
    const { loadScale } = await import('../ratings.ts');
    const ratings = loadScale(REPO).scale.levels.map((level) => level.key);

    log(`generating ${options.seeds} seeds and ${options.verdicts} verdicts in ${scratch}`);
    const started = performance.now();
    const corpus = generateCorpus({ seeds: options.seeds, verdicts: options.verdicts, ratings, random: options.random });
    mkdirSync(project);
    writeProject(project, corpus, REPO);
    mkdirSync(base);
    const baselinePages = writeBaseline(base, corpus).pages;
    const generateMs = performance.now() - started;
    const seedBytes = corpus.seeds.reduce((sum, seed) => sum + Buffer.byteLength(seed.file), 0);
    const editable = corpus.verdicts.find((v, i) => !v.draft && i >= corpus.verdicts.length / 2) ?? corpus.verdicts.find((v) => !v.draft);
    corpus.seeds.length = 0; // the corpus is on disk now; free it before the measured runs
    corpus.verdicts.length = 0;
    const rows: Row[] = [];

    const measured = (measure: Measure) => options.measures.has(measure);

    if (measured('check')) {
      const check = summarise('`check`', await series('check', options.runs, () => runMeasured(TSX, [CHECK, '--root', project], { cwd: project, env })));
      check.target = { text: '< 2 s', met: check.ms !== undefined && check.ms < 2000 };
      rows.push(check);
    }

    const siteOut = join(project, '_site');
    const baseOut = join(base, '_site');
    const builds: Series = { results: [] };
    const baselines: Series = { results: [] };
    // Interleaved, so drift in the machine's speed hits both sides alike.
    for (let run = 1; measured('site') && run <= options.runs; run++) {
      const build = () => {
        rmSync(siteOut, { recursive: true, force: true });
        return runMeasured(TSX, [ELEVENTY, SITE_CONFIG, '--quiet', `--output=${siteOut}`], { cwd: project, env });
      };
      const bare = () => {
        rmSync(baseOut, { recursive: true, force: true });
        return runMeasured(TSX, [ELEVENTY, BASELINE_CONFIG, '--quiet'], { cwd: base, env });
      };
      await series(`site build (Eleventy), run ${run}/${options.runs}`, 1, build, builds);
      await series(`baseline build (bare Eleventy), run ${run}/${options.runs}`, 1, bare, baselines);
    }
    const baseline = summarise('bare Eleventy baseline, same pages', baselines);
    const site = summarise('site build, Eleventy part', builds, { baseline });
    site.target = {
      text: '≤ 1.25× time, ≤ 1.5× RSS',
      met: site.ms !== undefined && baseline.ms !== undefined && site.ms <= 1.25 * baseline.ms && (site.rss ?? Infinity) <= 1.5 * (baseline.rss ?? 0),
    };
    if (measured('site')) rows.push(site, { ...baseline, baseline });
    const sitePages = measured('site') && !builds.failure ? countFiles(siteOut, '.html') : 0;

    if (measured('pagefind') && !builds.failure) {
      const index = () => {
        rmSync(join(siteOut, 'pagefind'), { recursive: true, force: true });
        return runMeasured(PAGEFIND, ['--site', siteOut], { cwd: project, env });
      };
      const pagefind = summarise('Pagefind indexing', await series('Pagefind', options.runs, index));
      pagefind.target = { text: '< 30 s', met: pagefind.ms !== undefined && pagefind.ms < 30_000 };
      rows.push(pagefind);
    }

    // The whole build and the watch server run the same Eleventy build again: when it failed (e.g. out
    // of heap at the scale size), they would only fail the same way, after as long.
    const skipped = builds.failure ? `skipped: the site build failed (${builds.failure.split(':')[0]})` : undefined;
    const wholeName = '`npm run build`, whole (check, Eleventy, Pagefind, swap)';
    if (!measured('build')) {
      // not asked for
    } else if (skipped) rows.push({ name: wholeName, runs: 0, failure: skipped });
    else {
      const built = join(scratch, 'built');
      const whole = () => runMeasured(TSX, [BUILD, '--root', project, '--output', built], { cwd: project, env });
      rows.push(summarise(wholeName, await series('npm run build', 1, whole), { baseline }));
      rmSync(built, { recursive: true, force: true });
    }

    if (measured('watch') && editable) {
      const edits = options.runs;
      log(`watch mode, bare Eleventy --serve: ${edits} edits of verdicts/${editable.slug}.md`);
      const floor = await watched('bare Eleventy --serve', {
        root: base,
        command: TSX,
        args: [ELEVENTY, BASELINE_CONFIG, '--serve', '--quiet'],
        verdictFile: `verdicts/${editable.slug}.md`,
        pageFile: join(baseOut, 'verdicts', editable.slug, 'index.html'),
        edits,
        startTimeoutMs: 30 * 60_000,
        env,
      });
      if (!skipped) log(`watch mode, the site as npm start runs it: ${edits} edits of ${editable.file}`);
      const watch: WatchResult | Row = skipped ? { name: 'one-verdict rebuild (npm start)', runs: 0, failure: skipped } : await watched('one-verdict rebuild (npm start)', {
        root: project,
        command: TSX,
        args: [ELEVENTY, SITE_CONFIG, '--serve', '--quiet'],
        verdictFile: editable.file,
        pageFile: join(siteOut, 'verdicts', editable.slug, 'index.html'),
        edits,
        startTimeoutMs: 30 * 60_000,
        env,
      });
      const floorPage: Row | undefined = 'pageMs' in floor ? { name: 'bare Eleventy --serve: save → page written', ms: median(floor.pageMs), runs: edits } : undefined;
      const floorDone: Row | undefined = 'rebuildMs' in floor ? { name: 'bare Eleventy --serve: save → rebuild done', ms: median(floor.rebuildMs), runs: edits } : undefined;
      if ('pageMs' in watch) {
        const page = median(watch.pageMs);
        rows.push({ name: 'one-verdict rebuild (npm start): save → page written', ms: page, runs: edits, baseline: floorPage, target: { text: '< 2 s', met: page < 2000 } });
      } else {
        rows.push(watch);
      }
      if (floorPage) rows.push({ ...floorPage, baseline: floorPage });
      if ('rebuildMs' in watch) rows.push({ name: 'one-verdict rebuild (npm start): save → rebuild done', ms: median(watch.rebuildMs), runs: edits, baseline: floorDone });
      if (floorDone) rows.push({ ...floorDone, baseline: floorDone });
      if (!('pageMs' in floor)) rows.push(floor);
      if ('startMs' in watch) rows.push({ name: 'npm start: first build while serving', ms: watch.startMs, runs: 1 });
    }

    if (measured('needle')) rows.push(...(await needleRows(join(scratch, 'needle'), options.runs)));
    if (measured('provenance')) {
      for (const [name, make] of [
        ['plain', () => plainSeeds(options.seeds, options.random)],
        ['wire', () => wireSeeds(options.seeds, options.random).seeds],
      ] as const) {
        log(`provenance, ${name} corpus`);
        const m = measureProvenance(name, make, options.runs);
        rows.push({ name: `provenance (in process), ${name} corpus`, ms: m.ms, cpuMs: m.cpuMs, runs: options.runs, note: `${m.comparisons} pairs aligned of ${m.allPairs}; ${m.relations} related; ${m.pairUpdates} pair counts` });
      }
    }

    console.log(
      formatReport(
        {
          machine: facts,
          seeds: options.seeds,
          verdicts: options.verdicts,
          seedMegabytes: seedBytes / 1024 ** 2,
          sitePages,
          baselinePages,
          rssMethod: rssMethod(),
          generateMs,
          loadBefore,
          loadAfter: loadavg()[0] ?? 0,
          nodeOptions: options.nodeOptions,
        },
        rows,
      ),
    );
  } finally {
    if (options.keep) log(`kept: ${project} (site), ${base} (baseline)`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`bench: ${message(error)}`);
  process.exit(1);
});
