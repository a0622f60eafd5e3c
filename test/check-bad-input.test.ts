// Issue 2's "Bad input" list, and the resource limits: each gives a clear problem with file and line, or works.
// Never a throw, never a hang.
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import type { Problem } from '../src/model/types.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

afterAll(removeProjects);

const FILE = 'content/verdicts/x.md';

function check(verdict: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}) {
  const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, [FILE]: verdict, ...extra });
  const started = performance.now();
  const model = buildModel({ root });
  return { model, problems: model.problems, ms: performance.now() - started, root };
}

const brief = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);

describe('bad input', () => {
  it.each([
    ['an empty file', '', '1:1', /file is empty/],
    ['a file of blank lines', '\n\n  \n', '1:1', /file is empty/],
    ['a missing closing ---', '---\ntitle: x\nseed: alpha\n', '1:1', /never closed/],
    [
      "a YAML syntax error (at the parser's position)",
      '---\ntitle: "unterminated\nseed: alpha\n---\n',
      '3:12',
      /YAML syntax error: Missing closing "quote/,
    ],
    ['tabs for indentation', '---\nsources:\n\t- title: x\n---\n', '3:1', /Tabs .*indent with spaces/],
    ['a list instead of a map', '---\n- title: x\n---\n', '2:1', /must be a map of fields/],
    ['a bare string', '---\njust words\n---\n', '2:1', /must be a map of fields/],
    ['no front matter at all', '# A heading\n\nText.\n', '1:1', /must begin with front matter/],
    ['a closing line that is not exactly ---', '---\ntitle: x\n--- trailing\n', '3:1', /not a line of exactly/],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\n', '3:1', /unique/],
    ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x80]), '1:2', /not valid UTF-8/],
  ])('%s: frontmatter-invalid at the right line', (_, text, at, message) => {
    const { problems } = check(text);
    expect(brief(problems)).toEqual([`${FILE}:${at} error frontmatter-invalid`]);
    expect(problems[0]?.message).toMatch(message);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const { problems, model } = check(`\uFEFF${verdictText().replace(/\n/g, '\r\n')}`);
    expect(problems).toEqual([]);
    expect(model.verdicts[0]?.anchor?.method).toBe('exact');
  });

  it('reports a quote of only whitespace as field-invalid at the quote', () => {
    expect(brief(check(verdictText({ quote: "quote: ' \t '" })).problems)).toEqual([`${FILE}:4:8 error field-invalid`]);
  });

  it('refuses a seed id with ../ in it and reads nothing outside seeds/', () => {
    const { problems } = check(verdictText({ seed: 'seed: ../outside', sources: 'sources:\n  - seed: ../../etc/passwd' }), {
      'outside.txt': SEED_ALPHA,
    });
    expect(brief(problems)).toEqual([`${FILE}:3:7 error field-invalid`, `${FILE}:7:11 error source-invalid`]);
  });

  it('anchors a quote in a 10 MB seed', () => {
    const filler = 'An unrelated sentence about the weather in a distant town. '.repeat(170_000);
    const { problems, model, ms } = check(verdictText(), { 'seeds/alpha.txt': `${filler}\n\n${SEED_ALPHA}` });
    expect(problems).toEqual([]);
    expect(model.verdicts[0]?.anchor?.line).toBe(5);
    expect(ms).toBeLessThan(20_000); // a bound against hangs, not a speed target
  });

  it('refuses a seed over the size limit without reading it', () => {
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, [FILE]: verdictText({ sources: 'sources:\n  - seed: huge' }) });
    const handle = openSync(join(root, 'seeds/huge.txt'), 'w');
    ftruncateSync(handle, 65 * 1024 * 1024); // sparse: no real 65 MB written
    closeSync(handle);
    const { problems } = buildModel({ root });
    expect(brief(problems)).toEqual([`${FILE}:7:11 error seed-not-found`, 'seeds/huge.txt:1:1 error seed-invalid']);
    expect(problems[1]?.message).toContain('65.0 MB, over the 64.0 MB limit');
  });

  it('refuses a verdict file over the size limit and front matter over 1 MB', () => {
    const big = check(verdictText({}, 'x'.repeat(5 * 1024 * 1024)));
    expect(big.problems[0]?.message).toContain('over the 4.0 MB limit');
    const longFrontMatter = check(verdictText({ claim: `claim: ${'y'.repeat(1024 * 1024 + 10)}` }));
    expect(brief(longFrontMatter.problems)).toEqual([`${FILE}:1:1 error frontmatter-invalid`]);
    expect(longFrontMatter.problems[0]?.message).toContain('over the 1 MB limit');
  });

  it('refuses 100,000 sources (over the front matter limit) quickly', () => {
    const sources = `sources:\n${'  - seed: alpha\n'.repeat(100_000)}`.trimEnd();
    const { problems, ms } = check(verdictText({ sources }));
    expect(brief(problems)).toEqual([`${FILE}:1:1 error frontmatter-invalid`]);
    expect(ms).toBeLessThan(10_000);
  });

  it('stops a YAML alias bomb with a clear error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const { problems, ms } = check(`---\n${levels.join('\n')}\n---\n`);
    expect(brief(problems)).toEqual([`${FILE}:1:1 error frontmatter-invalid`]);
    expect(problems[0]?.message).toContain('aliases expand to too many nodes');
    expect(ms).toBeLessThan(10_000);
  });

  it.each([
    ['flow', `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`, /nested more than 64 levels/],
    // 10,000 levels of indentation need a 48 MB file: the size limit refuses it before any parsing.
    ['block', `---\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n---\n`, /47.7 MB, over the 4.0 MB limit/],
    [
      'block (300 levels)',
      `---\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n---\n`,
      /indented more than 256 columns/,
    ],
    ['compact list', `---\nsources:\n  ${'- '.repeat(10_000)}x\n---\n`, /indented more than 256 columns/],
  ])('refuses absurdly deep %s nesting with a clear error', (_, text, message) => {
    const { problems } = check(text);
    expect(problems.map((p) => p.rule)).toEqual(['frontmatter-invalid']);
    expect(problems[0]?.message).toMatch(message);
  });

  it('one broken file never hides the others: N broken files give N reports', () => {
    const broken = [
      '',
      '---\n',
      '---\n- a\n---\n',
      '---\na: [\n---\n',
      verdictText({ date: 'date: 2024-13-01' }),
      verdictText({ quote: 'quote: nowhere in the seed at all, not even close' }),
    ];
    const files = Object.fromEntries(broken.map((text, i) => [`content/verdicts/broken-${i}.md`, text]));
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/good.md': verdictText(), ...files });
    const model = buildModel({ root });
    expect(new Set(model.problems.map((p) => p.file))).toEqual(new Set(Object.keys(files)));
    expect(model.verdicts.map((v) => v.slug)).toContain('good');
  });
});
