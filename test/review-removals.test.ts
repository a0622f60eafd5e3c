// `npm run review` when verdicts disappear: a published verdict deleted, renamed (by git or by hand)
// or turned back into a draft breaks its URL unless a redirect is declared (published-removed).
import { renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { edit, git, makeRepo, read, remove, removeTempDirs, review, section, write } from './support/git-project.ts';

afterAll(removeTempDirs);

describe('review of removed and renamed verdicts', () => {
  it('flags a deleted published verdict (published-removed) and exits 1', () => {
    const repo = makeRepo();
    remove(repo, 'content/verdicts/budget-doubled.md');
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Removed verdicts')).toContain('**The budget has doubled since 2019** (`budget-doubled`)');
    const problems = section(run.stdout, 'Problems');
    expect(problems).toContain('`content/verdicts/budget-doubled.md:1:1`');
    expect(problems).toContain('its URL /verdicts/budget-doubled/ would break');
    expect(problems).toContain('\\[published-removed\\]');
  });

  it('accepts the deletion when another verdict declares redirect_from for it', () => {
    const repo = makeRepo();
    remove(repo, 'content/verdicts/budget-doubled.md');
    edit(repo, 'content/verdicts/sea-wall-cost.md', 'date: 2024-03-01', 'date: 2024-03-01\nredirect_from: [budget-doubled]');
    const run = review(repo);
    expect(run.stdout).not.toContain('published-removed');
    expect(run.status).toBe(0);
  });

  it('deleting a draft is not an error', () => {
    const repo = makeRepo();
    remove(repo, 'content/verdicts/harbour-closure.md');
    const run = review(repo);
    expect(run.status).toBe(0);
    expect(section(run.stdout, 'Removed verdicts')).toContain('(`harbour-closure`) (was a draft)');
  });

  it('detects a git rename (git mv) and asks for redirect_from', () => {
    const repo = makeRepo();
    git(repo, 'mv', 'content/verdicts/sea-wall-cost.md', 'content/verdicts/sea-wall-price.md');
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Renamed verdicts')).toContain(
      '`content/verdicts/sea-wall-cost.md` → `content/verdicts/sea-wall-price.md` (no redirect from the old URL)',
    );
    expect(section(run.stdout, 'New verdicts')).toBe('');
    expect(section(run.stdout, 'Removed verdicts')).toBe('');
    const problems = section(run.stdout, 'Problems');
    expect(problems).toContain('`content/verdicts/sea-wall-price.md:');
    // Markdown-escaped: problem messages can carry an editor's text.
    expect(problems).toContain('Add \\`redirect\\_from: \\[sea-wall-cost\\]\\` to this file');
    expect(problems).toContain('\\[published-removed\\]');
  });

  it('detects a rename of an untracked copy by its seed and quote, and accepts it with redirect_from', () => {
    const repo = makeRepo();
    const from = path.join(repo, 'content/verdicts/smallest-catch.md');
    renameSync(from, path.join(repo, 'content/verdicts/record-low-catch.md'));
    edit(repo, 'content/verdicts/record-low-catch.md', 'date: 2024-03-05', 'date: 2024-03-05\nredirect_from:\n  - smallest-catch');
    const run = review(repo);
    expect(section(run.stdout, 'Renamed verdicts')).toContain(
      '`content/verdicts/smallest-catch.md` → `content/verdicts/record-low-catch.md` (old URL redirects)',
    );
    expect(run.stdout).not.toContain('published-removed');
    expect(run.status).toBe(0);
  });

  it('flags a published verdict turned back into a draft', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/smallest-catch.md', 'date: 2024-03-05', 'date: 2024-03-05\ndraft: true');
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Removed verdicts')).toContain('(`smallest-catch`) is a draft again (was published)');
    expect(section(run.stdout, 'Problems')).toMatch(
      /`content\/verdicts\/smallest-catch\.md:11:8` this verdict was published and is now a draft.*\\\[published-removed\\\]/,
    );
  });

  it('reports a redirect that would replace a live page, as check does', () => {
    const repo = makeRepo();
    write(
      repo,
      'content/verdicts/sea-wall-cost.md',
      read(repo, 'content/verdicts/sea-wall-cost.md').replace('date: 2024-03-01', 'date: 2024-03-01\nredirect_from: [budget-doubled]'),
    );
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Problems')).toContain('`content/verdicts/sea-wall-cost.md:');
    expect(section(run.stdout, 'Problems')).toContain('\\[duplicate-slug\\]');
  });
});
