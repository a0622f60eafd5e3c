// Shared helpers for the site tests: build a project with the real `npm run build` command into a temporary
// folder (./cli.ts runs it) and read the built pages with a real HTML parser.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { repoRoot, runCli } from './cli.ts';
import { tempDir } from './temp.ts';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export { repoRoot, tempDir };

/** Builds project `root` into a new temporary folder; fails the test with the build's output when it fails. */
export async function buildSite(root: string, options: { pathPrefix?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const output = path.join(tempDir('site'), '_site');
  const args = ['--root', root, '--output', output];
  if (options.pathPrefix) args.push(`--pathprefix=${options.pathPrefix}`);
  const run = await runCli('build', args, { env: options.env });
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
  const key = createHash('sha256')
    .update(JSON.stringify([path.resolve(root), pathPrefix, ...(preview ? ['preview'] : [])]))
    .digest('hex')
    .slice(0, 16);
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
export const byClass = (name: string) => (e: Element) => (attr(e, 'class') ?? '').split(/\s+/).includes(name);

/** The element's text, markup stripped (what textContent gives). */
export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map(text).join('');
}

/** Text of `node` without the elements `skip` matches (e.g. the screen-reader labels, or one side's marks). */
export function textWithout(node: Node, skip: (e: Element) => boolean): string {
  if (node.nodeName === '#text') return text(node);
  if (isElement(node) && skip(node)) return '';
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map((c) => textWithout(c, skip)).join('');
}

/** Built file for a site path: `/x/` -> `x/index.html`, `/a.xml` -> `a.xml`. */
export function fileFor(sitePath: string): string {
  const clean = decodeURIComponent(sitePath.replace(/^\//, ''));
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** The search index's records in a built site, from Pagefind's fragment files (every index: `pagefind/`, `pagefind/2/`, ...). */
export function searchFragments(
  site: string,
): { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }[] {
  return listFiles(path.join(site, 'pagefind'))
    .filter((file) => file.endsWith('.pf_fragment'))
    .sort()
    .map((file) => {
      const data = gunzipSync(fs.readFileSync(path.join(site, 'pagefind', file))).toString('utf8');
      return JSON.parse(data.replace(/^pagefind_dcd/, '')) as {
        url: string;
        content: string;
        meta: Record<string, string>;
        filters: Record<string, string[]>;
      };
    });
}
