// One quote against one 10 MB seed, found exactly, found approximately and not found: anchoring
// must filter then verify, never scan quadratically. Runs the real loader and anchorQuote in process.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.ts';
import { sentence } from './prose.ts';
import { Random } from './random.ts';

export interface NeedleResult {
  seedBytes: number;
  /** Milliseconds per case; `cold` includes building the seed's normalised view (first quote on a fresh seed). */
  cases: Array<{ name: string; cold: number; warm: number; anchored: boolean; method?: string }>;
}

const SIZE = 10 * 1024 * 1024;

export async function measureNeedle(scratch: string, runs: number): Promise<NeedleResult> {
  const { loadSeeds } = await import('../content/seeds.ts');
  const { anchorQuote } = await import('../matching/anchor.ts');
  const r = new Random(7);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < SIZE) {
    const p = [sentence(r), sentence(r), sentence(r)].join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  const needle = 'The harbour master counted 4,711 blue containers and one red one on the night of the storm.';
  paragraphs.splice(paragraphs.length - 3, 0, needle);
  const text = paragraphs.join('\n\n') + '\n';
  mkdirSync(join(scratch, 'seeds'), { recursive: true });
  writeFileSync(join(scratch, 'seeds', 'big.txt'), text);

  const cases = [
    { name: 'found (exact)', quote: needle },
    { name: 'found (approximate, 1 typo)', quote: needle.replace('containers', 'contaniers') },
    { name: 'not found', quote: 'An entirely different sentence about tram timetables that no seed contains at all.' },
  ];
  const results: NeedleResult['cases'] = [];
  for (const c of cases) {
    const cold: number[] = [];
    const warm: number[] = [];
    let anchored = false;
    let method: string | undefined;
    for (let run = 0; run < runs; run++) {
      const seed = loadSeeds(scratch).seeds[0]!;
      let started = performance.now();
      const result = anchorQuote(seed, { quote: c.quote });
      cold.push(performance.now() - started);
      started = performance.now();
      anchorQuote(seed, { quote: c.quote });
      warm.push(performance.now() - started);
      anchored = result.anchor !== undefined;
      method = result.anchor?.method;
    }
    results.push({ name: c.name, cold: median(cold), warm: median(warm), anchored, method });
  }
  return { seedBytes: Buffer.byteLength(text), cases: results };
}
