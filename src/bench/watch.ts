// The editor's loop: `npm start` (Eleventy --serve) is running, one verdict file is saved, and we
// time how long until that verdict's page in the output folder carries the change, until the server
// serves it with the change (what the editor's browser gets), and until Eleventy reports the rebuild
// finished.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface WatchOptions {
  /** Project root the server runs in. */
  root: string;
  command: string;
  /** Arguments before `--port`; the port is chosen here. */
  args: string[];
  /** Verdict file (project-relative) to edit, and the output file its page is written to (absolute). */
  verdictFile: string;
  pageFile: string;
  /** The page's URL path on the server (e.g. `/verdicts/<slug>/`). */
  pagePath: string;
  edits: number;
  /** Give up on the first build after this long. */
  startTimeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

export interface WatchResult {
  /** Initial build while the server starts. */
  startMs: number;
  /** Per edit: file saved -> page rewritten with the change (empty when the server does not write the page there). */
  pageMs: number[];
  /** Per edit: file saved -> the server answers a request for the page with the change. */
  servedMs: number[];
  /** Per edit: file saved -> Eleventy's "Wrote N files" for the rebuild. */
  rebuildMs: number[];
}

const WROTE = /Wrote \d+ files?/;
const SERVING = /Server at (\S+)/;
/** How often the page is requested from the server while a rebuild runs. */
const POLL_MS = 25;
const CHANGED = /File changed: /;
/** A save the watcher has not reported after this long was made before it was ready: save again. */
const NOTICE_MS = 5000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function measureWatch(options: WatchOptions): Promise<WatchResult> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(options.command, [...options.args, `--port=${port}`], {
    cwd: options.root,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let wroteCount = 0;
  let lastWroteAt = 0;
  let serving = false;
  let origin = `http://localhost:${port}`;
  let changesSeen = 0;
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    for (const line of text.split('\n')) {
      const server = SERVING.exec(line);
      if (server) {
        serving = true;
        // The address Eleventy prints (ANSI colour codes removed).
        try {
          origin = new URL(server[1]!.replace(/\u001b\[[0-9;]*m/g, '')).origin;
        } catch {
          // keep the default
        }
      }
      if (CHANGED.test(line)) changesSeen++;
      if (WROTE.test(line)) {
        wroteCount++;
        lastWroteAt = performance.now();
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    // Edits saved before the file watcher is ready go unnoticed: wait for the server and the page, then a little more.
    // The page is there when the output folder has it or, for a server that writes elsewhere (or nowhere), when it serves it.
    let lastProbe = 0;
    const pageReady = async (): Promise<boolean> => {
      if (existsSync(options.pageFile)) return true;
      if (performance.now() - lastProbe < 200) return false;
      lastProbe = performance.now();
      return servedCarries(new URL(options.pagePath, origin).href, '');
    };
    while (wroteCount === 0 || !serving || !(await pageReady())) {
      if (exited) throw new Error(`the watch server exited before its first build:\n${output}`);
      if (performance.now() - started > options.startTimeoutMs)
        throw new Error(`no first build after ${options.startTimeoutMs} ms:\n${output}`);
      await sleep(20);
    }
    const startMs = lastWroteAt - started;
    const writesPage = existsSync(options.pageFile);
    await sleep(2000);
    // A rebuild may take up to a full build; allow three.
    const editTimeoutMs = Math.max(60_000, 3 * startMs);
    const verdictPath = join(options.root, options.verdictFile);
    const original = readFileSync(verdictPath, 'utf8');
    const pageMs: number[] = [];
    const servedMs: number[] = [];
    const rebuildMs: number[] = [];
    const pageUrl = new URL(options.pagePath, origin).href;
    try {
      for (let edit = 1; edit <= options.edits; edit++) {
        const marker = `Benchmark edit number ${edit} of this verdict.`;
        const before = wroteCount;
        const noticedBefore = changesSeen;
        let saved = performance.now();
        writeFileSync(verdictPath, `${original.trimEnd()}\n\n${marker}\n`);
        let pageAt: number | undefined;
        let servedAt: number | undefined;
        let request: Promise<void> | undefined;
        let lastRequest = 0;
        while ((writesPage && pageAt === undefined) || servedAt === undefined || wroteCount === before) {
          // On a large tree the watcher keeps scanning after the server is up and misses early saves;
          // the time is measured from the save it noticed.
          if (changesSeen === noticedBefore && performance.now() - saved > NOTICE_MS) {
            saved = performance.now();
            writeFileSync(verdictPath, `${original.trimEnd()}\n\n${marker}\n`);
          }
          if (exited) throw new Error(`the watch server exited during a rebuild:\n${output}`);
          if (performance.now() - saved > editTimeoutMs)
            throw new Error(`no rebuild ${Math.round(editTimeoutMs / 1000)} s after saving ${options.verdictFile}:\n${output}`);
          if (writesPage && pageAt === undefined && pageCarries(options.pageFile, marker)) pageAt = performance.now();
          if (servedAt === undefined && request === undefined && performance.now() - lastRequest >= POLL_MS) {
            lastRequest = performance.now();
            request = servedCarries(pageUrl, marker).then((carries) => {
              if (carries && servedAt === undefined) servedAt = performance.now();
              request = undefined;
            });
          }
          await sleep(5);
        }
        if (pageAt !== undefined) pageMs.push(pageAt - saved);
        servedMs.push(servedAt - saved);
        rebuildMs.push(lastWroteAt - saved);
        await sleep(1000);
      }
    } finally {
      writeFileSync(verdictPath, original);
    }
    return { startMs, pageMs, servedMs, rebuildMs };
  } finally {
    if (!exited && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

/** Whether the server answers a request for the page with a body carrying the marker. */
async function servedCarries(url: string, marker: string): Promise<boolean> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok && (await response.text()).includes(marker);
  } catch {
    return false; // not up yet, or restarting
  }
}

function pageCarries(file: string, marker: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(marker);
  } catch {
    return false; // being rewritten
  }
}
