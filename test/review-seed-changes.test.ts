// `npm run review` when a seed's bytes change: for every verdict anchored in it what happened to its anchor
// (still exact, moved, now approximate with the difference, or lost), and, since published verdicts are
// anchored in these seeds, a capture-changed error (review-captures.test.ts covers captures nobody uses).
import { afterAll, describe, expect, it } from 'vitest';
import { edit, makeRepo, removeTempDirs, review, section, write } from './support/git-project.ts';

afterAll(removeTempDirs);

describe('review of seed changes', () => {
  it("lists every anchored verdict's fate, and fails: published verdicts are anchored in the rewritten seed", () => {
    const repo = makeRepo();
    // After the sea-wall sentence (unchanged): a typo in the mayor's quote, the budget sentence gone,
    // and the harbour sentence pushed down a line.
    edit(repo, 'seeds/alpha.txt', 'for a hundred years', 'for a hundrd years');
    edit(
      repo,
      'seeds/alpha.txt',
      'Critics said the budget had doubled since the plan was first proposed in 2019.',
      'Critics said the plan had changed.\nThey asked for a public inquiry.',
    );
    const run = review(repo);
    const seeds = section(run.stdout, 'Seed changes');
    expect(seeds).toMatch(/- `seeds\/alpha\.txt`: the bytes changed \(sha256 `[0-9a-f]{12}` → `[0-9a-f]{12}`\)/);
    expect(seeds).toContain('(`sea-wall-cost`): still exact at line 3');
    expect(seeds).toContain('(`harbour-closure`): moved from line 9, column 48 to line 10, column 48');
    expect(seeds).toMatch(/\(`mayor-hundred-years`\): now approximate at line 5: .*hundrd/);
    expect(seeds).toMatch(/\(`budget-doubled`\): \*\*lost\*\*: .+/);
    expect(seeds).not.toContain('smallest-catch');

    const problems = section(run.stdout, 'Problems');
    expect(problems).toContain(
      '**error** `seeds/alpha.txt:5:1` capture seeds/alpha.txt was rewritten (lines 5, 7, 8: "hundred" -> "hundrd"; "budget" -> "plan";',
    );
    // harbour-closure, a draft, is not named.
    expect(problems).toContain(
      'but published verdicts are anchored in it: budget-doubled (line 7), mayor-hundred-years (line 5), sea-wall-cost (line 3).',
    );
    expect(problems).toContain("add the article's new text as seeds/alpha&#64;YYYY-MM-DD.txt");
    expect(problems).toContain('\\[capture-changed\\]');
    expect(problems).not.toContain('\\[seed-changed\\]');
    // The verdict files did not change, but the seed edit broke or weakened their anchors: check's problems show it.
    expect(problems).toMatch(/\*\*error\*\* `content\/verdicts\/budget-doubled\.md:4:8` .*\\\[quote-not-found\\\]/);
    // A published verdict whose quote is no longer the seed's words is an error too.
    expect(problems).toMatch(/\*\*error\*\* `content\/verdicts\/mayor-hundred-years\.md:4:8` .*\\\[quote-approximate\\\]/);
    expect(run.status).toBe(1);
  });

  it('a seed change that keeps every anchor is still an error when a published verdict is anchored in it', () => {
    const repo = makeRepo();
    edit(
      repo,
      'seeds/beta.txt',
      'records began, the harbour office said.',
      'records began, the harbour office said.\n\nUpdated on Friday.',
    );
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(section(run.stdout, 'Seed changes')).toContain('(`smallest-catch`): still exact at line 5');
    expect(run.stdout).toContain('**1 error, 0 warnings**');
    expect(section(run.stdout, 'Problems')).toContain(
      'capture seeds/beta.txt was rewritten (lines 6, 7: "Updated on Friday." added), but a published verdict is anchored in it: smallest-catch (line 5).',
    );
  });

  it('a fix on an earlier line shifts offsets but leaves every anchor where it was', () => {
    const repo = makeRepo();
    edit(repo, 'seeds/alpha.txt', 'Port Ellery council votes for sea wall', 'Port Ellery council votes for a new sea wall');
    const run = review(repo);
    const seeds = section(run.stdout, 'Seed changes');
    expect(seeds).toContain('(`sea-wall-cost`): still exact at line 3');
    expect(seeds).toContain('(`harbour-closure`): still exact at line 9');
    expect(seeds).not.toContain('moved');
    expect(section(run.stdout, 'Problems')).toContain('capture seeds/alpha.txt was rewritten (line 1: "a new" added)');
    expect(run.status).toBe(1);
  });

  it('lists new and removed seeds', () => {
    const repo = makeRepo();
    write(repo, 'seeds/gamma.txt', 'A third article.\n');
    const run = review(repo);
    expect(section(run.stdout, 'Seed changes')).toContain('- `seeds/gamma.txt`: new seed');
    expect(run.status).toBe(0);
  });
});
