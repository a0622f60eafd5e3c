// Lays out a synthetic corpus as a project folder the real CLI and site build run against (both take
// the project as their current folder or --root; layouts and config stay in the repository): generated
// seeds/ and content/verdicts/, and the rest of content/ (rating scale, site data, about page) copied
// from the repository.

import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';

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
}
