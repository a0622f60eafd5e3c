// Lays out a synthetic corpus as a clone of this repository with other content, so `check`, the
// Eleventy build and `npm start` run in it exactly as they run in a newsroom's clone: generated seeds/
// and content/verdicts/; the rest of content/ (rating scale, site data, about page) copied; the tool
// itself (src/, _includes/, node_modules/, package.json...) linked, and eleventy.config.ts copied, so
// that the config's own folder (where it finds _includes/) is the project, as in a clone.

import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';

/** Repository entries that are content, output or development history, not the tool. */
const NOT_TOOL = new Set(['seeds', 'content', '.git', '.cache', 'test', 'test-results', 'docs', '.github', '.ci']);
const CONFIG = 'eleventy.config.ts';

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
    if (NOT_TOOL.has(entry) || entry.startsWith('_site') || entry.endsWith('.cpuprofile')) continue;
    if (entry === CONFIG) copyFileSync(join(repoRoot, entry), join(root, entry));
    else symlinkSync(join(repoRoot, entry), join(root, entry));
  }
}
