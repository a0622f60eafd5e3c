// Resource abuse: each case is refused with a clear message naming file and line, or handled. Time and
// peak memory are measured and printed (speed targets live in the benchmark, so nothing here asserts a time).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMarkdown } from '../src/eleventy/markdown.ts';
import { buildModel } from '../src/model/model.ts';
import type { Problem } from '../src/model/types.ts';
import { removeTempDirs, writeProject } from './support/hostile.ts';

const fixture = (file: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', file), 'utf8');
const SCALE = fixture('clean/content/_data/ratings.yml');
const ALPHA = fixture('clean/seeds/alpha.txt');
const FILE = 'content/verdicts/x.md';
const MB = 1024 * 1024;

const measured: string[] = [];
afterAll(() => {
  console.info(`resource abuse (time, peak RSS growth of the test process):\n  ${measured.join('\n  ')}`);
  removeTempDirs();
});

/** Runs `work`, recording its wall time and how much it raised the process's peak resident memory. */
function measure<T>(name: string, work: () => T): T {
  const peakBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  const grown = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  measured.push(`${name}: ${ms.toFixed(0)} ms, +${grown.toFixed(0)} MB peak RSS`);
  return result;
}

function check(name: string, files: Record<string, string>): Problem[] {
  const root = writeProject({ 'content/_data/ratings.yml': SCALE, 'seeds/alpha.txt': ALPHA, ...files });
  return measure(name, () => buildModel({ root })).problems;
}

const brief = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.rule}`);

/** A verdict whose front matter has `fields` after the required ones (sources included unless given). */
function verdict(fields: string, body = 'Explanation.\n'): string {
  const sources = /^sources:/m.test(fields) ? '' : 'sources: [{seed: alpha}]\n';
  return `---\ntitle: t\nseed: alpha\nquote: The council of Port Ellery voted\nrating: accurate\nauthor: A\ndate: 2024-03-01\n${sources}${fields}---\n${body}`;
}

/** Billion laughs: nine levels of nine aliases each (9^9 = 387 million nodes when expanded). */
const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(
    'bcdefghi'.split('').map(
      (name, i) =>
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  )
  .join('\n');

describe('YAML alias bombs (billion laughs)', () => {
  it.each([
    ['verdict front matter', FILE, { [FILE]: `---\n${ALIAS_BOMB}\n---\n` }],
    ['seed metadata', 'seeds/alpha.yml', { 'seeds/alpha.yml': `${ALIAS_BOMB}\n` }],
    ['rating scale', 'content/_data/ratings.yml', { 'content/_data/ratings.yml': `${ALIAS_BOMB}\n` }],
  ])('in the %s: refused, not expanded', (name, file, files) => {
    const problems = check(`alias bomb in the ${name}`, files);
    const own = problems.filter((p) => p.file === file);
    expect(brief(own)).toEqual([`${file}:1 error ${own[0]?.rule}`]);
    expect(own[0]!.message).toMatch(/^YAML aliases expand to too many nodes \(over 100\); write the values out instead/);
  });
});

describe('huge front matter', () => {
  it('a 10 MB verdict file is refused before it is parsed', () => {
    const problems = check('10 MB front matter (file)', { [FILE]: verdict(`claim: ${'y'.repeat(10 * MB)}\n`) });
    expect(brief(problems)).toEqual([`${FILE}:1 error frontmatter-invalid`]);
    expect(problems[0]!.message).toMatch(/10\.0 MB, over the 4\.0 MB limit; it was not read/);
  });

  it('3 MB of front matter in a file under the size limit is refused before it is parsed', () => {
    const problems = check('3 MB front matter', { [FILE]: verdict(`claim: ${'y'.repeat(3 * MB)}\n`) });
    expect(brief(problems)).toEqual([`${FILE}:1 error frontmatter-invalid`]);
    expect(problems[0]!.message).toMatch(/3\.0 MB, over the 1 MB limit; it was not parsed/);
  });
});

describe('100,000 items in a list', () => {
  const N = 100_000;
  it.each([
    ['valid seed sources in flow style (under the 1 MB limit)', `sources: [${'{seed: a},'.repeat(N)}]\n`, 'sources', 8],
    ['bare words as sources', `sources:\n${'- x\n'.repeat(N)}`, 'sources', 9],
    ['tags', `tags: [${'a,'.repeat(N)}]\n`, 'tags', 9],
    ['authors', `author: [${'a,'.repeat(N)}]\n`, 'author', 8],
    ['corrections', `corrections: [${'x,'.repeat(N)}]\n`, 'corrections', 9],
  ])('%s: one clear error at the field, not 100,000', (name, fields, field, line) => {
    // The list of authors replaces the verdict's one author (line 6), so it lands one line higher.
    const text = field === 'author' ? verdict(fields).replace('author: A\n', '') : verdict(fields);
    const problems = check(`100,000 ${name}`, { [FILE]: text });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(brief(errors)).toEqual([`${FILE}:${line} error field-invalid`]);
    expect(errors[0]!.message).toMatch(new RegExp(`^"${field}" has 100000 items, over the limit of \\d+`));
  });
});

describe('a 50 MB seed', () => {
  const filler = 'An unrelated sentence about the weather in a distant town. ';
  const fiftyMb = (unit: string) => unit.repeat(Math.ceil((50 * MB) / unit.length));

  it('of prose is read and the quote anchored in it', () => {
    const problems = check('50 MB seed of prose', {
      'seeds/big.txt': `${fiftyMb(filler)}\n\n${ALPHA}`,
      [FILE]: verdict('').replace('seed: alpha', 'seed: big'),
    });
    // the only notes: neither seed records the article's url or date (seed-meta-missing), nothing about the size
    expect(problems.filter((p) => p.rule !== 'seed-meta-missing')).toEqual([]);
  });

  it('of 26 million one-letter lines is refused with a clear message, not read line by line', () => {
    const problems = check('50 MB seed of one-letter lines', {
      'seeds/big.txt': fiftyMb('a\n'),
      [FILE]: verdict('').replace('seed: alpha', 'seed: big'),
    });
    expect(brief(problems)).toEqual([`${FILE}:3 error seed-not-found`, 'seeds/big.txt:1 error seed-invalid']);
    expect(problems[1]!.message).toMatch(/seeds\/big\.txt has \d+ lines, over the limit of 1000000 lines; it was skipped/);
  });
});

describe('10,000 levels of nesting', () => {
  const flow = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  it.each([
    ['verdict front matter', FILE, { [FILE]: verdict(`tags: ${flow}\n`) }],
    ['seed metadata', 'seeds/alpha.yml', { 'seeds/alpha.yml': `title: ${flow}\n` }],
    ['rating scale', 'content/_data/ratings.yml', { 'content/_data/ratings.yml': `- key: ${flow}\n` }],
  ])('in the %s: refused before parsing', (name, file, files) => {
    const problems = check(`10,000-level flow nesting in the ${name}`, files);
    const own = problems.filter((p) => p.file === file);
    expect(own.map((p) => p.severity)).toContain('error');
    expect(own[0]!.message).toMatch(/nested more than 64 levels deep was refused/);
  });

  it('block nesting 10,000 levels deep does not fit under the size limit; 300 levels are refused', () => {
    const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const huge = check('10,000-level block nesting', { [FILE]: `---\n${block(10_000)}\n---\n` });
    expect(huge[0]!.message).toMatch(/over the 4\.0 MB limit/);
    const deep = check('300-level block nesting', { [FILE]: `---\n${block(300)}\n---\n` });
    expect(deep[0]!.message).toMatch(/indented more than 256 columns deep was refused/);
  });

  it.each([
    ['blockquotes', `${'>'.repeat(10_000)} deep`],
    ['lists', `${'- '.repeat(10_000)}deep`],
    ['brackets', `${'['.repeat(10_000)}deep${']'.repeat(10_000)}`],
    ['emphasis', `${'*'.repeat(10_000)}deep${'*'.repeat(10_000)}`],
  ])('in the Markdown body (%s): rendered with bounded nesting, no crash', (name, body) => {
    // markdown-it stops nesting at its maxNesting (100): deeper block content is dropped, never recursed into.
    const html = measure(`10,000-level Markdown ${name}`, () => createMarkdown().render(body, { verdictSlug: 'x' }));
    expect(html.length).toBeGreaterThan(0);
    const depth = Math.max(
      ...html.split(/(?=<)/).reduce<number[]>((depths, piece) => {
        const last = depths.at(-1) ?? 0;
        depths.push(/^<\/(?:blockquote|ul|ol|li)>/.test(piece) ? last - 1 : /^<(?:blockquote|ul|ol|li)>/.test(piece) ? last + 1 : last);
        return depths;
      }, []),
    );
    expect(depth).toBeLessThanOrEqual(200);
  });
});
