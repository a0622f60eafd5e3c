// Nothing untrusted reaches a terminal raw: file names, field values and seed words are printed by
// check, review and new with C0/C1 controls, DEL and bidi controls written `\u{XX}` (src/model/visible.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithub, formatJson, formatText } from '../src/model/report.ts';
import { md } from '../src/review/markdown.ts';
import type { Problem } from '../src/model/types.ts';
import { visible } from '../src/model/visible.ts';
import { edit, makeRepo, removeTempDirs, review, runInRepo } from './support/git-project.ts';
import { makeProject, removeProjects, SEED_ALPHA } from './support/project.ts';
import { runCliSync } from './support/cli.ts';

afterAll(removeProjects);
afterAll(removeTempDirs);

/** Every character a terminal or the bidi algorithm acts on, except the line breaks (tested apart). */
const HOSTILE = '\u0000\u0007\u0008\u001B[1A\u001B[2K\u007F\u0085\u009B31m\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const problem: Problem = {
  file: `seeds/evil${HOSTILE}.txt`,
  line: 1,
  column: 1,
  severity: 'error',
  rule: 'seed-invalid',
  message: `seed id "evil${HOSTILE}" is not allowed`,
};

describe('untrusted text on a terminal', () => {
  it('writes every control, DEL and bidi control as \\u{XX}, and leaves LRM, RLM, ALM and ordinary text alone', () => {
    expect(visible('a\u001B[2Kb\u202Ec')).toBe('a\\u{1B}[2Kb\\u{202E}c');
    expect(visible('\u0000\t\r\u007F\u0085\u2066')).toBe('\\u{0}\\u{9}\\u{D}\\u{7F}\\u{85}\\u{2066}');
    expect(visible('שלום\u200F \u200E \u061C éß 日本')).toBe('שלום\u200F \u200E \u061C éß 日本');
    expect(visible('two\nlines', { keepLineFeeds: true })).toBe('two\nlines');
    expect(visible('two\nlines')).toBe('two\\u{A}lines');
  });

  it('prints check text output with them visible: a file name cannot erase the line before it', () => {
    const text = formatText([problem]);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('seeds/evil\\u{0}\\u{7}\\u{8}\\u{1B}[1A\\u{1B}[2K\\u{7F}\\u{85}\\u{9B}31m\\u{202A}');
    expect(text.split('\n')).toHaveLength(2);
  });

  it('escapes GitHub annotations for GitHub and makes the same characters visible', () => {
    const github = formatGithub([{ ...problem, message: `${problem.message}\r\nnext` }]);
    expect(github).not.toMatch(RAW);
    expect(github).toContain('%0D%0Anext');
    expect(github).toContain('\\u{1B}[1A');
    expect(github.split('\n')).toHaveLength(2);
  });

  it('keeps JSON output valid JSON with the same values, every such character as a \\u escape', () => {
    const json = formatJson([problem]);
    expect(json).not.toMatch(RAW);
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(json).toContain('\\u202E');
    expect(JSON.parse(json)).toEqual([problem]);
    const separators = formatJson([{ ...problem, message: 'a\u2028b\u2029c' }]);
    expect(separators).toContain('a\\u2028b\\u2029c');
    expect((JSON.parse(separators) as { message: string }[])[0]!.message).toBe('a\u2028b\u2029c');
  });

  it('makes them visible in the review Markdown too', () => {
    const text = md(`title ${HOSTILE}`);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\u{202E}');
  });

  it('npm run check: a seed named with ESC[1A ESC[2K prints on its own line, visibly', () => {
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'seeds/x\u001B[1A\u001B[2K\u202E.txt': 'text\n' });
    const result = runCliSync('check', ['--root', root]);
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stdout).toContain(
      'seeds/x\\u{1B}[1A\\u{1B}[2K\\u{202E}.txt:1:1: error: seed id "x\\u{1B}[1A\\u{1B}[2K\\u{202E}" is not allowed',
    );
    const json = runCliSync('check', ['--format=json', '--root', root]);
    expect(json.stdout).not.toMatch(RAW);
    expect((JSON.parse(json.stdout) as { file: string }[])[0]!.file).toBe('seeds/x\u001B[1A\u001B[2K\u202E.txt');
  });

  it('npm run new: a seed id given on the command line is echoed visibly', () => {
    const repo = makeRepo();
    const run = runInRepo('new', repo, ['--seed', 'nope\u001B[2K\u202E', '--quote', 'anything']);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('There is no seed "nope\\u{1B}[2K\\u{202E}"');
  });

  it('npm run review: a verdict title with controls is reported visibly, in Markdown and in annotations', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/mayor-hundred-years.md', /^title: .*$/m, 'title: "Erased\\e[2K \\u202Eline"');
    edit(repo, 'content/verdicts/mayor-hundred-years.md', 'rating: misleading', 'rating: false');
    const run = review(repo, ['--base', 'main', '--format=github']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(RAW);
    expect(run.stdout).toContain('Erased\\\\u{1B}\\[2K \\\\u{202E}line');
  });
});
