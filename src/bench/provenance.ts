// The provenance step (src/matching/provenance/) in process, on two corpora of the same size from the benchmark's
// generator: the plain corpus (15% of seeds repost a paragraph or two of an earlier one) and a wire corpus,
// where many seeds share text as agency copy does: a few wire stories, reposted whole by some seeds (with their
// own quote marks and an added line) and quoted a paragraph at a time by many others.
import { computeProvenance } from '../matching/provenance/index.ts';
import { readableTitle } from '../content/seed-title.ts';
import type { Seed } from '../model/types.ts';
import { generateCorpus, type SyntheticSeed } from './corpus.ts';
import { median } from './measure.ts';
import { sentence } from './prose.ts';
import { Random } from './random.ts';

function asSeed(id: string, text: string): Seed {
  return { id, file: `seeds/${id}.txt`, text, sha256: '', meta: {}, ...readableTitle(id, text, {}), paragraphs: [] };
}

export function plainSeeds(count: number, random = 20240923): Seed[] {
  return generateCorpus({ seeds: count, verdicts: 0, ratings: ['x'], random }).seeds.map((s) => asSeed(s.id, s.text));
}

export interface WireCorpus {
  seeds: Seed[];
  /** Seeds that repost a whole wire story, with the story's id. */
  reposts: Array<{ seed: string; story: string }>;
  /** Seeds that carry one or more paragraphs of a wire story. */
  quotes: Array<{ seed: string; story: string }>;
}

/** The wire corpus: one wire story per 50 seeds; 10% whole reposts; 40% quote 1–3 wire paragraphs. */
export function wireSeeds(count: number, random = 20240923): WireCorpus {
  const generated = generateCorpus({ seeds: count, verdicts: 0, ratings: ['x'], random }).seeds;
  const r = new Random(random ^ 0x5eed);
  const stories: SyntheticSeed[] = generated.slice(0, Math.max(2, Math.ceil(count / 50)));
  const wire = new Set(stories.map((s) => s.id));
  const reposts: WireCorpus['reposts'] = [];
  const quotes: WireCorpus['quotes'] = [];
  const seeds = generated.map((s) => {
    if (wire.has(s.id)) return asSeed(s.id, s.text);
    const roll = r.next();
    if (roll < 0.1) {
      const story = r.pick(stories);
      const title = story.canonical.slice(0, story.canonicalStarts[1]! - 1);
      const paragraphs = [title, ...story.paragraphs.map((p) => p.join(' '))];
      paragraphs.splice(r.int(1, paragraphs.length), 0, sentence(r));
      reposts.push({ seed: s.id, story: story.id });
      return asSeed(s.id, paragraphs.join('\n\n').replace(/"([^"]*)"/g, '\u201C$1\u201D'));
    }
    const paragraphs = s.paragraphs.map((p) => p.join(' '));
    if (roll < 0.5) {
      const story = r.pick(stories);
      for (let k = r.int(1, 3); k > 0; k--) paragraphs.splice(r.int(0, paragraphs.length), 0, r.pick(story.paragraphs).join(' '));
      quotes.push({ seed: s.id, story: story.id });
    }
    return asSeed(s.id, paragraphs.join('\n\n'));
  });
  return { seeds, reposts, quotes };
}

export interface ProvenanceMeasure {
  corpus: string;
  seeds: number;
  ms: number;
  /** User + system CPU time of this process during the step (median). */
  cpuMs: number;
  comparisons: number;
  relations: number;
  pairUpdates: number;
  allPairs: number;
}

/** Milliseconds (median of `runs`) of computeProvenance on fresh seed objects each run (views included). */
export function measureProvenance(corpus: string, make: () => Seed[], runs: number): ProvenanceMeasure {
  const times: number[] = [];
  const cpu: number[] = [];
  let last: ReturnType<typeof computeProvenance> | undefined;
  let n = 0;
  for (let run = 0; run < runs; run++) {
    const seeds = make();
    n = seeds.length;
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    last = computeProvenance(seeds);
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    corpus,
    seeds: n,
    ms: median(times),
    cpuMs: median(cpu),
    comparisons: last!.comparisons,
    relations: last!.relations.length,
    pairUpdates: last!.pairUpdates,
    allPairs: (n * (n - 1)) / 2,
  };
}
