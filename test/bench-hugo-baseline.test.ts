// The bench's anchors must build the same pages, or their times say nothing: the bare-Eleventy
// baseline and the Hugo site written beside it (src/bench/baseline.ts) turn the same Markdown into
// the same HTML files, byte for byte. Needs hugo on the PATH (Debian's package; .ci/run installs it).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBaseline } from '../src/bench/baseline.ts';
import { CORPUS_KINDS, generateCorpus } from '../src/bench/corpus.ts';
import { loadScale } from '../src/content/ratings.ts';

const REPO = resolve(import.meta.dirname, '..');
const ratings = loadScale(REPO).scale.levels.map((level) => level.key);
const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const haveHugo = !hugo.error && hugo.status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'bench-hugo-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

// Skipped without hugo on a developer's machine, as the bench skips its Hugo row: Hugo is an optional
// anchor, not a dependency. With CI=true it is never skipped: a missing hugo fails below.
if (!haveHugo && process.env['CI'] === 'true') {
  it('needs hugo (CI=true: the Hugo comparison may not be skipped)', () => {
    throw new Error('No hugo on the PATH. CI must install it: apt-get install hugo (.ci/run does).');
  });
}

describe.skipIf(!haveHugo)('Hugo beside the bare-Eleventy baseline', () => {
  it.each(CORPUS_KINDS)('writes the same HTML files, byte for byte, as bare Eleventy on the %s corpus', (kind) => {
    const corpus = generateCorpus({ seeds: 12, verdicts: 120, ratings, corpus: kind });
    const eleventy = join(scratch, kind, 'eleventy');
    const site = join(scratch, kind, 'hugo');
    const out = join(scratch, kind, 'hugo-out');
    const { pages } = writeBaseline(eleventy, corpus, site);
    expect(pages).toBe(corpus.verdicts.filter((v) => !v.draft).length + corpus.seeds.length);

    const bare = spawnSync(
      join(REPO, 'node_modules', '.bin', 'tsx'),
      [join(REPO, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--config=eleventy.config.mjs', '--quiet'],
      {
        cwd: eleventy,
        encoding: 'utf8',
      },
    );
    expect(bare.status, bare.stderr).toBe(0);
    const built = spawnSync('hugo', ['--quiet', '-s', site, '-d', out], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toBe('');

    const expected = files(join(eleventy, '_site'));
    expect(expected).toHaveLength(pages);
    expect(files(out)).toEqual(expected);
    for (const file of expected)
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(eleventy, '_site', file), 'utf8'));
  });
});
