// Runs a command as a child process and measures its wall time and peak RSS.
// Peak RSS comes from GNU time (`%M`: the largest resident set of any process in the tree, since
// tsx runs the real work in a child node process); without GNU time, /proc is polled for the
// process tree's VmHWM instead (and CPU time is not reported).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface RunResult {
  ms: number;
  /** Peak resident set size in bytes, when it could be measured. */
  rss?: number;
  /** User + system CPU time of the whole process tree, ms (GNU time only): steadier than wall time on a busy machine. */
  cpuMs?: number;
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Peak RSS as the largest sum over the process tree (/proc polled every 50 ms), when that is more than
   * GNU time's largest single process: for a Node process and the binary it drives at the same time.
   */
  sumTree?: boolean;
}

export function rssMethod(): string {
  return existsSync(GNU_TIME) ? 'GNU time %M (largest process in the tree)' : '/proc VmHWM polling (largest process in the tree)';
}

export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'rss');
  const argv = useTime ? ['-f', '%M %U %S', '-o', timeFile, command, ...args] : args;
  const started = performance.now();
  const child = spawn(useTime ? GNU_TIME : command, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout = keepTail(stdout + chunk.toString())));
  child.stderr.on('data', (chunk: Buffer) => (stderr = keepTail(stderr + chunk.toString())));
  let polledPeak = 0;
  let summedPeak = 0;
  const poller = useTime ? undefined : setInterval(() => (polledPeak = Math.max(polledPeak, treePeak(child.pid))), 50);
  const summer = options.sumTree ? setInterval(() => (summedPeak = Math.max(summedPeak, treeSum(child.pid))), 50) : undefined;
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  const ms = performance.now() - started;
  if (poller) clearInterval(poller);
  if (summer) clearInterval(summer);
  let rss: number | undefined;
  let cpuMs: number | undefined;
  if (useTime) {
    // GNU time prints a note first when the command fails; the figures are the last line.
    const [kilobytes, user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kilobytes)) rss = kilobytes! * 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user! + system!) * 1000;
  } else if (polledPeak > 0) {
    rss = polledPeak;
  }
  if (summedPeak > (rss ?? 0)) rss = summedPeak;
  rmSync(scratch, { recursive: true, force: true });
  return { ms, rss, cpuMs, code, stdout, stderr };
}

function keepTail(text: string): string {
  return text.length > 200_000 ? text.slice(-100_000) : text;
}

/** Largest VmHWM (bytes) among `pid` and its descendants, read from /proc. */
function treePeak(pid: number | undefined): number {
  return overTree(pid, 'VmHWM', Math.max);
}

/** The VmRSS (bytes) of `pid` and its descendants added up, read from /proc. */
function treeSum(pid: number | undefined): number {
  return overTree(pid, 'VmRSS', (a, b) => a + b);
}

function overTree(pid: number | undefined, field: 'VmHWM' | 'VmRSS', combine: (a: number, b: number) => number): number {
  if (pid === undefined) return 0;
  let value = 0;
  const pending = [pid];
  const pattern = new RegExp(`${field}:\\s+(\\d+) kB`);
  while (pending.length > 0) {
    const current = pending.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      const match = pattern.exec(status);
      if (match) value = combine(value, Number(match[1]) * 1024);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
