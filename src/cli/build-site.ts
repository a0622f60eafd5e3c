// The build itself, for `npm run build`: Eleventy into `<output>.partial-<pid>`, the search index of the
// same build's model (Pagefind, from records: src/eleventy/search-records.ts), then
// a swap into `<output>`. Nothing is written to the output folder until everything has succeeded, and a
// build killed in the middle of the swap is undone by the next build (see recoverKilledBuilds).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { joinBuild, PAGES_PER_RUN, runsFor, ShardedBuild } from '../eleventy/shards.ts';
import { siteDataOf } from '../eleventy/plugin.ts';
import { BuildFailure, SearchIndexError } from '../model/errors.ts';
import type { SiteData } from '../eleventy/site-data.ts';
import { writeSearchIndexes } from './search-index.ts';

export interface BuildOptions {
  /** This tool's folder (eleventy.config.ts, _includes/). */
  toolRoot: string;
  /** The project: seeds/ and content/. */
  root: string;
  /** The finished site's folder, replaced as a whole. */
  output: string;
  pathPrefix: string;
}

export interface BuildResult {
  /** HTML pages written. */
  pages: number;
  /** Pages in the search index. */
  indexed: number;
}

interface ErrorLike {
  name?: string;
  message?: string;
  report?: string;
  summary?: string;
  originalError?: unknown;
  cause?: unknown;
}

/** The error and every error it wraps (Eleventy nests the original as `originalError`). */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 20 && !chain.includes(current)) {
    chain.push(current);
    current = (current as ErrorLike).originalError ?? (current as ErrorLike).cause;
  }
  return chain;
}

/** Eleventy's error, reduced to what an editor needs: check's report for content errors, else the messages, without stack traces. */
function explain(error: unknown): Error {
  const chain = errorChain(error);
  const content = chain.find((e) => e.name === 'ContentErrors' && typeof e.report === 'string');
  if (content) return new BuildFailure(content.summary ?? 'The content has errors.', { report: content.report });
  const setup = chain.find((e) => e.name === 'ModelSetupError');
  if (setup) return setup as Error;
  // Eleventy wraps the cause in errors that say where ("Having trouble rendering njk template ./x"): the
  // outermost says where, the innermost what. One line of both, with nothing that could forge another line.
  const messages: string[] = [];
  for (const e of chain) {
    const message = String(e.message ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (message && !messages.some((m) => m.includes(message))) messages.push(message);
  }
  const [outer, inner] = [messages[0], messages.at(-1)];
  return new BuildFailure(outer === undefined ? String(error).replace(/\s+/g, ' ') : outer === inner ? outer : `${outer}: ${inner}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `<base>.partial-<pid>` and `<base>.previous-<pid>` folders of builds that were killed (their process is gone). */
function leftByKilledBuilds(parent: string, base: string): { partial: string[]; previous: string[] } {
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(partial|previous)-(\\d+)$`);
  const left = { partial: [] as string[], previous: [] as string[] };
  for (const name of fs.readdirSync(parent)) {
    const match = pattern.exec(name);
    const pid = Number(match?.[2]);
    if (match && pid && pid !== process.pid && !isAlive(pid)) left[match[1] as 'partial' | 'previous'].push(path.join(parent, name));
  }
  return left;
}

/**
 * Cleans up after killed builds. One killed between the two renames of `swapIn` left no `output`, only its
 * `.previous-<pid>` copy: that copy is the site readers had, so it is moved back (the last one moved aside,
 * should there be several) before anything else happens. Returns the folder it restored from, if any.
 */
function recoverKilledBuilds(output: string): string | undefined {
  const { partial, previous } = leftByKilledBuilds(path.dirname(output), path.basename(output));
  let restored: string | undefined;
  if (!fs.existsSync(output) && previous.length > 0) {
    // rename() updates a folder's ctime: the newest ctime is the site most recently moved aside.
    restored = previous.reduce((a, b) => (fs.statSync(b).ctimeMs > fs.statSync(a).ctimeMs ? b : a));
    fs.renameSync(restored, output);
  }
  for (const folder of [...partial, ...previous]) {
    if (folder !== restored) fs.rmSync(folder, { recursive: true, force: true });
  }
  return restored;
}

function countHtml(dir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count++;
  }
  return count;
}

function guardOutput(root: string, output: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(root, output)) throw new BuildFailure(`The output folder ${output} contains the project itself; choose another --output.`);
  for (const kept of ['seeds', 'content']) {
    if (inside(output, path.join(root, kept)))
      throw new BuildFailure(`The output folder may not be inside ${kept}/; choose another --output.`);
  }
}

/** Files in `dir` and its subfolders whose name ends in `suffix` (none when it does not exist). */
function countFiles(dir: string, suffix: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(suffix)).length;
}

/** PAGES_PER_RUN from the environment (a smaller CI runner may want fewer pages in memory at once), else the default. */
function pagesPerRun(env: NodeJS.ProcessEnv): number {
  const value = env['PAGES_PER_RUN'];
  if (value === undefined || value === '') return PAGES_PER_RUN;
  if (!/^[1-9]\d*$/.test(value))
    throw new BuildFailure(`PAGES_PER_RUN must be a whole number of pages such as ${PAGES_PER_RUN}, got ${JSON.stringify(value)}.`);
  return Number(value);
}

/**
 * Eleventy writes the site into `outputDir`, in as many runs as its largest page list needs (shards.ts);
 * returns the site data (model and pages) it built the site from, which every run shared.
 */
export async function renderSite(options: BuildOptions, outputDir: string): Promise<SiteData> {
  const { Eleventy } = await import('@11ty/eleventy');
  // Verdict and seed pages are the long lists; a seed's captures and compare pages are fewer than its verdicts.
  const items = Math.max(
    countFiles(path.join(options.root, 'content', 'verdicts'), '.md'),
    countFiles(path.join(options.root, 'seeds'), '.txt'),
  );
  const build = new ShardedBuild(runsFor(items, pagesPerRun(process.env)));
  let config: UserConfig | undefined;
  const previous = process.cwd();
  // Eleventy reads the project relative to the current folder (eleventy.config.ts: input `content`).
  process.chdir(options.root);
  try {
    for (let index = 0; index < build.count; index++) {
      const eleventy = new Eleventy(undefined, outputDir, {
        configPath: path.join(options.toolRoot, 'eleventy.config.ts'),
        pathPrefix: options.pathPrefix,
        quietMode: true,
        config: (userConfig: UserConfig) => {
          config = userConfig;
          if (build.count > 1) joinBuild(userConfig, build, index);
        },
      });
      eleventy.disableLogger();
      await eleventy.write();
    }
    const site = config && siteDataOf(config);
    if (!site)
      throw new BuildFailure('Eleventy ran without the factcheck plugin (eleventy.config.ts), so there is nothing to index for search.');
    return site;
  } catch (error) {
    throw explain(error);
  } finally {
    process.chdir(previous);
  }
}

/** The binary in Pagefind's platform package (`@pagefind/linux-x64`, ...), found as Pagefind's own npm wrapper finds it. */
export function pagefindBinary(): string {
  const override = process.env['PAGEFIND_BINARY_PATH'];
  if (override) return override;
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const suffix = platform === 'windows' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${suffix}`);
    } catch {
      // try the next name
    }
  }
  throw new BuildFailure(`Pagefind has no binary for ${platform}-${process.arch} here: run npm ci again, or set PAGEFIND_BINARY_PATH.`);
}

/** Writes the search indexes of `site` into `<folder>/pagefind/`; returns the number of pages in them. */
async function indexForSearch(site: SiteData, folder: string): Promise<number> {
  try {
    return await writeSearchIndexes(pagefindBinary(), site, folder);
  } catch (error) {
    if (error instanceof SearchIndexError) throw new BuildFailure(error.message);
    throw error;
  }
}

/**
 * Replaces `output` by `built` with two renames; the old site is removed only after the new one is in place.
 * Killed between the renames, it leaves the old site as `<output>.previous-<pid>`, for the next build to restore.
 */
function swapIn(built: string, output: string): void {
  const previous = `${output}.previous-${process.pid}`;
  const hadOutput = fs.existsSync(output);
  if (hadOutput) fs.renameSync(output, previous);
  try {
    fs.renameSync(built, output);
  } catch (error) {
    if (hadOutput) fs.renameSync(previous, output);
    throw error;
  }
  if (hadOutput) fs.rmSync(previous, { recursive: true, force: true });
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  guardOutput(options.root, options.output);
  const parent = path.dirname(options.output);
  fs.mkdirSync(parent, { recursive: true });
  const restored = recoverKilledBuilds(options.output);
  if (restored) {
    process.stderr.write(
      `build: restored the previous site from ${path.basename(restored)}, left by a build killed while swapping in its own.\n`,
    );
  }
  const partial = `${options.output}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });

  // An interrupted build removes its partial folder; the previous site was never touched.
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const onSignal = (signal: NodeJS.Signals) => {
    fs.rmSync(partial, { recursive: true, force: true });
    process.stderr.write(`build: interrupted (${signal}); the previous site was left as it was.\n`);
    process.exit(signals[signal as keyof typeof signals]);
  };
  for (const signal of Object.keys(signals)) process.on(signal, onSignal);
  try {
    const site = await renderSite(options, partial);
    const indexed = await indexForSearch(site, partial);
    const pages = countHtml(partial);
    swapIn(partial, options.output);
    return { pages, indexed };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
    for (const signal of Object.keys(signals)) process.off(signal, onSignal);
  }
}
