// Front matter has two readers: js-yaml for plain documents (fast) and the `yaml` package for the rest.
// Editors must never be able to tell which one ran: for every input, the parsed verdict (values,
// problems, every position) is the same as with `yaml` alone, and the Markdown body is what
// gray-matter (the front matter reader Eleventy uses) gives.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/bench/corpus.ts';
import { parseVerdict } from '../src/content/verdicts.ts';
import { readPlainYaml } from '../src/content/yaml/fast-path.ts';
import { brokenVerdict } from './support/mutations.ts';
import { fuzzSeed, runs } from './support/hostile.ts';

const REPO = path.resolve(import.meta.dirname, '..');

function verdictFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && file.includes('verdicts'))
    .map((file) => path.join(dir, file));
}

/** The YAML block as parseVerdict hands it to the parser (null when there is no closed front matter). */
function block(text: string): string | null {
  const close = text.indexOf('\n---', 3);
  return text.startsWith('---') && close !== -1 ? text.slice(3, close).replace(/\r$/, '') : null;
}

function expectSameBothWays(text: string, file = 'content/verdicts/sample.md'): void {
  const fast = parseVerdict(file, text);
  const full = parseVerdict(file, text, { fastPath: false });
  expect(fast).toEqual(full);
  if (fast.verdict) expect(fast.verdict.body).toBe(matter(text.replace(/^\uFEFF/, ''), { engines: { yaml: () => ({}) } }).content);
}

describe('the fast front matter path', () => {
  it('gives the same verdicts as the yaml package for the sample, every fixture and a benchmark corpus', () => {
    const texts = [
      ...verdictFiles(path.join(REPO, 'content')).map((file) => fs.readFileSync(file, 'utf8')),
      ...verdictFiles(path.join(REPO, 'test', 'fixtures')).map((file) => fs.readFileSync(file, 'utf8')),
      ...generateCorpus({ seeds: 20, verdicts: 200, ratings: ['accurate', 'false'] }).verdicts.map((verdict) => verdict.markdown),
    ];
    let plain = 0;
    for (const text of texts) {
      expectSameBothWays(text);
      const yaml = block(text);
      if (yaml !== null && readPlainYaml(yaml)) plain++;
    }
    // Most real front matter is plain: the comparison above exercised the fast path, not only the fallback.
    expect(plain).toBeGreaterThan(texts.length * 0.8);
  });

  it('gives the same result as the yaml package for randomly broken verdicts', () => {
    fc.assert(
      fc.property(brokenVerdict, (bytes) => {
        expectSameBothWays(bytes.toString('utf8'));
      }),
      { numRuns: runs(300, 0.2), seed: fuzzSeed(20240923) },
    );
  });

  /** One YAML rendering of a text value, in every scalar style editors use. */
  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }).map((text) => JSON.stringify(text)),
    fc.string({ maxLength: 30 }).map((text) => `'${text.replace(/'/g, "''")}'`),
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,()/:%'’"-]{0,30}$/),
    fc.constantFrom(
      'true',
      'False',
      'null',
      '~',
      '',
      '0x1F',
      '012',
      '1e3',
      '.inf',
      '2024-03-01',
      '"2024-03-01"',
      'a # comment',
      'https://example.org/a?b=c#d',
    ),
    fc
      .tuple(fc.constantFrom('|', '>', '|-', '>+', '|2'), fc.array(fc.stringMatching(/^[^\n\r]{0,20}$/), { minLength: 1, maxLength: 3 }))
      .map(([style, lines]) => `${style}\n${lines.map((line) => `    ${line}`).join('\n')}`),
  );
  const list = fc
    .array(
      scalar.filter((value) => !value.includes('\n')),
      { maxLength: 3 },
    )
    .chain((items) => fc.constantFrom(`[${items.join(', ')}]`, items.length ? `\n${items.map((item) => `  - ${item}`).join('\n')}` : '[]'));
  const source = fc.array(
    fc.tuple(
      fc.constantFrom('title', 'url', 'publisher', 'date', 'seed', 'archived', 'note'),
      scalar.filter((value) => !value.includes('\n')),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  );
  const field = fc.oneof(
    fc.tuple(
      fc.constantFrom(
        'title',
        'seed',
        'quote',
        'prefix',
        'suffix',
        'claim',
        'claimant',
        'rating',
        'author',
        'date',
        'updated',
        'draft',
        'titel',
      ),
      scalar,
    ),
    fc.tuple(fc.constantFrom('tags', 'author', 'redirect_from', 'sources'), list),
    fc.tuple(
      fc.constantFrom('sources', 'corrections'),
      fc
        .array(source, { minLength: 1, maxLength: 2 })
        .map(
          (items) =>
            `\n${items.map((pairs) => pairs.map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${value}`).join('\n')).join('\n')}`,
        ),
    ),
  );
  const frontMatter = fc
    .array(fc.tuple(field, fc.constantFrom('', ' ', '  # note')), { maxLength: 12 })
    .map(
      (fields) =>
        `---\n${fields.map(([[key, value], after]) => `${key}:${value.startsWith('\n') ? '' : ' '}${value}${value.includes('\n') ? '' : after}`).join('\n')}\n---\nThe explanation.\n`,
    );

  it('gives the same result as the yaml package for generated front matter in every scalar and list style', () => {
    let plain = 0;
    const numRuns = runs(400, 0.3);
    fc.assert(
      fc.property(frontMatter, (text) => {
        expectSameBothWays(text);
        if (readPlainYaml(block(text)!)) plain++;
      }),
      { numRuns, seed: fuzzSeed(7) },
    );
    // Many generated documents are invalid YAML or need the fallback; enough must take the fast path.
    expect(plain).toBeGreaterThan(numRuns * 0.15);
  });
});
