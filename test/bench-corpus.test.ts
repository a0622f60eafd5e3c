// The benchmark's synthetic corpus is only worth timing if it is a correct project: it must check
// with no errors, every verdict must anchor exactly where the generator put its passage, the typo'd
// quotes (drafts: in a published verdict they would be errors) must be accepted with a quote-approximate warning, and syndicated passages must be found
// in their copies. Runs the real `check` command and the real model on a small corpus.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Corpus } from '../src/bench/corpus.ts';
import { writeProject } from '../src/bench/project.ts';
import { buildModel } from '../src/model/model.ts';
import { normaliseQuote } from '../src/matching/normalise.ts';
import { loadScale } from '../src/content/ratings.ts';
import type { Model, Problem } from '../src/model/types.ts';
import { runCliSync } from './support/cli.ts';

const REPO = resolve(import.meta.dirname, '..');
const ratings = loadScale(REPO).scale.levels.map((level) => level.key);
const options = { seeds: 40, verdicts: 400, ratings };

let root: string;
let corpus: Corpus;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  corpus = generateCorpus(options);
  writeProject(root, corpus, REPO);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the benchmark corpus', () => {
  it('is the same, byte for byte, for the same PRNG seed, and different for another', () => {
    const again = generateCorpus(options);
    expect(again.seeds.map((s) => s.file)).toEqual(corpus.seeds.map((s) => s.file));
    expect(again.verdicts.map((v) => v.markdown)).toEqual(corpus.verdicts.map((v) => v.markdown));
    const other = generateCorpus({ ...options, random: 1 });
    expect(other.seeds[0]!.file).not.toEqual(corpus.seeds[0]!.file);
  });

  it('has every kind of verdict the benchmark promises, and seeds of about 4 KB', () => {
    const kinds = new Set(corpus.verdicts.map((v) => v.kind));
    expect([...kinds].sort()).toEqual(['approximate', 'context', 'cross-paragraph', 'plain', 'syndicated']);
    const sizes = corpus.seeds.map((s) => Buffer.byteLength(s.file));
    expect(Math.min(...sizes)).toBeGreaterThan(3500);
    expect(Math.max(...sizes)).toBeLessThan(8000);
    expect(readdirSync(join(root, 'content', 'verdicts'))).toHaveLength(options.verdicts);
    expect(readFileSync(join(root, 'seeds', `${corpus.seeds[0]!.id}.txt`), 'utf8')).toBe(corpus.seeds[0]!.file);
  });

  it('passes the real `check` with no errors; the only warnings are quote-approximate, one per typo, and seed-meta-missing for the seeds without metadata', () => {
    const result = runCliSync('check', ['--root', root, '--format=json'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const problems = JSON.parse(result.stdout) as Problem[];
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const approximate = corpus.verdicts.filter((v) => v.kind === 'approximate').map((v) => v.file);
    expect(approximate.length).toBeGreaterThan(0);
    // A typo'd quote is a draft: published, it would fail check (see anchor-approximate.test.ts).
    expect(corpus.verdicts.filter((v) => v.kind === 'approximate' && !v.draft)).toEqual([]);
    // a seed without seeds/<id>.yml has no url or date for the structured data (when a published verdict uses it)
    const used = new Set(problems.filter((p) => p.rule === 'seed-meta-missing').map((p) => p.file));
    const bare = corpus.seeds.filter((s) => s.meta === undefined).map((s) => `seeds/${s.id}.txt`);
    for (const file of used) expect(bare).toContain(file);
    expect(used.size).toBeGreaterThan(0);
    const expected = [...approximate.map((file) => `${file} quote-approximate`), ...[...used].map((file) => `${file} seed-meta-missing`)];
    expect(problems.map((p) => `${p.file} ${p.rule}`).sort()).toEqual(expected.sort());
  });

  describe('in the model', () => {
    let model: Model;
    beforeAll(() => {
      model = buildModel({ root });
    });

    it('anchors every verdict exactly at the passage the generator chose', () => {
      const bySlug = new Map(model.verdicts.map((v) => [v.slug, v]));
      expect(bySlug.size).toBe(corpus.verdicts.length);
      for (const expected of corpus.verdicts) {
        const anchor = bySlug.get(expected.slug)?.anchor;
        expect(anchor, expected.slug).toBeDefined();
        expect({ slug: expected.slug, seed: anchor!.seed, start: anchor!.start, end: anchor!.end }).toEqual({
          slug: expected.slug,
          seed: expected.seed,
          start: expected.start,
          end: expected.end,
        });
        expect(anchor!.method === 'approximate', expected.slug).toBe(expected.kind === 'approximate');
      }
    });

    it('finds syndicated passages in their copies, and every appearance is the same normalised text', () => {
      const seedText = new Map(model.seeds.map((s) => [s.id, s.text]));
      let checked = 0;
      for (const verdict of model.verdicts) {
        const expected = corpus.verdicts.find((v) => v.slug === verdict.slug)!;
        const seeds = new Set(verdict.appearances.map((a) => a.seed));
        for (const id of expected.alsoIn) expect(seeds.has(id), `${verdict.slug} also in ${id}`).toBe(true);
        const passage = normaliseQuote(verdict.anchor!.text);
        for (const a of verdict.appearances) {
          expect(normaliseQuote(seedText.get(a.seed)!.slice(a.start, a.end)), verdict.slug).toBe(passage);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(corpus.verdicts.filter((v) => v.kind === 'syndicated').length);
    });
  });
});
