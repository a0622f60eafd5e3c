// Global data files steer Eleventy (eleventyComputed, templateEngineOverride, permalink...): they are code, not
// content. `npm run review` flags any change under content/_data/ except the three files the loader validates.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeRepo, read, remove, removeTempDirs, review, section, write } from './support/git-project.ts';

afterAll(removeTempDirs);

const problemLines = (report: string) =>
  section(report, 'Problems')
    .split('\n')
    .filter((line) => line.startsWith('- '));

describe('review of content/_data/', () => {
  it('refuses an added eleventyComputed.json as data-file-unknown, and does not call it "No editorial changes"', () => {
    const repo = makeRepo();
    write(repo, 'content/_data/eleventyComputed.json', '{"pageTitle": "{{ range.constructor(\\"return 1\\")() }}"}\n');
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('No editorial changes');
    const problems = problemLines(run.stdout);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^- \*\*error\*\* `content\/_data\/eleventyComputed\.json:1:1` .*Global data files steer Eleventy.* \\\[data-file-unknown\\\]$/,
    );
    expect(section(run.stdout, 'Site data changes')).toContain('- `content/_data/eleventyComputed.json`: added');
  });

  it('flags a modified or deleted unknown data file and one in a subfolder, and annotates the deletion', () => {
    const base = makeRepo();
    write(base, 'content/_data/templateEngineOverride.json', '"md"\n');
    write(base, 'content/_data/menu.json', '[]\n');
    git(base, 'add', '-A');
    git(base, 'commit', '-q', '-m', 'data');
    write(base, 'content/_data/templateEngineOverride.json', '"njk,md"\n');
    remove(base, 'content/_data/menu.json');
    mkdirSync(path.join(base, 'content/_data/nested'));
    write(base, 'content/_data/nested/layout.json', '"x"\n');
    const run = review(base, ['--base', 'main', '--format=github']);
    expect(run.status).toBe(1);
    const flagged = problemLines(run.stdout)
      .filter((line) => line.endsWith('\\[data-file-unknown\\]'))
      .map((line) => /`([^`:]+):1:1`/.exec(line)?.[1]);
    // each file is flagged once, by itself or (when check reports the folder) by the folder that holds it
    for (const file of ['content/_data/menu.json', 'content/_data/nested/layout.json', 'content/_data/templateEngineOverride.json']) {
      expect(
        flagged.filter((f) => f === file || file.startsWith(`${f}/`)),
        file,
      ).toHaveLength(1);
    }
    // A deleted file is no problem check can see: only the review annotates it (check --format=github annotates files that exist).
    expect(run.stdout).toMatch(/^::error file=content\/_data\/menu\.json,line=1,col=1,title=data-file-unknown::this pull request deletes/m);
    const listed = section(run.stdout, 'Site data changes');
    expect(listed).toContain('- `content/_data/menu.json`: deleted');
    expect(listed).toContain('- `content/_data/nested/layout.json`: added');
    expect(listed).toContain('- `content/_data/templateEngineOverride.json`: modified');
  });

  it('lists changes to site.json, ratings.yml and claimants.yml without an error', () => {
    const repo = makeRepo();
    write(repo, 'content/_data/site.json', '{"title": "Port Ellery Checks"}\n');
    write(repo, 'content/_data/ratings.yml', `${read(repo, 'content/_data/ratings.yml')}\n`);
    write(repo, 'content/_data/claimants.yml', '');
    const run = review(repo);
    expect(problemLines(run.stdout).filter((line) => line.includes('data-file-unknown'))).toEqual([]);
    expect(run.stdout).not.toContain('No editorial changes');
    const listed = section(run.stdout, 'Site data changes');
    expect(listed).toContain('- `content/_data/claimants.yml`: added');
    expect(listed).toContain('- `content/_data/ratings.yml`: modified');
    expect(listed).toContain('- `content/_data/site.json`: added');
  });

  it('still says "No editorial changes" when nothing changed', () => {
    const run = review(makeRepo());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No editorial changes');
    expect(run.stdout).not.toContain('Site data changes');
  });
});
