// `npm run review` when a seed's bytes change: a seed-changed warning, and for every verdict anchored
// in it what happened to its anchor: still exact, moved, now approximate (with the difference) or lost.
import { afterAll, describe, expect, it } from 'vitest';
import { edit, makeRepo, removeAll, review, section, write } from './helpers/git-project.ts';

afterAll(removeAll);

describe('review of seed changes', () => {
  it("lists every anchored verdict's fate and warns seed-changed", () => {
    const repo = makeRepo();
    // After the sea-wall sentence (unchanged): a typo in the mayor's quote, the budget sentence gone,
    // and the harbour sentence pushed down a line.
    edit(repo, 'seeds/alpha.txt', 'for a hundred years', 'for a hundrd years');
    edit(repo, 'seeds/alpha.txt', 'Critics said the budget had doubled since the plan was first proposed in 2019.', 'Critics said the plan had changed.\nThey asked for a public inquiry.');
    const run = review(repo);
    const seeds = section(run.stdout, 'Seed changes');
    expect(seeds).toMatch(/- `seeds\/alpha\.txt`: the bytes changed \(sha256 `[0-9a-f]{12}` → `[0-9a-f]{12}`\)/);
    expect(seeds).toContain('(`sea-wall-cost`): still exact at line 3');
    expect(seeds).toContain('(`harbour-closure`): moved from line 9, column 48 to line 10, column 48');
    expect(seeds).toMatch(/\(`mayor-hundred-years`\): now approximate at line 5: .*hundrd/);
    expect(seeds).toMatch(/\(`budget-doubled`\): \*\*lost\*\*: .+/);
    expect(seeds).not.toContain('smallest-catch');

    const problems = section(run.stdout, 'Problems');
    expect(problems).toContain('**warning** `seeds/alpha.txt:1:1` the bytes of seed alpha changed');
    expect(problems).toContain('4 verdicts anchored in it: 1 unchanged, 1 moved, 1 now approximate, 1 lost');
    expect(problems).toContain('\\[seed-changed\\]');
    // The verdict files did not change, but the seed edit broke or weakened their anchors: check's problems show it.
    expect(problems).toMatch(/\*\*error\*\* `content\/verdicts\/budget-doubled\.md:4:8` .*\\\[quote-not-found\\\]/);
    expect(problems).toMatch(/\*\*warning\*\* `content\/verdicts\/mayor-hundred-years\.md:4:8` .*\\\[quote-approximate\\\]/);
    expect(run.status).toBe(1);
  });

  it('a seed change that keeps every anchor is a warning only (exit 0)', () => {
    const repo = makeRepo();
    edit(repo, 'seeds/beta.txt', 'records began, the harbour office said.', 'records began, the harbour office said.\n\nUpdated on Friday.');
    const run = review(repo);
    expect(run.status).toBe(0);
    expect(section(run.stdout, 'Seed changes')).toContain('(`smallest-catch`): still exact at line 5');
    expect(run.stdout).toContain('**0 errors, 1 warning**');
  });

  it('a fix on an earlier line shifts offsets but leaves every anchor where it was', () => {
    const repo = makeRepo();
    edit(repo, 'seeds/alpha.txt', 'Port Ellery council votes for sea wall', 'Port Ellery council votes for a new sea wall');
    const run = review(repo);
    const seeds = section(run.stdout, 'Seed changes');
    expect(seeds).toContain('(`sea-wall-cost`): still exact at line 3');
    expect(seeds).toContain('(`harbour-closure`): still exact at line 9');
    expect(seeds).not.toContain('moved');
    expect(section(run.stdout, 'Problems')).toContain('4 verdicts anchored in it: 4 unchanged');
    expect(run.status).toBe(0);
  });

  it('lists new and removed seeds', () => {
    const repo = makeRepo();
    write(repo, 'seeds/gamma.txt', 'A third article.\n');
    const run = review(repo);
    expect(section(run.stdout, 'Seed changes')).toContain('- `seeds/gamma.txt`: new seed');
    expect(run.status).toBe(0);
  });
});
