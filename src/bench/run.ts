// `npm run bench [-- --seeds N --verdicts M --runs K --corpus unique|shared-text --only LIST --keep --random S
//   --node-options=... --save FILE --growth-from FILE]`
// Generates a synthetic project, then measures side by side: `check` (on the unique and the
// shared-text corpus), the site's Eleventy build, a bare-Eleventy baseline of the same pages, Hugo
// building the same pages (when installed), the search indexing (as the build does it: the model's
// records, src/bench/index-search.ts), the whole `npm run build`, the save of
// one verdict in watch mode (and bare Eleventy's own), one quote against a 10 MB seed, and the provenance step in process. Prints a
// Markdown table of the measures and one of issue 13's targets. A measure that fails (e.g. out of
// memory at the scale size) is reported, not fatal.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBaseline } from './baseline.ts';
import { CORPUS_KINDS, generateCorpus, type CorpusKind } from './corpus.ts';
import { machine } from './machine.ts';
import { median, rssMethod, runMeasured, type RunResult } from './measure.ts';
import { measureNeedle } from './needle.ts';
import { measureProvenance, plainSeeds, wireSeeds } from './provenance.ts';
import { writeProject } from './project.ts';
import { formatReport, type Row, type TargetRow } from './report.ts';
import { issueTargets, SITE_BUILD, type SavedRun } from './targets.ts';
import { measureWatch, type WatchOptions, type WatchResult } from './watch.ts';
import { SERVE_OUTPUT } from '../eleventy/dev-server.ts';
import { main, parseOptions, UsageError, type Command, type CommandIO } from '../cli/command.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const ELEVENTY = join(REPO, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const INDEX_SEARCH = join(REPO, 'src', 'bench', 'index-search.ts');
// `npm run check`: check.ts bundled once per state of its sources (src/cli/compiled.mjs).
const CHECK = join(REPO, 'src', 'cli', 'compiled.mjs');
const BUILD = join(REPO, 'src', 'cli', 'build.ts');
// The Eleventy part of the build, as `npm run build` runs it (in several runs for a large site).
const RENDER_SITE = join(REPO, 'src', 'bench', 'render-site.ts');
// As `npm start` runs in a clone (the project is a clone of this repository with synthetic content).
const SITE_CONFIG = '--config=eleventy.config.ts';
const BASELINE_CONFIG = '--config=eleventy.config.mjs';

const MEASURES = ['check', 'site', 'hugo', 'pagefind', 'build', 'watch', 'needle', 'provenance'] as const;
type Measure = (typeof MEASURES)[number];

const USAGE = `Usage: npm run bench -- [--seeds N] [--verdicts M] [--runs K] [--corpus KIND] [--only LIST] [--keep] [--random S] [--node-options=...] [--save FILE] [--growth-from FILE]
  --seeds N      seeds to generate (default 1000; the reference size is 1000 seeds, 10000 verdicts)
  --verdicts M   verdicts to generate (default 10 per seed)
  --runs K       runs per measure, the median is reported (default 3; 1 from 50000 verdicts up)
  --corpus KIND  the corpus every measure but check runs on: ${CORPUS_KINDS.join(' or ')} (default unique;
                 shared-text: most seeds repost one of a few wire stories, ~250 outlets each);
                 check runs on both corpora, generated at the same size
  --only LIST    comma-separated measures to run (default all): ${MEASURES.join(', ')}
                 (site is the site build and its bare-Eleventy baseline; hugo builds the same pages as
                 the baseline with the hugo on the PATH, skipped when there is none; pagefind is the
                 search indexing of npm run build, from the model (peak RSS: Node and Pagefind together);
                 provenance is the shared-text step in process, on the plain and a wire corpus)
  --keep         keep the generated projects and print where they are
  --random S     PRNG seed of the corpus (default 20240923)
  --node-options=...  NODE_OPTIONS for every measured process, site and baseline alike
                 (e.g. --node-options=--max-old-space-size=8192 when the scale size runs out of heap)
  --save FILE    also write this run's figures to FILE (JSON)
  --growth-from FILE  a run saved with --save (the reference size): the targets table divides this
                 run's site build time by it (issue 13's scale target: ≤ 11× for 10× the verdicts)`;

interface Options {
  measures: Set<Measure>;
  corpus: CorpusKind;
  seeds: number;
  verdicts: number;
  runs: number;
  keep: boolean;
  random: number;
  nodeOptions?: string;
  save?: string;
  reference?: SavedRun;
}

const FLAGS = {
  seeds: { type: 'string' },
  verdicts: { type: 'string' },
  runs: { type: 'string' },
  random: { type: 'string' },
  only: { type: 'string' },
  corpus: { type: 'string' },
  'node-options': { type: 'string' },
  save: { type: 'string' },
  'growth-from': { type: 'string' },
  keep: { type: 'boolean', default: false },
} as const;

function optionsOf(argv: string[]): Options {
  const values = parseOptions(argv, FLAGS);
  const count = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${raw}".`);
    return n;
  };
  const only = values.only?.split(',').map((name) => name.trim()) ?? [...MEASURES];
  const unknown = only.find((name) => !(MEASURES as readonly string[]).includes(name));
  if (unknown !== undefined) throw new UsageError(`--only: unknown measure "${unknown}" (measures: ${MEASURES.join(', ')}).`);
  const corpus = values.corpus ?? 'unique';
  if (!(CORPUS_KINDS as readonly string[]).includes(corpus))
    throw new UsageError(`--corpus: unknown corpus "${corpus}" (corpora: ${CORPUS_KINDS.join(', ')}).`);
  const seeds = count('seeds', values.seeds, 1000, 1);
  const verdicts = count('verdicts', values.verdicts, seeds * 10, 1);
  return {
    measures: new Set(only as Measure[]),
    corpus: corpus as CorpusKind,
    seeds,
    verdicts,
    runs: count('runs', values.runs, verdicts >= 50_000 ? 1 : 3, 1),
    keep: values.keep ?? false,
    random: count('random', values.random, 20240923, 0),
    nodeOptions: values['node-options'],
    save: values.save,
    reference: values['growth-from'] === undefined ? undefined : readSaved(values['growth-from']),
  };
}

function readSaved(file: string): SavedRun {
  let saved: Partial<SavedRun>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedRun>;
  } catch (error) {
    throw new UsageError(`--growth-from: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(saved.rows) || typeof saved.verdicts !== 'number' || typeof saved.seeds !== 'number') {
    throw new UsageError(`--growth-from: ${file} is not a run saved with --save.`);
  }
  return saved as SavedRun;
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
    log(
      `${what} exited with status ${result.code}.\n--- stdout (end) ---\n${result.stdout.slice(-3000)}\n--- stderr (end) ---\n${result.stderr.slice(-3000)}`,
    );
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
      {
        name: `one quote vs ${size} seed: ${c.name}, first quote`,
        ms: c.cold,
        runs,
        note: c.anchored ? `anchored, ${c.method}` : 'not anchored',
        target: { text: '< 100 ms', met: c.cold < 100 },
      },
      { name: `one quote vs ${size} seed: ${c.name}, next quote`, ms: c.warm, runs, target: { text: '< 100 ms', met: c.warm < 100 } },
    ]);
  } catch (error) {
    return [{ name: 'one quote vs 10 MB seed', runs: 0, failure: message(error) }];
  }
}

/** The Hugo on the PATH and its version, or undefined when there is none. */
function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return /v(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1] ?? 'unknown version';
}

async function bench(argv: string[], io: CommandIO): Promise<number> {
  const options = optionsOf(argv);
  const facts = await machine();
  const loadBefore = loadavg()[0] ?? 0;
  const scratch = mkdtempSync(join(tmpdir(), 'factcheck-bench-'));
  const project = join(scratch, 'project');
  const base = join(scratch, 'baseline');
  const hugoSite = join(scratch, 'hugo');
  // Share images are measured on their own (docs/benchmarks.md): at reference size they would swamp the build figures.
  const env = { ...io.env, SHARE_IMAGES: 'off', ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}) };
  const measured = (measure: Measure) => options.measures.has(measure);
  const hugo = measured('hugo') ? hugoVersion() : undefined;
  // `check` is measured on both corpora, whichever one the other measures use: the target is on both.
  const otherCorpus: CorpusKind = options.corpus === 'unique' ? 'shared-text' : 'unique';
  const otherProject = join(scratch, `project-${otherCorpus}`);
  try {
    const { loadScale } = await import('../content/ratings.ts');
    const ratings = loadScale(REPO).scale.levels.map((level) => level.key);
    const generate = (kind: CorpusKind) =>
      generateCorpus({ seeds: options.seeds, verdicts: options.verdicts, ratings, random: options.random, corpus: kind });

    log(`generating ${options.seeds} seeds and ${options.verdicts} verdicts (${options.corpus} corpus) in ${scratch}`);
    const started = performance.now();
    const corpus = generate(options.corpus);
    mkdirSync(project);
    writeProject(project, corpus, REPO);
    mkdirSync(base);
    const baselinePages = writeBaseline(base, corpus, hugo ? hugoSite : undefined).pages;
    const generateMs = performance.now() - started;
    const seedBytes = corpus.seeds.reduce((sum, seed) => sum + Buffer.byteLength(seed.file), 0);
    const editable = corpus.verdicts.find((v, i) => !v.draft && i >= corpus.verdicts.length / 2) ?? corpus.verdicts.find((v) => !v.draft);
    corpus.seeds.length = 0; // the corpus is on disk now; free it before the measured runs
    corpus.verdicts.length = 0;
    if (measured('check')) {
      log(`generating the ${otherCorpus} corpus of the same size for \`check\``);
      const other = generate(otherCorpus);
      mkdirSync(otherProject);
      writeProject(otherProject, other, REPO);
    }
    const rows: Row[] = [];
    const targets: TargetRow[] = [];

    const checks: Partial<Record<CorpusKind, Row>> = {};
    if (measured('check')) {
      // The bundle is compiled by the first start after a change to the sources, not by the runs measured.
      spawnSync(process.execPath, [CHECK, 'check', '--help'], { stdio: 'ignore' });
      for (const kind of CORPUS_KINDS) {
        const root = kind === options.corpus ? project : otherProject;
        const check = summarise(
          `\`check\`, ${kind} seeds`,
          await series(`check (${kind} corpus)`, options.runs, () =>
            runMeasured(process.execPath, [CHECK, 'check', '--root', root], { cwd: root, env }),
          ),
        );
        check.target = { text: '≤ 1 s', met: check.ms !== undefined && check.ms <= 1000 };
        checks[kind] = check;
        rows.push(check);
      }
    }

    const siteOut = join(project, '_site');
    const baseOut = join(base, '_site');
    const hugoOut = join(scratch, 'hugo-out');
    const builds: Series = { results: [] };
    const baselines: Series = { results: [] };
    const hugoBuilds: Series = { results: [] };
    // Interleaved, so drift in the machine's speed hits every side alike.
    for (let run = 1; (measured('site') || (measured('hugo') && hugo)) && run <= options.runs; run++) {
      const build = () => {
        rmSync(siteOut, { recursive: true, force: true });
        return runMeasured(TSX, [RENDER_SITE, project, siteOut], { cwd: project, env });
      };
      const bare = () => {
        rmSync(baseOut, { recursive: true, force: true });
        return runMeasured(TSX, [ELEVENTY, BASELINE_CONFIG, '--quiet'], { cwd: base, env });
      };
      const anchor = () => {
        rmSync(hugoOut, { recursive: true, force: true });
        return runMeasured('hugo', ['--quiet', '-s', hugoSite, '-d', hugoOut], { cwd: hugoSite, env });
      };
      if (measured('site')) {
        await series(`site build (Eleventy), run ${run}/${options.runs}`, 1, build, builds);
        await series(`baseline build (bare Eleventy), run ${run}/${options.runs}`, 1, bare, baselines);
      }
      if (measured('hugo') && hugo) await series(`Hugo ${hugo}, same pages, run ${run}/${options.runs}`, 1, anchor, hugoBuilds);
    }
    const baseline = summarise('bare Eleventy baseline, same pages', baselines);
    const site = summarise(SITE_BUILD, builds, { baseline });
    site.target = {
      text: '≤ 1.0× time, ≤ 1.25× RSS',
      met:
        site.ms !== undefined &&
        baseline.ms !== undefined &&
        site.ms <= baseline.ms &&
        (site.rss ?? Infinity) <= 1.25 * (baseline.rss ?? 0),
    };
    if (measured('site')) rows.push(site, { ...baseline, baseline });
    const sitePages = measured('site') && !builds.failure ? countFiles(siteOut, '.html') : 0;
    let hugoPages: number | undefined;
    if (measured('hugo')) {
      if (!hugo)
        rows.push({ name: 'Hugo, same pages', runs: 0, failure: 'skipped: hugo is not on the PATH (Debian: apt-get install hugo)' });
      else {
        rows.push(summarise(`Hugo ${hugo}, same pages`, hugoBuilds, { baseline: measured('site') ? baseline : undefined }));
        if (!hugoBuilds.failure) hugoPages = countFiles(hugoOut, '.html');
      }
    }

    let pagefind: Row | undefined;
    if (measured('pagefind')) {
      const indexed = join(scratch, 'search-index');
      const index = () => {
        rmSync(indexed, { recursive: true, force: true });
        return runMeasured(TSX, [INDEX_SEARCH, project, indexed], { cwd: project, env, sumTree: true });
      };
      pagefind = summarise('search indexing (model, records, Pagefind)', await series('search indexing', options.runs, index), {
        note: 'peak RSS: Node and Pagefind added up',
      });
      pagefind.target = { text: '< 4 GB peak RSS (scale size)', met: pagefind.rss !== undefined && pagefind.rss < 4 * 1024 ** 3 };
      rows.push(pagefind);
      rmSync(indexed, { recursive: true, force: true });
    }

    // The whole build and the watch server run the same Eleventy build again: when it failed (e.g. out
    // of heap at the scale size), they would only fail the same way, after as long.
    const skipped = builds.failure ? `skipped: the site build failed (${builds.failure.split(':')[0]})` : undefined;
    const wholeName = '`npm run build`, whole (check, Eleventy, Pagefind, swap)';
    let whole: Row | undefined;
    if (!measured('build')) {
      // not asked for
    } else if (skipped) rows.push({ name: wholeName, runs: 0, failure: skipped });
    else {
      const built = join(scratch, 'built');
      const once = () => runMeasured(TSX, [BUILD, '--root', project, '--output', built], { cwd: project, env });
      whole = summarise(wholeName, await series('npm run build', 1, once), { baseline: measured('site') ? baseline : undefined });
      whole.target = { text: '≤ 1.5× time', met: whole.ms !== undefined && baseline.ms !== undefined && whole.ms <= 1.5 * baseline.ms };
      rows.push(whole);
      rmSync(built, { recursive: true, force: true });
    }

    let served: Row | undefined;
    let written: Row | undefined;
    if (measured('watch') && editable) {
      const edits = options.runs;
      const pagePath = `/verdicts/${editable.slug}/`;
      log(`watch mode, bare Eleventy --serve: ${edits} edits of verdicts/${editable.slug}.md`);
      const floor = await watched('bare Eleventy --serve', {
        root: base,
        command: TSX,
        args: [ELEVENTY, BASELINE_CONFIG, '--serve', '--quiet'],
        verdictFile: `verdicts/${editable.slug}.md`,
        pageFile: join(baseOut, 'verdicts', editable.slug, 'index.html'),
        pagePath,
        edits,
        startTimeoutMs: 30 * 60_000,
        env,
      });
      if (!skipped) log(`watch mode, the site as npm start runs it: ${edits} edits of ${editable.file}`);
      const watch: WatchResult | Row = skipped
        ? { name: 'one-verdict save (npm start)', runs: 0, failure: skipped }
        : await watched('one-verdict save (npm start)', {
            root: project,
            command: TSX,
            args: [ELEVENTY, SITE_CONFIG, '--serve', '--quiet'],
            verdictFile: editable.file,
            // npm start serves from its own folder, never the build's _site/.
            pageFile: join(project, SERVE_OUTPUT, 'verdicts', editable.slug, 'index.html'),
            pagePath,
            edits,
            startTimeoutMs: 30 * 60_000,
            // npm start previews by default (drafts get pages, no ClaimReview): PREVIEW=0 renders the same pages as
            // the build measured above, so the two figures and earlier runs stay comparable.
            env: { ...env, PREVIEW: '0' },
          });
      const floorRow = (what: string, ms: number[]): Row => {
        const row: Row = { name: `bare Eleventy --serve: save → ${what}`, ms: median(ms), runs: edits };
        return { ...row, baseline: row };
      };
      const floorServed = 'servedMs' in floor ? floorRow('page served', floor.servedMs) : undefined;
      const floorPage =
        'pageMs' in floor && floor.pageMs.length > 0 ? floorRow('page written to the output folder', floor.pageMs) : undefined;
      const floorDone = 'rebuildMs' in floor ? floorRow('rebuild done', floor.rebuildMs) : undefined;
      if ('pageMs' in watch) {
        const ms = median(watch.servedMs);
        served = {
          name: 'one-verdict save (npm start): save → page served',
          ms,
          runs: edits,
          baseline: floorServed,
          target: { text: '< 1 s', met: ms < 1000 },
        };
        written =
          watch.pageMs.length > 0
            ? {
                name: 'one-verdict save (npm start): save → page written to the output folder',
                ms: median(watch.pageMs),
                runs: edits,
                baseline: floorPage,
              }
            : {
                name: 'one-verdict save (npm start): save → page written to the output folder',
                runs: 0,
                failure: 'skipped: the server does not write the page into the output folder',
              };
        rows.push(served, written, {
          name: 'one-verdict save (npm start): save → rebuild done',
          ms: median(watch.rebuildMs),
          runs: edits,
          baseline: floorDone,
        });
      } else {
        served = watch;
        rows.push(watch);
      }
      for (const row of [floorServed, floorPage, floorDone]) if (row) rows.push(row);
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
        rows.push({
          name: `provenance (in process), ${name} corpus`,
          ms: m.ms,
          cpuMs: m.cpuMs,
          runs: options.runs,
          note: `${m.comparisons} pairs aligned of ${m.allPairs}; ${m.relations} related; ${m.pairUpdates} pair counts`,
        });
      }
    }

    targets.push(
      ...issueTargets({
        corpus: options.corpus,
        verdicts: options.verdicts,
        nodeOptions: options.nodeOptions,
        site: measured('site') ? site : undefined,
        baseline: measured('site') ? baseline : undefined,
        whole,
        checks,
        served,
        written,
        pagefind,
        reference: options.reference,
      }),
    );
    if (options.save) {
      const saved: SavedRun = {
        corpus: options.corpus,
        seeds: options.seeds,
        verdicts: options.verdicts,
        rows: rows.map(({ baseline: _, ...row }) => row),
      };
      writeFileSync(options.save, `${JSON.stringify(saved, null, 2)}\n`);
      log(`figures saved to ${options.save}`);
    }

    io.stdout.write(
      `${formatReport(
        {
          machine: facts,
          corpus: options.corpus,
          seeds: options.seeds,
          verdicts: options.verdicts,
          seedMegabytes: seedBytes / 1024 ** 2,
          sitePages,
          baselinePages,
          hugoPages,
          rssMethod: rssMethod(),
          generateMs,
          loadBefore,
          loadAfter: loadavg()[0] ?? 0,
          nodeOptions: options.nodeOptions,
        },
        rows,
        targets,
      )}\n`,
    );
    return 0;
  } finally {
    if (options.keep)
      log(
        `kept: ${project} (site), ${base} (baseline)${hugo ? `, ${hugoSite} (Hugo)` : ''}${measured('check') ? `, ${otherProject} (${otherCorpus} corpus, for check)` : ''}`,
      );
    else rmSync(scratch, { recursive: true, force: true });
  }
}

export const benchCommand: Command = { name: 'bench', usage: USAGE, run: bench };

main(benchCommand, 'src/bench/run.ts');
