// `npm run review` on verdicts edited in a pull request: new verdicts, rating, quote, title and claim
// changes, drafts that became published, and the open-corrections rule, run as the real command in a
// throwaway git repository.
import { afterAll, describe, expect, it } from 'vitest';
import { edit, makeRepo, removeTempDirs, review, section, write } from './support/git-project.ts';

afterAll(removeTempDirs);

const NEW_VERDICT = `---
title: Storms closed the fishing grounds
seed: beta
quote: storms closed the fishing grounds off the coast
rating: accurate
sources:
  - title: Coastguard notice
    url: https://example.org/coastguard
author: Test Editor
date: 2024-04-01
---
The coastguard closed the grounds for three days.
`;

describe('review of verdict changes', () => {
  it('reports no editorial changes and exits 0 when nothing changed', () => {
    const repo = makeRepo();
    const run = review(repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## Editorial review');
    expect(run.stdout).toContain('Compared `main`');
    expect(run.stdout).toContain('No editorial changes.');
    expect(run.stdout).toContain('**0 errors, 0 warnings**');
  });

  it('lists a new verdict with its rating label, seed, quote and preview link', () => {
    const repo = makeRepo();
    write(repo, 'content/verdicts/storms-closed-grounds.md', NEW_VERDICT);
    const run = review(repo, ['--base', 'main', '--preview-url', 'https://preview.example.org/pr-7/']);
    expect(run.status).toBe(0);
    const added = section(run.stdout, 'New verdicts');
    expect(added).toContain('**Storms closed the fishing grounds** (`storms-closed-grounds`): Accurate · `beta` line 3');
    expect(added).toContain('> “storms closed the fishing grounds off the coast”');
    expect(added).toContain('[preview](https://preview.example.org/pr-7/verdicts/storms-closed-grounds/)');
    expect(run.stdout).toContain('1 new verdict, 0 changed');
  });

  it('links a new draft to its page in the preview, which has one (a preview build renders drafts)', () => {
    const repo = makeRepo();
    write(repo, 'content/verdicts/storms-closed-grounds.md', NEW_VERDICT.replace('date: 2024-04-01\n', 'date: 2024-04-01\ndraft: true\n'));
    const run = review(repo, ['--base', 'main', '--preview-url', 'https://preview.example.org/pr-7/']);
    expect(run.status).toBe(0);
    const added = section(run.stdout, 'New verdicts');
    expect(added).toContain('· draft');
    expect(added).toContain('[preview](https://preview.example.org/pr-7/verdicts/storms-closed-grounds/)');
  });

  it("reports check's problems in a changed file, with file, line and rule", () => {
    const repo = makeRepo();
    write(repo, 'content/verdicts/storms-closed-grounds.md', NEW_VERDICT.replace('rating: accurate', 'rating: acurate'));
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Problems')).toMatch(
      /- \*\*error\*\* `content\/verdicts\/storms-closed-grounds\.md:5:9` .*\\\[rating-unknown\\\]/,
    );
  });

  it('flags a rating change of a published verdict without a correction (correction-missing) and exits 1', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/mayor-hundred-years.md', 'rating: misleading', 'rating: false');
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Rating changes')).toContain(
      '**The wall will protect every home for a century** (`mayor-hundred-years`): Misleading → **False**',
    );
    const problems = section(run.stdout, 'Problems');
    expect(problems).toContain('`content/verdicts/mayor-hundred-years.md:7:9`');
    expect(problems).toContain('the rating (misleading -> false) changed, but no entry was added to its corrections log');
    expect(problems).toContain('\\[correction-missing\\]');
    expect(run.stdout).toContain('**1 error, 0 warnings**');
  });

  it('accepts the same rating change once a correction is logged', () => {
    const repo = makeRepo();
    edit(
      repo,
      'content/verdicts/mayor-hundred-years.md',
      'rating: misleading',
      'rating: false\ncorrections:\n  - date: 2024-04-02\n    note: The engineers confirmed a fifty-year design life; rating changed from misleading to false.',
    );
    const run = review(repo);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('correction-missing');
    expect(section(run.stdout, 'Other edits')).toContain('`mayor-hundred-years`: correction added (2024-04-02): The engineers confirmed');
  });

  it('shows a quote change with the old and new passage and where the anchor moved', () => {
    const repo = makeRepo();
    edit(
      repo,
      'content/verdicts/budget-doubled.md',
      'quote: the budget had doubled since the plan was first proposed in 2019',
      'quote: close the harbour for two summers',
    );
    const run = review(repo);
    const quotes = section(run.stdout, 'Quote changes');
    expect(quotes).toContain('(`budget-doubled`): anchor moved from line 7, column 14 to line 9, column 48');
    expect(quotes).toContain('- before: “the budget had doubled since the plan was first proposed in 2019”');
    expect(quotes).toContain('- after: “close the harbour for two summers”');
    // Published, and the quote changed without a correction.
    expect(section(run.stdout, 'Problems')).toContain('\\[correction-missing\\]');
    expect(run.status).toBe(1);
  });

  it('reports title and claim changes; a title change alone needs no correction', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/sea-wall-cost.md', 'title: The sea wall will cost 12 million pounds', 'title: The sea wall costs £12m');
    let run = review(repo);
    expect(run.status).toBe(0);
    expect(section(run.stdout, 'Title and claim changes')).toContain(
      '`sea-wall-cost` title: “The sea wall will cost 12 million pounds” → “The sea wall costs £12m”',
    );

    edit(repo, 'content/verdicts/mayor-hundred-years.md', /^claim: .*$/m, 'claim: Every home will be safe from the sea until 2124.');
    run = review(repo);
    expect(section(run.stdout, 'Title and claim changes')).toContain(
      '`mayor-hundred-years` claim: “The sea wall will protect every home in Port Ellery for a hundred years.” → “Every home will be safe from the sea until 2124.”',
    );
    expect(section(run.stdout, 'Problems')).toContain('the claim changed, but no entry was added');
    expect(run.status).toBe(1);
  });

  it('lists a draft that became published, and needs no correction for edits made while it was a draft', () => {
    const repo = makeRepo();
    edit(repo, 'content/verdicts/harbour-closure.md', 'draft: true\n', '');
    edit(repo, 'content/verdicts/harbour-closure.md', 'rating: unsupported', 'rating: mixed');
    const run = review(repo, ['--base', 'main', '--preview-url', 'https://preview.example.org']);
    expect(run.status).toBe(0);
    expect(section(run.stdout, 'Newly published')).toContain(
      '**The works will close the harbour for two summers** (`harbour-closure`) is no longer a draft · [preview](https://preview.example.org/verdicts/harbour-closure/)',
    );
    expect(section(run.stdout, 'Rating changes')).toContain('Unsupported → **Mixed**');
    expect(run.stdout).not.toContain('correction-missing');
  });

  it('escapes Markdown and HTML an editor wrote in a title', () => {
    const repo = makeRepo();
    write(
      repo,
      'content/verdicts/storms-closed-grounds.md',
      NEW_VERDICT.replace(
        'title: Storms closed the fishing grounds',
        'title: "<img src=x onerror=alert(1)> [link](javascript:x) @team *bold*"',
      ),
    );
    const run = review(repo);
    const added = section(run.stdout, 'New verdicts');
    expect(added).toContain('&lt;img src=x onerror=alert(1)> \\[link\\](javascript:x) &#64;team \\*bold\\*');
    expect(added).not.toContain('<img');
  });
});
