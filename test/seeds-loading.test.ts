import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeeds, paragraphsOf } from '../src/content/seeds.ts';
import { makeProject, removeProjects } from './support/project.ts';

afterAll(removeProjects);

const CLEAN = new URL('./fixtures/clean/', import.meta.url).pathname;

describe('seed loading', () => {
  it('loads seeds sorted by id with the sha256 of their exact bytes', () => {
    const { seeds, problems } = loadSeeds(CLEAN);
    expect(problems).toEqual([]);
    expect(seeds.map((s) => s.id)).toEqual(['alpha', 'beta']);
    for (const seed of seeds) {
      const bytes = readFileSync(join(CLEAN, seed.file));
      expect(seed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('sorts by id, not by file name', () => {
    const { seeds } = loadSeeds(makeProject({ 'seeds/a-b.txt': 'x', 'seeds/a.txt': 'y', 'seeds/B.txt': 'z' }));
    expect(seeds.map((s) => s.id)).toEqual(['B', 'a', 'a-b']);
  });

  it('removes a BOM from the text, keeps CRLF endings and finds paragraphs between them', () => {
    const beta = loadSeeds(CLEAN).seeds.find((s) => s.id === 'beta')!;
    expect(beta.text.startsWith('Repost:')).toBe(true);
    expect(beta.text).toContain('\r\n');
    expect(beta.paragraphs.map((p) => beta.text.slice(p.start, p.end))).toEqual([
      'Repost: Port Ellery sea wall',
      'The council of Port Ellery voted on Tuesday to build a new sea wall along the northern harbour.',
      'Critics said the project was rushed. \u201cWe have not seen the engineering report,\u201d one councillor said.',
    ]);
  });

  it('splits paragraphs on every kind of line break and skips blank or whitespace-only lines', () => {
    const text = 'one\n\ntwo\r\nthree\rfour\n   \n\tfive  \n';
    expect(paragraphsOf(text).map((p) => text.slice(p.start, p.end))).toEqual(['one', 'two', 'three', 'four', '\tfive  ']);
    expect(paragraphsOf('')).toEqual([]);
  });

  it('reads metadata and validates its URLs and date', () => {
    const root = makeProject({
      'seeds/a.txt': 'Text.',
      'seeds/a.yml':
        'title: T\noutlet: O\nurl: https://example.org/a\npublished: 2024-02-27\nlanguage: en\narchived: https://web.archive.org/x',
      'seeds/b.txt': 'Text.',
      'seeds/b.yml': 'url: javascript:alert(1)\npublished: 2024-13-01\narchived: /relative\nauthor: someone\n',
    });
    const { seeds, problems } = loadSeeds(root);
    expect(seeds[0]?.meta).toEqual({
      title: 'T',
      outlet: 'O',
      url: 'https://example.org/a',
      published: '2024-02-27',
      language: 'en',
      archived: 'https://web.archive.org/x',
    });
    expect(seeds[0]?.metaFile).toBe('seeds/a.yml');
    expect(seeds[1]?.meta).toEqual({});
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`)).toEqual([
      'seeds/b.yml:1:6 error seed-invalid',
      'seeds/b.yml:2:12 error date-invalid',
      'seeds/b.yml:3:11 error seed-invalid',
      'seeds/b.yml:4:9 warning field-unknown',
    ]);
  });

  it('skips a file whose name is not a valid id and says how to rename it', () => {
    const root = makeProject({ 'seeds/my seed.txt': 'Text.', 'seeds/-dash.txt': 'Text.', 'seeds/ok_1-A.txt': 'Text.' });
    const { seeds, problems, rejected } = loadSeeds(root);
    expect(seeds.map((s) => s.id)).toEqual(['ok_1-A']);
    expect(rejected.sort()).toEqual(['-dash', 'my seed']);
    expect(problems.map((p) => [p.file, p.rule])).toEqual([
      ['seeds/-dash.txt', 'seed-invalid'],
      ['seeds/my seed.txt', 'seed-invalid'],
    ]);
    expect(problems[1]?.message).toContain('seeds/my-seed.txt');
  });

  it('reports invalid UTF-8 with the line of the first bad byte, and UTF-16 files', () => {
    const root = makeProject({
      'seeds/latin1.txt': Buffer.concat([Buffer.from('fine\nstill fine\ncaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
      'seeds/wide.txt': Buffer.from('\ufeffhello', 'utf16le'),
    });
    const { seeds, problems } = loadSeeds(root);
    expect(seeds).toEqual([]);
    expect(problems).toMatchObject([
      { file: 'seeds/latin1.txt', line: 3, column: 4, rule: 'seed-invalid' },
      { file: 'seeds/wide.txt', line: 1, rule: 'seed-invalid' },
    ]);
    expect(problems[0]?.message).toContain('not valid UTF-8 (byte 0xE9 at line 3)');
    expect(problems[1]?.message).toContain('UTF-16');
  });

  it('reports ids that differ only in letter case', () => {
    const root = makeProject({ 'seeds/Report.txt': 'A', 'seeds/report.txt': 'B' });
    const { problems } = loadSeeds(root);
    expect(problems).toMatchObject([{ file: 'seeds/report.txt', rule: 'seed-invalid' }]);
  });

  it('loads an empty seed with a warning', () => {
    const { seeds, problems } = loadSeeds(makeProject({ 'seeds/empty.txt': '\uFEFF\r\n' }));
    expect(seeds.map((s) => [s.id, s.text, s.paragraphs])).toEqual([['empty', '\r\n', []]]);
    expect(problems).toMatchObject([{ file: 'seeds/empty.txt', severity: 'warning', rule: 'seed-invalid' }]);
  });

  it('warns about metadata without a seed', () => {
    const { problems } = loadSeeds(makeProject({ 'seeds/ghost.yml': 'title: x', 'seeds/a.txt': 'A', 'seeds/a.yaml': 'title: y' }));
    expect(problems.map((p) => [p.file, p.severity])).toEqual([
      ['seeds/a.yaml', 'warning'],
      ['seeds/ghost.yml', 'warning'],
    ]);
  });

  it('does not follow a symbolic link out of seeds/', () => {
    const root = makeProject({ 'outside.txt': 'secret' });
    symlinkSync(join(root, 'outside.txt'), join(root, 'seeds/link.txt'));
    const { seeds, problems } = loadSeeds(root);
    expect(seeds).toEqual([]);
    expect(problems[0]?.message).toContain('symbolic link');
  });

  it('never writes to seeds/', () => {
    const root = makeProject({ 'seeds/a.txt': 'A', 'seeds/a.yml': 'title: [broken' });
    const before = readdirSync(join(root, 'seeds')).map((name) => [name, statSync(join(root, 'seeds', name)).mtimeMs]);
    loadSeeds(root);
    const after = readdirSync(join(root, 'seeds')).map((name) => [name, statSync(join(root, 'seeds', name)).mtimeMs]);
    expect(after).toEqual(before);
  });
});
