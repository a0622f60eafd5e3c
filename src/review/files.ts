// Which content files differ between the base revision (materialised in a scratch folder) and the
// working tree, untracked files included: the files whose problems a review reports.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIRS } from './git.ts';

function listFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.set(child, path.join(root, child));
    }
  };
  for (const dir of CONTENT_DIRS) walk(dir);
  return files;
}

function sameBytes(a: string, b: string): boolean {
  if (lstatSync(a).size !== lstatSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/** Project-relative paths (with `/`) of the files added, deleted or modified, sorted. */
export function changedFiles(baseRoot: string, headRoot: string): string[] {
  const base = listFiles(baseRoot);
  const head = listFiles(headRoot);
  const changed = new Set<string>();
  for (const [file, full] of head) {
    const old = base.get(file);
    if (old === undefined || !sameBytes(old, full)) changed.add(file);
  }
  for (const file of base.keys()) if (!head.has(file)) changed.add(file);
  return [...changed].sort();
}
