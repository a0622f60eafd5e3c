// `npx tsx src/bench/profile.ts FILE.cpuprofile [--top N] [--filter TEXT] [--timeline] [--from S] [--to S]`
// Summarises a V8 CPU profile (node --cpu-prof) as the functions with the most self time and the most
// total time (time with the function anywhere on the stack, recursion counted once), in ms.
// --timeline prints the busy (non-idle) ms of each second; --from/--to keep only the samples in that
// window (seconds since the profile started), e.g. one watch-mode rebuild of a long-running server.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main, parseArguments, UsageError, type Command } from '../cli/command.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const path = url.replace(/^file:\/\//, '');
  // Dependencies as ~/package/..., this project's files from src/ or _includes/ on.
  const file = path.includes('/node_modules/') ? path.replace(/^.*\/node_modules\//, '~/') : path.replace(/^.*\/(src|_includes)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

/** Sample times (ms since the profile started), aligned with `samples`. */
function sampleTimes(profile: CpuProfile): number[] {
  let at = 0;
  return profile.timeDeltas.map((delta) => (at += delta / 1000));
}

export function timeline(profile: CpuProfile): number[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const busy: number[] = [];
  const times = sampleTimes(profile);
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    const second = Math.floor(times[i]! / 1000);
    while (busy.length <= second) busy.push(0);
    busy[second]! += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return busy;
}

export function summariseProfile(
  profile: CpuProfile,
  window?: { from: number; to: number },
): { totalMs: number; functions: FunctionTime[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const at = sampleTimes(profile);
  profile.samples.forEach((id, i) => {
    if (window && (at[i]! < window.from * 1000 || at[i]! >= window.to * 1000)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const times = new Map<string, FunctionTime>();
  const entry = (name: string): FunctionTime => {
    let t = times.get(name);
    if (!t) times.set(name, (t = { name, selfMs: 0, totalMs: 0 }));
    return t;
  };
  let totalUs = 0;
  // Depth-first with the set of functions on the stack, so recursion is counted once in total time.
  const walk = (id: number, onStack: Map<string, number>): number => {
    const node = byId.get(id)!;
    const name = label(node);
    onStack.set(name, (onStack.get(name) ?? 0) + 1);
    let subtree = selfUs.get(id) ?? 0;
    entry(name).selfMs += subtree / 1000;
    totalUs += subtree;
    for (const child of node.children ?? []) subtree += walk(child, onStack);
    const depth = onStack.get(name)! - 1;
    if (depth === 0) {
      onStack.delete(name);
      entry(name).totalMs += subtree / 1000;
    } else {
      onStack.set(name, depth);
    }
    return subtree;
  };
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  for (const node of profile.nodes) if (!childIds.has(node.id)) walk(node.id, new Map());
  return { totalMs: totalUs / 1000, functions: [...times.values()] };
}

const USAGE = 'Usage: npx tsx src/bench/profile.ts FILE.cpuprofile [--top N] [--filter TEXT] [--timeline] [--from S] [--to S]';

export const profileCommand: Command = {
  name: 'profile',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = parseArguments(argv, {
      top: { type: 'string', default: '25' },
      filter: { type: 'string' },
      timeline: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give one profile file.');
    const profile = JSON.parse(readFileSync(resolve(io.cwd, positionals[0]!), 'utf8')) as CpuProfile;
    const print = (line: string) => io.stdout.write(`${line}\n`);
    if (values.timeline) {
      timeline(profile).forEach((ms, second) => print(`${String(second).padStart(4)} s ${ms.toFixed(0).padStart(5)} ms busy`));
      return 0;
    }
    const window =
      values.from !== undefined || values.to !== undefined
        ? { from: Number(values.from ?? 0), to: Number(values.to ?? Infinity) }
        : undefined;
    const { totalMs, functions } = summariseProfile(profile, window);
    const top = Number(values.top);
    const shown = values.filter ? functions.filter((f) => f.name.includes(values.filter!)) : functions;
    const table = (title: string, key: 'selfMs' | 'totalMs') => {
      print(`\n${title} (profile total ${totalMs.toFixed(0)} ms)`);
      for (const f of [...shown].sort((a, b) => b[key] - a[key]).slice(0, top)) {
        print(`${f[key].toFixed(0).padStart(8)} ms  ${f.name}`);
      }
    };
    table('self time', 'selfMs');
    table('total time', 'totalMs');
    return 0;
  },
};

main(profileCommand, 'src/bench/profile.ts');
