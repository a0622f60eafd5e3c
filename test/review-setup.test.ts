// How `npm run review` runs in CI and what it says when it cannot: the job summary, GitHub
// annotations, a shallow clone without the base (what to fetch, exit 2), and bad arguments.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { edit, git, makeRepo, read, removeTempDirs, review, runInRepo, tempDir, write } from './support/git-project.ts';

afterAll(removeTempDirs);

describe('review in CI', () => {
  it('appends the report to GITHUB_STEP_SUMMARY and prints annotations with --format=github', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/mayor-hundred-years.md', 'rating: misleading', 'rating: false');
    const summary = path.join(tempDir('review'), 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const run = review(repo, ['--base', 'main', '--format=github'], { GITHUB_STEP_SUMMARY: summary });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=content\/verdicts\/mayor-hundred-years\.md,line=7,col=9,title=correction-missing::this verdict is published/m,
    );
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# Earlier step\n## Editorial review\n')).toBe(true);
    expect(written).toContain('### Rating changes');
    expect(written).not.toContain('::error');
  });

  it('annotates only the policy problems with --format=github: check --format=github annotates the rest, the summary lists all', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/mayor-hundred-years.md', 'rating: misleading', 'rating: false'); // correction-missing
    edit(repo, 'content/verdicts/sea-wall-cost.md', /^title: /m, 'sorces: []\ntitle: '); // field-unknown, a problem check knows
    write(repo, 'seeds/beta.txt', `${read(repo, 'seeds/beta.txt')}\nA closing line added later.\n`); // capture-changed: smallest-catch is anchored in it
    const summary = path.join(tempDir('review'), 'summary.md');
    const reviewed = review(repo, ['--base', 'main', '--format=github'], { GITHUB_STEP_SUMMARY: summary });
    const checked = runInRepo('check', repo, ['--format=github']);
    const titles = (output: string) => [...output.matchAll(/^::\w+ .*,title=([\w-]+)::/gm)].map((m) => m[1]!).sort();

    expect(reviewed.status).toBe(1);
    expect(titles(reviewed.stdout)).toEqual(['capture-changed', 'correction-missing']);
    expect(titles(checked.stdout)).toEqual(['field-unknown']);
    const listed = [...readFileSync(summary, 'utf8').matchAll(/^- \*\*\w+\*\* .* \\\[([\w-]+)\\\]$/gm)].map((m) => m[1]!).sort();
    expect(listed).toEqual(['capture-changed', 'correction-missing', 'field-unknown']);
  });

  it('compares against a branch of a shallow clone once it is fetched, and says what to fetch before', () => {
    const origin = makeRepo();
    git(origin, 'checkout', '-q', '-b', 'feature');
    edit(
      origin,
      'content/verdicts/sea-wall-cost.md',
      'title: The sea wall will cost 12 million pounds',
      'title: The sea wall costs 12 million pounds',
    );
    git(origin, 'commit', '-q', '-am', 'retitle');
    const clone = path.join(tempDir('review'), 'clone');
    git(path.dirname(clone), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);

    const missing = review(clone, ['--base', 'origin/main']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('The base revision "origin/main" is not available. This is a shallow clone');
    const advice = /^ {4}(git fetch .*)$/m.exec(missing.stderr)?.[1];
    expect(advice).toBe('git fetch --depth=1 origin main:refs/remotes/origin/main');
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace

    git(clone, ...advice!.split(' ').slice(1));
    const run = review(clone, ['--base', 'origin/main']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '`sea-wall-cost` title: “The sea wall will cost 12 million pounds” → “The sea wall costs 12 million pounds”',
    );
  });

  it('treats a base from before the content existed as empty: everything is new', () => {
    const repo = makeRepo();
    git(repo, 'checkout', '-q', '--orphan', 'empty');
    git(repo, 'rm', '-rq', '--cached', '.');
    write(repo, 'README.md', 'empty\n');
    git(repo, 'add', 'README.md');
    git(repo, 'commit', '-q', '-m', 'empty');
    const run = review(repo, ['--base', 'empty']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('5 new verdicts');
    expect(run.stdout).toContain('- `seeds/alpha.txt`: new seed');
  });
});

describe('review refuses to guess', () => {
  it('exits 2 with usage when --base is missing or an option is unknown', () => {
    const repo = makeRepo();
    for (const args of [
      [],
      ['--base', 'main', '--colour'],
      ['--base', 'main', '--preview-url', 'javascript:alert(1)'],
      ['--base', '--upload-pack=x'],
    ]) {
      const run = review(repo, args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^review: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 for an unknown revision and outside a git repository', () => {
    const repo = makeRepo();
    const unknown = review(repo, ['--base', 'no-such-branch']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('The base revision "no-such-branch" is not available. No such commit, branch or tag here.');

    const plain = tempDir('review');
    const outside = review(plain, ['--base', 'main']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^review: /);
    expect(outside.stderr).not.toMatch(/\n\s+at /);
  });
});
