// A real build (`npm run build`, optionally with --pathprefix) of a project, served on a loopback port.
// Test files call buildAndServe once in beforeAll and close it in afterAll.
//
// The browser test files run in separate worker processes of one vitest run, and most of them need the
// same sample build: the first worker to ask builds it into a folder named after the run (vitest's
// process id: vitest.config.ts runs tests in forked workers, whose parent it is) and the others wait
// for it, so each build happens once per run.
// Folders of runs that have ended are removed by the next run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { listFiles, repoRoot } from '../site.ts';
import { serveSite, type ServedSite } from './static-server.ts';
import { runCli } from '../cli.ts';

export interface TestSite extends ServedSite {
  /** The built folder (shared with the run's other test files: read it, never change it). */
  dir: string;
  /** Every HTML page as a site path without the prefix (`/`, `/seeds/a/`, `/404.html`), sorted. */
  pages: string[];
}

const CACHE = path.join(os.tmpdir(), 'factcheck-browser-builds');
const run = process.ppid;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeFinishedRuns(): void {
  for (const name of fs.existsSync(CACHE) ? fs.readdirSync(CACHE) : []) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && !alive(pid)) fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  }
}

/** The built folder of `root` with `pathPrefix` (a preview, PREVIEW=1, when `preview`) for this run, building it if no other worker has. */
async function sharedBuild(root: string, pathPrefix: string, preview: boolean): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([path.resolve(root), pathPrefix, ...(preview ? ['preview'] : [])])).digest('hex').slice(0, 16);
  const entry = path.join(CACHE, `${run}-${key}`);
  const site = path.join(entry, '_site');
  const done = path.join(entry, 'done');
  const builder = path.join(entry, 'builder');
  fs.mkdirSync(CACHE, { recursive: true });
  removeFinishedRuns();
  for (;;) {
    if (fs.existsSync(done)) return site;
    try {
      fs.mkdirSync(entry);
    } catch {
      // another worker is building: wait, unless it died without finishing
      const pid = Number(fs.existsSync(builder) ? fs.readFileSync(builder, 'utf8') : NaN);
      if (Number.isInteger(pid) && !alive(pid) && !fs.existsSync(done)) fs.rmSync(entry, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    fs.writeFileSync(builder, String(process.pid));
    const args = ['--root', root, '--output', site];
    if (pathPrefix !== '/') args.push(`--pathprefix=${pathPrefix}`);
    const result = await runCli('build', args, { env: preview ? { PREVIEW: '1' } : {} });
    if (result.status !== 0) {
      fs.rmSync(entry, { recursive: true, force: true });
      throw new Error(`build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    fs.writeFileSync(done, '');
    return site;
  }
}

export async function buildAndServe(options: { root?: string; pathPrefix?: string; preview?: boolean } = {}): Promise<TestSite> {
  const prefix = options.pathPrefix ?? '/';
  const dir = await sharedBuild(options.root ?? repoRoot, prefix, options.preview ?? false);
  const served = await serveSite(dir, prefix);
  const pages = listFiles(dir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  return { ...served, dir, pages };
}

/** Whether a site path is one seed's page, not the index of all seeds (`/seeds/`, `/seeds/page/<n>/`). */
export function isSeedPage(sitePath: string): boolean {
  // `/seeds/<id>/`: not the index's pages (`/seeds/page/<n>/`) nor a comparison (`/seeds/<id>/compare/<other>/`)
  return /^\/seeds\/[^/]+\/$/.test(sitePath) && sitePath !== '/seeds/page/';
}

/** The archive page types (src/eleventy/archive-data.ts): a claimant's, a topic's and an outlet's page, and the index of each. */
export const ARCHIVE_TYPES = ['claimant', 'topic', 'outlet', 'claimants', 'topics', 'outlets'] as const;

type PageType = 'home' | 'verdict' | 'seed' | 'seeds' | 'rating' | 'about' | 'search' | 'notFound' | (typeof ARCHIVE_TYPES)[number];

/** One page of each kind the site publishes (site paths without the prefix); the 404 page as a reader meets it. */
export function pageOfEachType(site: TestSite): Record<PageType, string> {
  const first = (prefix: string) => {
    const page = site.pages.find((p) => p.startsWith(prefix) && p !== prefix);
    if (!page) throw new Error(`the build has no ${prefix}… page`);
    return page;
  };
  /** `/<folder>/<slug>/`, not a page of the folder's index (`/<folder>/page/<n>/`). */
  const one = (folder: string) => {
    const page = site.pages.find((p) => new RegExp(`^/${folder}/[^/]+/$`).test(p) && p !== `/${folder}/page/`);
    if (!page) throw new Error(`the build has no /${folder}/<slug>/ page`);
    return page;
  };
  return {
    home: '/',
    verdict: first('/verdicts/'),
    seed: site.pages.find(isSeedPage) ?? first('/seeds/'),
    seeds: '/seeds/',
    rating: first('/ratings/'),
    about: '/about/',
    search: '/search/',
    notFound: '/no/such/page/',
    claimant: one('claimants'),
    topic: one('topics'),
    outlet: one('outlets'),
    claimants: '/claimants/',
    topics: '/topics/',
    outlets: '/outlets/',
  };
}
