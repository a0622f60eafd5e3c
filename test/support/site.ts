// Shared helpers for the site tests: run the real `npm run build` command into a temporary folder and
// read the built pages with a real HTML parser.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The variables by which a build knows it runs on CI or a host (src/site/site-origin.ts). A test build is a local
 * build, wherever the test runs (CI sets CI=true), unless the test passes them itself.
 */
const HOST_VARIABLES = ['CI', 'NETLIFY', 'CONTEXT', 'URL', 'DEPLOY_PRIME_URL', 'CF_PAGES', 'CF_PAGES_URL', 'PREVIEW'];

/**
 * The environment of a test build: this process's, without HOST_VARIABLES, plus `env`. Share images are left
 * out (SHARE_IMAGES=off: a cold build draws one per verdict, seconds for the larger fixtures) unless `env`
 * asks for them; test/share-images.test.ts does.
 */
export function buildEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, SHARE_IMAGES: 'off' };
  for (const name of HOST_VARIABLES) delete base[name];
  return { ...base, ...env };
}

/** Runs `tsx src/cli/build.ts <args>` (what `npm run build` runs) and collects its output. */
export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}, onStart?: (kill: (signal: NodeJS.Signals) => void) => void): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/build.ts'), ...args], {
      cwd: repoRoot,
      env: buildEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    onStart?.((signal) => child.kill(signal));
  });
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `factcheck-${name}-`));
}

/** Builds project `root` into a new temporary folder; fails the test with the build's output when it fails. */
export async function buildSite(root: string, options: { pathPrefix?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const output = path.join(tempDir('site'), '_site');
  const args = ['--root', root, '--output', output];
  if (options.pathPrefix) args.push(`--pathprefix=${options.pathPrefix}`);
  const run = await runBuild(args, options.env);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return output;
}

// Builds that many test files need (the sample at the root, under a prefix, as a preview) are shared by the
// run: test files run in separate worker processes of one vitest run, and the first worker to ask for a build
// makes it in a folder named after the run (vitest's process id: vitest.config.ts runs tests in forked
// workers, whose parent it is) while the others wait for it, so each happens once per run. Folders of runs
// that have ended are removed by the next run.
const CACHE = path.join(os.tmpdir(), 'factcheck-shared-builds');
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

/**
 * The built folder of `root` with `pathPrefix` (a preview, PREVIEW=1, when `preview`) for this run, building it
 * if no other worker has: read it, never change it.
 */
export async function sharedBuild(root: string, options: { pathPrefix?: string; preview?: boolean } = {}): Promise<string> {
  const pathPrefix = options.pathPrefix ?? '/';
  const preview = options.preview ?? false;
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
    const result = await runBuild(args, preview ? { PREVIEW: '1' } : {});
    if (result.status !== 0) {
      fs.rmSync(entry, { recursive: true, force: true });
      throw new Error(`build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    fs.writeFileSync(done, '');
    return site;
  }
}

/** Every regular file under `dir` (a built site, a project), '/'-separated and sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function readPage(site: string, relative: string): Element {
  return parse(fs.readFileSync(path.join(site, relative), 'utf8')) as unknown as Element;
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Every element under `node` (document order) that matches. */
export function findAll(node: Node, match: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n) && match(n)) found.push(n);
    const children = 'childNodes' in n ? n.childNodes : [];
    for (const child of children) visit(child);
    if (isElement(n) && n.tagName === 'template') visit((n as unknown as { content: Node }).content);
  };
  visit(node);
  return found;
}

export function find(node: Node, match: (element: Element) => boolean): Element | undefined {
  return findAll(node, match)[0];
}

export const byTag = (tag: string) => (e: Element) => e.tagName === tag;
export const byId = (id: string) => (e: Element) => attr(e, 'id') === id;

/** The element's text, markup stripped (what textContent gives). */
export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map(text).join('');
}

/** Built file for a site path: `/x/` -> `x/index.html`, `/a.xml` -> `a.xml`. */
export function fileFor(sitePath: string): string {
  const clean = decodeURIComponent(sitePath.replace(/^\//, ''));
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** The search index's records in a built site, from Pagefind's fragment files (every index: `pagefind/`, `pagefind/2/`, ...). */
export function searchFragments(site: string): { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }[] {
  return listFiles(path.join(site, 'pagefind'))
    .filter((file) => file.endsWith('.pf_fragment'))
    .sort()
    .map((file) => {
      const data = gunzipSync(fs.readFileSync(path.join(site, 'pagefind', file))).toString('utf8');
      return JSON.parse(data.replace(/^pagefind_dcd/, '')) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> };
    });
}
