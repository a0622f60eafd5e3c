// `npm start` in a throwaway project: the command line of package.json's "start" script, run in `root`
// with this repository's Eleventy and config, on a free loopback port. The terminal output is collected.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './site.ts';

export interface DevServer {
  url: string;
  root: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once `pattern` has been printed `count` times in all (default 1). */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

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

/** package.json's start script as tsx arguments: `tsx X --config=Y --serve` -> `/repo/X --config=/repo/Y --serve`. */
function startArguments(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [runner, script, ...rest] = scripts['start']!.split(/\s+/);
  if (runner !== 'tsx') throw new Error(`the start script no longer runs tsx: ${scripts['start']}`);
  const config = (arg: string) => (arg.startsWith('--config=') ? `--config=${path.join(repoRoot, arg.slice('--config='.length))}` : arg);
  return [path.join(repoRoot, script!), ...rest.map(config)];
}

/** Starts npm start in `root`; `env` adds variables (undefined removes one this process has). */
export async function startDevServer(root: string, env: Record<string, string | undefined> = {}): Promise<DevServer> {
  const port = await freePort();
  // Run by this repository's tsx, as npm runs the script (from the project folder, where tsx is not installed).
  const child: ChildProcess = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [...startArguments(), `--port=${port}`], {
    cwd: root,
    env: Object.fromEntries(
      Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }).filter(([, value]) => value !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));

  const waitFor = async (pattern: RegExp, count = 1, timeoutMs = 120_000) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const started = Date.now();
    while ((output.match(global)?.length ?? 0) < count) {
      if (exited) throw new Error(`npm start exited; it printed:\n${output}`);
      if (Date.now() - started > timeoutMs) throw new Error(`npm start did not print ${pattern} ${count} time(s); it printed:\n${output}`);
      await sleep(50);
    }
  };
  const server: DevServer = {
    url: `http://localhost:${port}`,
    root,
    output: () => output,
    waitFor,
    close: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.on('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      if (!exited) process.kill(-child.pid!, 'SIGKILL');
    },
  };
  try {
    await waitFor(/Server at /);
    await waitFor(/Wrote \d+ files?/);
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
