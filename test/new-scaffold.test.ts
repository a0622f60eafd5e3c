// `npm run new`: a verdict file anchored to the right occurrence, every required field present and
// the editor's ones empty (check fails until they are filled), and an existing file never overwritten.
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TOOL, edit, read, removeTempDirs, runInRepo, tempDir } from './support/git-project.ts';

afterAll(removeTempDirs);

function project(): string {
  const dir = tempDir('new');
  cpSync(path.join(TOOL, 'test/fixtures/review-project'), dir, { recursive: true });
  return dir;
}

const frontMatter = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
const today = () => new Date().toISOString().slice(0, 10);

// "Port Ellery" occurs three times in seed alpha and beta has it once.
const AMBIGUOUS = ['--seed', 'alpha', '--quote', 'Port Ellery'];

describe('npm run new', () => {
  it('writes a verdict for a unique passage that check rejects until the editor fills it in', () => {
    const dir = project();
    const run = runInRepo('new', dir, ['--seed', 'alpha', '--quote', 'protect every home in the town  for a hundred years']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote content/verdicts/protect-every-home-in-the-town.md: quote from seeds/alpha.txt line 5.');
    const file = 'content/verdicts/protect-every-home-in-the-town.md';
    const text = read(dir, file);
    expect(text.split('\n')[1]).toBe('# yaml-language-server: $schema=../../docs/verdict.schema.json');
    const fields = frontMatter(text);
    expect(fields).toMatchObject({
      seed: 'alpha',
      quote: 'protect every home in the town for a hundred years',
      title: null,
      rating: null,
      author: null,
      date: today(),
    });
    expect(fields.sources).toEqual([{ title: null, url: null }]);
    expect(fields).not.toHaveProperty('prefix');

    const unfilled = runInRepo('check', dir, []);
    expect(unfilled.status).toBe(1);
    for (const field of ['title', 'rating', 'author'])
      expect(unfilled.stdout).toMatch(new RegExp(`${file}:\\d+:\\d+: error: .*"?${field}"? .*\\[field-missing\\]`));

    edit(dir, file, /^title:$/m, 'title: A century of protection');
    edit(dir, file, /^rating:$/m, 'rating: misleading');
    edit(dir, file, /^ {2}- title:\n {4}url:$/m, '  - title: Engineering assessment\n    url: https://example.org/engineering');
    edit(dir, file, /^author:$/m, 'author: Test Editor');
    const filled = runInRepo('check', dir, []);
    expect(filled.stdout).toBe('');
    expect(filled.status).toBe(0);
  });

  it('lists every occurrence with its line when the quote is ambiguous, and writes nothing', () => {
    const dir = project();
    const before = readdirSync(path.join(dir, 'content/verdicts')).sort();
    const run = runInRepo('new', dir, AMBIGUOUS);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The quote occurs 2 times in seeds/alpha.txt:');
    expect(run.stderr).toMatch(/^ {2}1\. line 1, column 1: \[Port Ellery\] council votes for sea wall/m);
    expect(run.stderr).toMatch(/^ {2}2\. line 3, column 16: … for sea wall The council of \[Port Ellery\] voted on Tuesday/m);
    expect(run.stderr).toContain('Run again with --occurrence N');
    expect(readdirSync(path.join(dir, 'content/verdicts')).sort()).toEqual(before);
  });

  it('with --occurrence N writes the prefix/suffix that make check anchor that occurrence', () => {
    const dir = project();
    const run = runInRepo('new', dir, [...AMBIGUOUS, '--occurrence', '2', '--slug', 'ellery-vote']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('line 3 (with prefix/suffix to pick that occurrence)');
    const fields = frontMatter(read(dir, 'content/verdicts/ellery-vote.md'));
    expect(fields.quote).toBe('Port Ellery');
    expect(String(fields.prefix).endsWith('The council of')).toBe(true);
    expect(String(fields.suffix).startsWith('voted on Tuesday')).toBe(true);

    // Filled in, the verdict anchors at line 3 without any problem.
    edit(dir, 'content/verdicts/ellery-vote.md', /^title:$/m, 'title: The vote');
    edit(dir, 'content/verdicts/ellery-vote.md', /^rating:$/m, 'rating: accurate');
    edit(dir, 'content/verdicts/ellery-vote.md', /^ {2}- title:\n {4}url:$/m, '  - seed: beta');
    edit(dir, 'content/verdicts/ellery-vote.md', /^author:$/m, 'author: Test Editor');
    const check = runInRepo('check', dir, ['--format=json']);
    expect(JSON.parse(check.stdout)).toEqual([]);
    expect(check.status).toBe(0);

    const beyond = runInRepo('new', dir, [...AMBIGUOUS, '--occurrence', '3', '--slug', 'third']);
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toContain('--occurrence 3: the quote occurs only 2 times in seeds/alpha.txt.');
  });

  it('refuses to overwrite an existing verdict and leaves it byte for byte', () => {
    const dir = project();
    const file = 'content/verdicts/sea-wall-cost.md';
    const original = read(dir, file);
    const run = runInRepo('new', dir, [
      '--seed',
      'beta',
      '--quote',
      'Trawlers from Port Ellery returned two days early',
      '--slug',
      'sea-wall-cost',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('new: content/verdicts/sea-wall-cost.md already exists and was left as it is; choose another --slug.\n');
    expect(read(dir, file)).toBe(original);
  });

  it('explains an unknown seed, a quote that is not there, and a bad slug, and writes nowhere else', () => {
    const dir = project();
    const seedBefore = read(dir, 'seeds/alpha.txt');
    const unknown = runInRepo('new', dir, ['--seed', 'alpah', '--quote', 'Port Ellery']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('new: There is no seed "alpah" in seeds/. Did you mean "alpha"?\n');

    const missing = runInRepo('new', dir, ['--seed', 'alpha', '--quote', 'The harbour will be dredged every winter by the navy']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^new: seeds\/alpha\.txt: .*closest/);

    for (const slug of ['../escape', 'Upper', 'a/b']) {
      const bad = runInRepo('new', dir, ['--seed', 'alpha', '--quote', 'sea wall', '--slug', slug]);
      expect(bad.status, slug).toBe(2);
      expect(bad.stderr).toContain(`--slug "${slug}" is not a slug`);
    }
    expect(existsSync(path.join(dir, 'escape.md'))).toBe(false);
    expect(read(dir, 'seeds/alpha.txt')).toBe(seedBefore);
  });

  it("always writes the seed's exact words: a misquote is replaced, and the capture current today is the one quoted", () => {
    const dir = project();
    const later = read(dir, 'seeds/alpha.txt').replace('for a hundred years', 'for a century');
    writeFileSync(path.join(dir, 'seeds/alpha@2024-01-02.txt'), later);
    const run = runInRepo('new', dir, ['--seed', 'alpha', '--quote', 'protect evry home in the town for a century', '--slug', 'century']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote content/verdicts/century.md: quote from seeds/alpha@2024-01-02.txt line 5.');
    expect(frontMatter(read(dir, 'content/verdicts/century.md')).quote).toBe('protect every home in the town for a century');
    expect(read(dir, 'seeds/alpha@2024-01-02.txt')).toBe(later);
  });
});
