// `npx tsx src/bench/phases.ts --root DIR [--runs K]`
// Where `check`'s time goes, phase by phase, by calling the model's own building blocks in the order
// buildModel does (a CPU profile names functions; this names phases in ms). Each phase is timed on
// fresh inputs, so caches built by one phase (normalised views, line starts) are counted where built.

import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { anchorQuote } from '../matching/anchor.ts';
import { AppearanceIndex } from '../matching/appearances.ts';
import { buildModel } from '../model/model.ts';
import { loadScale } from '../content/ratings.ts';
import { loadSeeds } from '../content/seeds.ts';
import type { Anchor } from '../model/types.ts';
import { loadVerdict, VERDICTS_DIR } from '../content/verdicts.ts';
import { median } from './measure.ts';

function timed<T>(times: Map<string, number[]>, name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const list = times.get(name) ?? [];
  list.push(performance.now() - started);
  times.set(name, list);
  return result;
}

function main(): void {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, runs: { type: 'string', default: '3' } } });
  const root = resolve(values.root);
  const runs = Number(values.runs);
  const times = new Map<string, number[]>();
  let counts = '';
  for (let run = 0; run < runs; run++) {
    timed(times, 'rating scale', () => loadScale(root));
    const { seeds } = timed(times, 'load seeds (read, hash, paragraphs)', () => loadSeeds(root));
    const files = readdirSync(join(root, VERDICTS_DIR))
      .filter((name) => name.endsWith('.md'))
      .sort();
    const parsed = timed(times, 'load verdicts (read, front matter, validation)', () =>
      files.map((name) => loadVerdict(root, `${VERDICTS_DIR}/${name}`)),
    );
    const byId = new Map(seeds.map((seed) => [seed.id, seed]));
    const anchors = timed(times, 'anchor quotes (incl. normalised views)', () => {
      const out: Anchor[] = [];
      for (const { verdict } of parsed) {
        const seed = verdict && byId.get(verdict.seed);
        const anchor = seed && anchorQuote(seed, verdict.selector).anchor;
        if (anchor) out.push(anchor);
      }
      return out;
    });
    const index = timed(times, 'appearance index: build', () => new AppearanceIndex(seeds));
    timed(times, 'appearance index: find for every anchor', () => anchors.forEach((anchor) => index.find(anchor)));
    timed(times, 'buildModel, whole (fresh)', () => buildModel({ root }));
    counts = `${seeds.length} seeds, ${files.length} verdicts, ${anchors.length} anchored`;
  }
  console.log(`${root}: ${counts}; median of ${runs} runs`);
  for (const [name, list] of times) console.log(`${median(list).toFixed(0).padStart(8)} ms  ${name}`);
}

main();
