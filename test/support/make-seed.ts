// Builds Seed objects for tests without the loader: from a string, or from a sample file in seeds/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readableTitle } from '../../src/content/seed-title.ts';
import type { Seed } from '../../src/model/types.ts';

export function makeSeed(id: string, text: string): Seed {
  return { id, file: `seeds/${id}.txt`, text, sha256: '', meta: {}, ...readableTitle(id, text, {}), paragraphs: [] };
}

export function sampleSeed(id: string): Seed {
  const path = fileURLToPath(new URL(`../../seeds/${id}.txt`, import.meta.url));
  return makeSeed(id, readFileSync(path, 'utf8'));
}
