// Seeds are evidence and are kept byte for byte, but a seed that is not text (UTF-16 without a BOM, a
// binary file) is an error saying what it probably is, and the invisible characters that act on a
// terminal or on the text's direction are a text-invisible warning at their line and column.
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { loadSeeds } from '../src/content/seeds.ts';
import type { Problem } from '../src/model/types.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

afterAll(removeProjects);

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const brief = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);

function seedProblems(bytes: string | Uint8Array) {
  return loadSeeds(makeProject({ 'seeds/s.txt': bytes }));
}

describe('seeds that are not text', () => {
  it.each([
    [
      'UTF-16 little-endian without a BOM',
      utf16le('Harbour town votes\nThe council voted.\n'),
      /UTF-16 \(little-endian\) without a byte-order mark/,
    ],
    [
      'UTF-16 big-endian without a BOM',
      utf16be('Harbour town votes\nThe council voted.\n'),
      /UTF-16 \(big-endian\) without a byte-order mark/,
    ],
    ['UTF-16 with accents (not valid UTF-8 either)', utf16le('Café à Port Ellery, déjà vu\n'), /UTF-16 \(little-endian\)/],
    [
      'a PDF',
      Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), Buffer.from([0, 0, 0x13, 0x80])]),
      /is a PDF document, not text/,
    ],
    ['a .docx (a ZIP archive)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]), /is a ZIP archive/],
    [
      'binary data that happens to be valid UTF-8',
      Buffer.from('text\nmore\u0000\u0000\u0001 binary\n'),
      /contains NUL bytes .*probably a binary file/,
    ],
  ])('%s is an error that says what the file probably is', (_, bytes, message) => {
    const { seeds, problems, rejected } = seedProblems(bytes);
    expect(seeds).toEqual([]);
    expect(rejected).toEqual(['s']);
    expect(brief(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'seeds/s.txt', severity: 'error', rule: 'seed-invalid' });
    expect(problems[0]!.message).toMatch(message);
  });

  it('points at the first NUL byte of a binary file that is valid UTF-8', () => {
    const { problems } = seedProblems('line one\nline two has a \u0000 here\n');
    expect(brief(problems)).toEqual(['seeds/s.txt:2:16 error seed-invalid']);
  });
});

describe('invisible characters in a seed', () => {
  it('warns about controls, DEL, C1 and bidi controls at their line:col, naming the code point, once per code point', () => {
    const text = 'Harbour town\nA \u001B[2K line\u007F and \u0085 NEL\nevil\u202Etxt.exe and \u2066isolate\u2069 and again \u202E\n';
    const { seeds, problems } = seedProblems(text);
    expect(seeds).toHaveLength(1);
    expect(seeds[0]!.text).toBe(text);
    expect(brief(problems)).toEqual([
      'seeds/s.txt:2:3 warning text-invisible',
      'seeds/s.txt:2:12 warning text-invisible',
      'seeds/s.txt:2:18 warning text-invisible',
      'seeds/s.txt:3:5 warning text-invisible',
      'seeds/s.txt:3:18 warning text-invisible',
      'seeds/s.txt:3:26 warning text-invisible',
    ]);
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toContain('U+001B ESCAPE');
    expect(messages).toContain('U+007F DELETE');
    expect(messages).toContain('U+0085 NEXT LINE');
    expect(messages).toMatch(/U\+202E RIGHT-TO-LEFT OVERRIDE at 3:5 \(2 times\)/);
    expect(messages).toContain('U+2066 LEFT-TO-RIGHT ISOLATE');
    expect(messages).toContain('U+2069 POP DIRECTIONAL ISOLATE');
  });

  it('leaves TAB, CR, LF and the marks LRM, RLM and ALM alone', () => {
    const { problems } = seedProblems('שלום\u200F עולם\r\nA\u200E b\tc \u061C د\n');
    expect(problems).toEqual([]);
  });

  it('still anchors quotes in such a seed: the text is kept as it is', () => {
    const seed = SEED_ALPHA.replace('The council of Port Ellery', 'The council\u202E of Port Ellery');
    const model = buildModel({
      root: makeProject({ 'seeds/alpha.txt': seed, 'content/verdicts/x.md': verdictText({ quote: 'quote: "to build a new sea wall"' }) }),
    });
    expect(brief(model.problems)).toEqual(['seeds/alpha.txt:3:12 warning text-invisible']);
    expect(model.verdicts[0]!.anchor?.method).toBe('exact');
  });

  it('refuses them in the seed metadata, which is written by an editor, not evidence', () => {
    const root = makeProject({
      'seeds/s.txt': 'Text.\n',
      'seeds/s.yml': 'title: "Erased\\e[2K"\noutlet: "Gazette \\u202Eevil"\nlanguage: en\n',
    });
    const { seeds, problems } = loadSeeds(root);
    expect(brief(problems)).toEqual(['seeds/s.yml:1:8 error seed-invalid', 'seeds/s.yml:2:9 error seed-invalid']);
    expect(problems[0]!.message).toContain('U+001B ESCAPE');
    expect(problems[1]!.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(seeds[0]!.meta).toEqual({ language: 'en' });
  });
});

describe('invisible characters in a verdict', () => {
  it('are an error at their line and column: a verdict is written by an editor, not evidence', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'content/verdicts/x.md': verdictText(
        { title: 'title: "Sea wall \\e[2K vote"', author: 'author: "Editor \\u202Eevil"' },
        'The council\u0007 voted.\n',
      ),
    });
    const { problems } = buildModel({ root });
    expect(brief(problems)).toEqual([
      'content/verdicts/x.md:2:8 error text-invisible',
      'content/verdicts/x.md:9:9 error text-invisible',
      'content/verdicts/x.md:12:12 error text-invisible',
    ]);
    expect(problems[0]!.message).toMatch(/^the field "title" contains U\+001B ESCAPE at character 10, written as a YAML escape/);
    expect(problems[1]!.message).toMatch(
      /^the field "author" contains U\+202E RIGHT-TO-LEFT OVERRIDE at character 8, written as a YAML escape/,
    );
    expect(problems[2]!.message).toMatch(/^the verdict contains U\+0007 BELL at 12:12/);
  });
});
