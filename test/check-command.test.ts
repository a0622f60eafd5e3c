// The real `check` command, run as a user runs it, on fixture projects: exit status and output.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { runCliSync } from './support/cli.ts';

afterAll(removeProjects);

const PROJECT = new URL('..', import.meta.url).pathname;
const fixture = (name: string) => join(PROJECT, 'test/fixtures', name);

function check(...args: string[]) {
  const result = runCliSync('check', args);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.split('\n').filter(Boolean).join('\n') };
}

describe('npm run check', () => {
  it('exits 0 on a clean project and prints only the summary', () => {
    const { status, stdout, stderr } = check('--root', fixture('clean'));
    expect(stdout).toBe('');
    expect(stderr).toBe('0 errors, 0 warnings in 7 files');
    expect(status).toBe(0);
  });

  it('exits 1 and prints one compiler-style line per problem', () => {
    const { status, stdout, stderr } = check('--root', fixture('rules'));
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(27);
    for (const line of lines) expect(line).toMatch(/^(content\/verdicts|seeds)\/[^:]+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$/);
    expect(lines).toContain(
      'content/verdicts/rating-unknown.md:5:9: error: rating "flase" is not on the scale (content/_data/ratings.yml). Did you mean "false"? Valid ratings: accurate, mostly-accurate, mixed, misleading, false, unsupported. [rating-unknown]',
    );
    expect(stderr).toBe('23 errors, 4 warnings in 23 files');
    expect(status).toBe(1);
  });

  it('prints JSON with project-relative files and 1-based positions', () => {
    const { status, stdout, stderr } = check('--format=json', '--root', fixture('rules'));
    const problems: unknown = JSON.parse(stdout);
    expect(problems).toHaveLength(27);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/verdicts/quote-ambiguous.md',
        line: 4,
        column: 8,
        severity: 'error',
        rule: 'quote-ambiguous',
      }),
    );
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('prints GitHub workflow commands', () => {
    const { status, stdout } = check('--format', 'github', '--root', fixture('rules'));
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(27);
    expect(lines).toContain(
      '::warning file=content/verdicts/field-unknown.md,line=11,col=1,title=field-unknown::unknown field "sorces"; it is ignored. Did you mean "sources"?',
    );
    expect(status).toBe(1);
  });

  it('passes with warnings, and fails on them with --strict', () => {
    const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/x.md': verdictText({ extra: 'sorces: []' }) });
    const relaxed = check('--root', root);
    expect([relaxed.status, relaxed.stderr]).toEqual([0, '0 errors, 1 warning in 4 files']);
    const strict = check('--strict', '--root', root);
    expect(strict.stdout).toBe(
      'content/verdicts/x.md:11:1: error: unknown field "sorces"; it is ignored. Did you mean "sources"? [field-unknown]\n',
    );
    expect([strict.status, strict.stderr]).toEqual([1, '1 error, 0 warnings in 4 files']);
  });

  it.each([
    [['--frmat=json'], /Unknown option '--frmat'/],
    [['--format=xml'], /unknown format "xml"/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('exits 2 with usage on bad arguments %j', (args, message) => {
    const { status, stdout, stderr } = check(...args);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run check');
    expect(status).toBe(2);
  });

  it('exits 2 with a one-line message, not a stack trace, when the project is unusable', () => {
    const root = makeProject({});
    rmSync(join(root, 'seeds'), { recursive: true });
    const { status, stdout, stderr } = check('--root', root);
    expect(stdout).toBe('');
    expect(stderr).toBe(`check: No seeds/ folder in ${root}: the source texts live in seeds/<id>.txt; is --root the project folder?`);
    expect(status).toBe(2);
  });

  it('exits 2 when the project folder does not exist', () => {
    const { status, stderr } = check('--root', '/nonexistent/project');
    expect(stderr).toBe('check: The project folder /nonexistent/project does not exist or is not a folder.');
    expect(status).toBe(2);
  });

  it('runs through the npm script', () => {
    const result = spawnSync('npm', ['run', '--silent', 'check', '--', '--format=json', `--root=${fixture('clean')}`], {
      cwd: PROJECT,
      encoding: 'utf8',
    });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
  });
});
