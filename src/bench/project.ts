// Lays out a synthetic corpus as a complete project the real CLI and site build run against:
// generated seeds/ and content/verdicts/, the rest of content/ copied from the repository
// (rating scale, site data, page templates), and the site plumbing (config, _includes, src,
// node_modules...) linked from the repository so the build under test is the real one.

import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';

/** Top-level repository entries that are never part of the synthetic project. */
const NOT_LINKED = new Set(['seeds', 'content', '.git', '.cache', 'test', 'docs', 'test-results', '.github', '.ci']);

export function writeProject(root: string, corpus: Corpus, repoRoot: string): void {
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'content', 'verdicts'), { recursive: true });
  for (const seed of corpus.seeds) {
    writeFileSync(join(root, 'seeds', `${seed.id}.txt`), seed.file);
    if (seed.meta !== undefined) writeFileSync(join(root, 'seeds', `${seed.id}.yml`), seed.meta);
  }
  for (const verdict of corpus.verdicts) writeFileSync(join(root, verdict.file), verdict.markdown);

  const content = join(repoRoot, 'content');
  if (existsSync(content)) {
    for (const entry of readdirSync(content)) {
      if (entry === 'verdicts') continue;
      cpSync(join(content, entry), join(root, 'content', entry), { recursive: true });
    }
  }
  for (const entry of readdirSync(repoRoot)) {
    if (NOT_LINKED.has(entry) || entry.startsWith('_site') || entry.endsWith('.cpuprofile')) continue;
    symlinkSync(join(repoRoot, entry), join(root, entry));
  }
}
