// `npx tsx src/bench/profile.ts FILE.cpuprofile [--top N] [--filter TEXT]`
// Summarises a V8 CPU profile (node --cpu-prof) as the functions with the most self time and the most
// total time (time with the function anywhere on the stack, recursion counted once), in ms.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

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
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/(src|_includes)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

export function summariseProfile(profile: CpuProfile): { totalMs: number; functions: FunctionTime[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
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

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, filter: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: npx tsx src/bench/profile.ts FILE.cpuprofile [--top N] [--filter TEXT]');
    process.exit(2);
  }
  const { totalMs, functions } = summariseProfile(JSON.parse(readFileSync(positionals[0]!, 'utf8')) as CpuProfile);
  const top = Number(values.top);
  const shown = values.filter ? functions.filter((f) => f.name.includes(values.filter!)) : functions;
  const table = (title: string, key: 'selfMs' | 'totalMs') => {
    console.log(`\n${title} (profile total ${totalMs.toFixed(0)} ms)`);
    for (const f of [...shown].sort((a, b) => b[key] - a[key]).slice(0, top)) {
      console.log(`${f[key].toFixed(0).padStart(8)} ms  ${f.name}`);
    }
  };
  table('self time', 'selfMs');
  table('total time', 'totalMs');
}

main();
