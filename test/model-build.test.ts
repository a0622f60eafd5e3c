import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, createModelCache, ModelSetupError } from '../src/model/model.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

afterAll(removeProjects);

const CLEAN = new URL('./fixtures/clean/', import.meta.url).pathname;

describe('buildModel', () => {
  it('loads a clean project without problems: seeds, scale, every verdict including drafts', () => {
    const model = buildModel({ root: CLEAN });
    expect(model.problems).toEqual([]);
    expect(model.seeds.map((s) => s.id)).toEqual(['alpha', 'beta']);
    expect(model.seedsById.get('beta')?.file).toBe('seeds/beta.txt');
    expect(model.scale.levels).toHaveLength(6);
    expect(model.verdicts.map((v) => [v.slug, v.draft])).toEqual([
      ['engineering-report', true],
      ['sea-wall-vote', false],
    ]);
    expect(model.files).toEqual([
      'content/_data/ratings.yml',
      'content/verdicts/engineering-report.md',
      'content/verdicts/sea-wall-vote.md',
      'seeds/alpha.txt',
      'seeds/alpha.yml',
      'seeds/beta.txt',
      'seeds/beta.yml',
    ]);
  });

  it('anchors each quote and finds the same passage in the reposted seed', () => {
    const model = buildModel({ root: CLEAN });
    const vote = model.verdicts.find((v) => v.slug === 'sea-wall-vote')!;
    expect(vote.anchor).toMatchObject({ seed: 'alpha', line: 3, column: 1, method: 'exact' });
    expect(vote.anchor?.text).toBe(vote.selector.quote);
    expect(vote.appearances.map((a) => [a.seed, a.line])).toEqual([['beta', 3]]);
    // The repost has typographic quotes where the verdict has ASCII ones: still anchored, normalised.
    const report = model.verdicts.find((v) => v.slug === 'engineering-report')!;
    expect(report.anchor).toMatchObject({ seed: 'beta', line: 5, method: 'normalised' });
    expect(report.appearances.map((a) => [a.seed, a.line])).toEqual([['alpha', 7]]);
  });

  it('gives byte-identical models for the same input', () => {
    const strip = (m: ReturnType<typeof buildModel>) => JSON.stringify({ ...m, seedsById: [...m.seedsById.keys()] });
    expect(strip(buildModel({ root: CLEAN }))).toBe(strip(buildModel({ root: CLEAN })));
  });

  it('reports verdicts whose slugs differ only in letter case', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'content/verdicts/sea-wall.md': verdictText(),
      'content/verdicts/Sea-Wall.md': verdictText(),
    });
    const duplicates = buildModel({ root }).problems.filter((p) => p.rule === 'duplicate-slug');
    expect(duplicates).toMatchObject([{ file: 'content/verdicts/sea-wall.md', line: 1, column: 1 }]);
    expect(duplicates[0]?.message).toContain('content/verdicts/Sea-Wall.md');
  });

  it('reports a redirect declared by two verdicts', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'content/verdicts/one.md': verdictText({ redirect_from: 'redirect_from: [old]' }),
      'content/verdicts/two.md': verdictText({ redirect_from: 'redirect_from: [old]' }),
    });
    expect(buildModel({ root }).problems).toMatchObject([
      { file: 'content/verdicts/two.md', line: 11, column: 17, rule: 'duplicate-slug' },
    ]);
  });

  it('says which seed could not be loaded rather than that it does not exist', () => {
    const root = makeProject({
      'seeds/alpha.txt': Buffer.from([0x41, 0xff, 0x0a]),
      'content/verdicts/x.md': verdictText(),
    });
    const problem = buildModel({ root }).problems.find((p) => p.rule === 'seed-not-found');
    expect(problem?.message).toContain('could not be loaded; see the error reported for seeds/alpha.txt');
  });

  it('reports a subfolder of content/verdicts, whose files it does not check', () => {
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/2024/x.md': verdictText() });
    expect(buildModel({ root }).problems).toMatchObject([{ file: 'content/verdicts/2024', rule: 'slug-invalid' }]);
  });

  it('reuses cached anchors across rebuilds until the seed bytes change', () => {
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/x.md': verdictText() });
    const cache = createModelCache();
    const first = buildModel({ root, cache }).verdicts[0]!.anchor;
    const second = buildModel({ root, cache }).verdicts[0]!.anchor;
    expect(second).toBe(first);
    expect(cache.anchors.size).toBe(1);
    writeFileSync(join(root, 'seeds/alpha.txt'), `Preface.\n\n${SEED_ALPHA}`);
    const third = buildModel({ root, cache }).verdicts[0]!.anchor;
    expect(third).not.toBe(first);
    expect(third?.line).toBe(first!.line + 2);
    expect(cache.anchors.size).toBe(1);
  });

  it('re-parses across rebuilds only the verdict files whose text changed, and forgets deleted ones', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'content/verdicts/x.md': verdictText(),
      'content/verdicts/y.md': verdictText({ rating: 'rating: false' }),
    });
    const cache = createModelCache();
    const [x1, y1] = buildModel({ root, cache }).verdicts;
    writeFileSync(join(root, 'content/verdicts/y.md'), verdictText({ rating: 'rating: misleading' }));
    const [x2, y2] = buildModel({ root, cache }).verdicts;
    expect(x2).toBe(x1);
    expect(y2).not.toBe(y1);
    expect(y2!.rating).toBe('misleading');
    rmSync(join(root, 'content/verdicts/x.md'));
    expect(buildModel({ root, cache }).verdicts.map((v) => v.slug)).toEqual(['y']);
    expect([...cache.verdicts.keys()]).toEqual(['content/verdicts/y.md']);
  });

  it("drops a reused verdict's anchor when its seed no longer holds the quote", () => {
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/x.md': verdictText() });
    const cache = createModelCache();
    expect(buildModel({ root, cache }).verdicts[0]!.anchor).toBeDefined();
    writeFileSync(join(root, 'seeds/alpha.txt'), 'A different text altogether, about something else.\n');
    const rebuilt = buildModel({ root, cache });
    expect(rebuilt.verdicts[0]!.anchor).toBeUndefined();
    expect(rebuilt.verdicts[0]!.appearances).toEqual([]);
    expect(rebuilt.problems.map((p) => p.rule)).toContain('quote-not-found');
  });

  it.each([
    ['seeds', 'No seeds/ folder'],
    ['content/verdicts', 'No content/verdicts/ folder'],
    ['content/_data/ratings.yml', 'No rating scale'],
  ])('refuses to run without %s (ModelSetupError)', (missing, message) => {
    const root = makeProject({});
    rmSync(join(root, missing), { recursive: true });
    expect(() => buildModel({ root })).toThrow(ModelSetupError);
    expect(() => buildModel({ root })).toThrow(message);
  });

  it('refuses a scale path that is a folder', () => {
    const root = makeProject({ 'content/_data/ratings.yml': null });
    mkdirSync(join(root, 'content/_data/ratings.yml'), { recursive: true });
    expect(() => buildModel({ root })).toThrow(ModelSetupError);
  });
});
