// A large site is rendered in several runs of Eleventy, each holding a slice of every page list in memory
// (src/eleventy/shards.ts). Whichever run renders a page, the site is the same: the sample built in one run
// and in five (PAGES_PER_RUN=2, nine verdicts) gives byte-identical trees, under a path prefix too.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runsFor, sliceFor } from '../src/eleventy/shards.ts';
import { copySampleProject, hashTree, removeTempDirs, tempDir } from './support/hostile.ts';
import { runCli } from './support/cli.ts';
import { repoRoot, sharedBuild } from './support/site.ts';

afterAll(removeTempDirs);

describe('cutting page lists into runs', () => {
  it('gives every item to exactly one run, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (list, count) => {
        const parts = Array.from({ length: count }, (_, index) => sliceFor(list, { index, count }));
        expect(parts.flat()).toEqual(list);
      }),
    );
  });

  it('needs one run up to PAGES_PER_RUN items and one more for each further PAGES_PER_RUN', () => {
    expect([0, 1, 10, 11, 25].map((items) => runsFor(items, 10))).toEqual([1, 1, 1, 2, 3]);
  });
});

async function buildInRuns(root: string, pagesPerRun: string): Promise<Map<string, string>> {
  const output = path.join(tempDir('runs-site'), '_site');
  const run = await runCli('build', ['--root', root, '--output', output, '--pathprefix=/factcheck/'], {
    env: { SHARE_IMAGES: 'off', PAGES_PER_RUN: pagesPerRun },
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return hashTree(output);
}

describe('a build in several runs', () => {
  it('writes the same site as a build in one run', async () => {
    const verdicts = fs.readdirSync(path.join(repoRoot, 'content', 'verdicts')).filter((name) => name.endsWith('.md'));
    expect(runsFor(verdicts.length, 2)).toBeGreaterThan(3);
    // in one run: the run's shared build of the sample under the prefix (test/support/site.ts)
    const [once, inRuns] = await Promise.all([
      sharedBuild(repoRoot, { pathPrefix: '/factcheck/' }).then(hashTree),
      buildInRuns(repoRoot, '2'),
    ]);
    expect(once.size).toBeGreaterThan(20);
    expect([...inRuns.keys()]).toEqual([...once.keys()]);
    expect([...once].filter(([file, hash]) => inRuns.get(file) !== hash).map(([file]) => file)).toEqual([]);
  });

  it('refuses a PAGES_PER_RUN that is not a whole number, saying what it expects', async () => {
    const root = copySampleProject('runs-bad');
    const output = path.join(tempDir('runs-bad-site'), '_site');
    const run = await runCli('build', ['--root', root, '--output', output], { env: { PAGES_PER_RUN: '1e4' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PAGES_PER_RUN must be a whole number of pages such as 25000, got "1e4".');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(output)).toBe(false);
  });
});
