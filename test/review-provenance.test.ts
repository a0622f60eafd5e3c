// `npm run review` and provenance: a pull request that adds a repost of an existing seed gets a seed-repost
// warning naming the seed and the share, and every pair of seeds it makes related is listed.
import { afterAll, describe, expect, it } from 'vitest';
import { edit, makeRepo, removeTempDirs, review, section, write } from './support/git-project.ts';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

afterAll(removeTempDirs);

const alpha = (repo: string) => readFileSync(path.join(repo, 'seeds/alpha.txt'), 'utf8');

describe('review of shared text', () => {
  it('warns seed-repost when a new seed repeats an existing one, and lists the new pair', () => {
    const repo = makeRepo();
    const text = alpha(repo)
      .replace('The harbour master warned', 'Comment: nobody asked the fishermen.\n\nThe harbour master warned')
      .replace(/"/g, '\u201C');
    write(repo, 'seeds/alpha-copy.txt', text);
    const run = review(repo);
    const problems = section(run.stdout, 'Problems');
    expect(problems).toMatch(
      /\*\*warning\*\* `seeds\/alpha-copy\.txt:1:1` the new seed alpha-copy repeats 100% of seed alpha (\("[^"]+"\) )?word for word\./,
    );
    expect(problems).toContain('/seeds/alpha-copy/compare/alpha/');
    expect(problems).toContain('\\[seed-repost\\]');
    expect(section(run.stdout, 'New shared text')).toContain(
      '- `alpha-copy` repeats 100% of `alpha` word for word; adds 1 passage (5 words); changes 0 words (`alpha` repeats 94% of it; which came first is open)',
    );
    expect(run.status).toBe(0);
  });

  it('names the reposted seed by its readable title when its metadata has none', () => {
    const repo = makeRepo();
    rmSync(path.join(repo, 'seeds/alpha.yml'));
    write(repo, 'seeds/alpha-copy.txt', `${alpha(repo)}\nComment: nobody asked the fishermen.\n`);
    const problems = section(review(repo).stdout, 'Problems');
    // alpha.txt opens with its headline line.
    expect(problems).toContain(
      'the new seed alpha-copy repeats 100% of seed alpha ("Port Ellery council votes for sea wall") word for word.',
    );
  });

  it('lists a pair an edit makes related without warning, and says nothing when no pair is new', () => {
    const repo = makeRepo();
    const unchanged = review(repo);
    expect(unchanged.stdout).not.toContain('New shared text');
    edit(repo, 'seeds/beta.txt', '\n', `\n\n${alpha(repo).split('\n\n').slice(1, 4).join(' ')}\n`);
    const run = review(repo);
    expect(section(run.stdout, 'New shared text')).toMatch(/- `alpha` repeats \d+% of `beta`|- `beta` repeats \d+% of `alpha`/);
    expect(run.stdout).not.toContain('seed-repost');
  });
});
