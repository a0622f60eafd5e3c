// Running the tool's commands in tests: as a process, the way `npm run <name>` starts it (node with tsx; check
// from its bundle), or in-process through the same runner (src/cli/command.ts), with its output collected.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCommand, type Command } from '../../src/cli/command.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A stack trace line as Node prints them ("    at fn (file:line:col)"). */
export const STACK_TRACE = /^\s+at .+[:(]\d+:\d+\)?$/m;

export interface CommandRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The variables by which a build knows it runs on CI or a host (src/site/site-origin.ts). A test build is a local
 * build, wherever the test runs (CI sets CI=true), unless the test passes them itself.
 */
const HOST_VARIABLES = ['CI', 'NETLIFY', 'CONTEXT', 'URL', 'DEPLOY_PRIME_URL', 'CF_PAGES', 'CF_PAGES_URL', 'PREVIEW'];

/**
 * The environment of a command run by a test: this process's, without HOST_VARIABLES, plus `env`. Share images
 * are left out (SHARE_IMAGES=off: a cold build draws one per verdict, seconds for the larger fixtures) unless
 * `env` asks for them; test/share-images.test.ts does.
 */
export function buildEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, SHARE_IMAGES: 'off' };
  for (const name of HOST_VARIABLES) delete base[name];
  return { ...base, ...env };
}

/** `check`, `build`, `new`, `review`, `schema` (src/cli/<name>.ts), or an entry point by its path, e.g. src/bench/run.ts. */
export type Entry = 'check' | 'build' | 'new' | 'review' | 'schema' | `src/${string}.ts`;

/** tsx's loader by its place, so that a command runs with any working folder. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function commandLine(entry: Entry, args: string[], nodeOptions: string[] = []): string[] {
  // `npm run check` runs check.ts from its bundle (package.json); src/cli/compiled.mjs falls back to tsx itself
  if (entry === 'check') return [...nodeOptions, path.join(repoRoot, 'src/cli/compiled.mjs'), 'check', ...args];
  return [...nodeOptions, '--import', TSX, path.join(repoRoot, entry.startsWith('src/') ? entry : `src/cli/${entry}.ts`), ...args];
}

/** Runs an entry point as a process as `npm run <name>` does: check from its bundle, the others with tsx. `onSpawn` gets the child (to kill it mid-way). */
export function runCli(
  entry: Entry,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeOptions?: string[]; onSpawn?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<CommandRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, commandLine(entry, args, options.nodeOptions), {
      cwd: options.cwd ?? repoRoot,
      env: buildEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, ms: performance.now() - started }));
    options.onSpawn?.(child);
  });
}

/** runCli, waiting for the process to end. */
export function runCliSync(
  entry: Entry,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, commandLine(entry, args), {
    cwd: options.cwd ?? repoRoot,
    env: buildEnv(options.env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `command` in this process through the runner every entry point uses; its output is collected. */
export async function inProcess(
  command: Command,
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(command, argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: buildEnv(options.env),
    cwd: options.cwd ?? repoRoot,
  });
  return { status, stdout, stderr };
}
