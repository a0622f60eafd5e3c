// `npm run review` and captures (fixture test/fixtures/captures committed as the base): rewriting or deleting a
// capture a published verdict is anchored in is an error naming the verdicts and the changed words; an edit of a
// capture no published verdict uses is a warning naming the changed lines; a new capture is listed with a table
// of what became of every published passage of its seed.
import { afterAll, describe, expect, it } from 'vitest';
import { edit, makeRepo, read, remove, removeTempDirs, review, section, write } from './support/git-project.ts';

afterAll(removeTempDirs);

const problems = (stdout: string) => section(stdout, 'Problems');

describe('review of captures', () => {
  it('fails when the first capture a published verdict is anchored in is rewritten, naming the verdicts and the words', () => {
    const repo = makeRepo('captures');
    edit(repo, 'seeds/harbour.txt', 'cost 4 million euros', 'cost 5 million euros');
    const run = review(repo);
    expect(run.status).toBe(1);
    const listed = problems(run.stdout);
    expect(listed).toContain(
      '**error** `seeds/harbour.txt:5:1` capture seeds/harbour.txt was rewritten (line 5: "4" -> "5"), but published verdicts are anchored in it: consulted-in-spring (line 11), sea-wall-vote (line 3), wall-cost (line 5).',
    );
    expect(listed).toContain("add the article's new text as seeds/harbour&#64;YYYY-MM-DD.txt");
    expect(listed).toContain('\\[capture-changed\\]');
    // The error replaces the seed-changed warning for the same file.
    expect(listed).not.toContain('\\[seed-changed\\]');
  });

  it('fails when a later capture a published verdict is anchored in is rewritten or deleted', () => {
    const rewritten = makeRepo('captures');
    edit(rewritten, 'seeds/harbour@2024-03-10.txt', 'finished by 2026', 'finished by 2028');
    const first = review(rewritten);
    expect(first.status).toBe(1);
    expect(problems(first.stdout)).toContain(
      '**error** `seeds/harbour@2024-03-10.txt:9:1` capture seeds/harbour&#64;2024-03-10.txt was rewritten (line 9: "2026," -> "2028,"), but a published verdict is anchored in it: wall-finished (line 9).',
    );

    const deleted = makeRepo('captures');
    remove(deleted, 'seeds/harbour@2024-03-10.txt');
    const second = review(deleted);
    expect(second.status).toBe(1);
    expect(problems(second.stdout)).toContain(
      '**error** `seeds/harbour@2024-03-10.txt:1:1` capture seeds/harbour&#64;2024-03-10.txt was deleted, but a published verdict is anchored in it: wall-finished (line 9). Restore it',
    );
  });

  it('warns of an edit to a capture no published verdict is anchored in, naming the changed lines and the words', () => {
    const repo = makeRepo('captures');
    // pier-opening is anchored in pier@2024-04-02, not in the first capture.
    edit(repo, 'seeds/pier.txt', 'once its repairs are done', 'once its repairs are finished');
    const run = review(repo);
    expect(run.status).toBe(0);
    expect(problems(run.stdout)).toContain('**warning** `seeds/pier.txt:3:1` the bytes of seed pier changed');
    expect(problems(run.stdout)).toContain('in line 3: "done," -> "finished,"; no verdict is anchored in it.');
  });

  it('lists a new capture with the fate of every published passage of its seed', () => {
    const repo = makeRepo('captures');
    write(repo, 'seeds/harbour@2024-03-30.txt', read(repo, 'seeds/harbour@2024-03-20.txt').replace('300 homes', '250 homes'));
    const run = review(repo);
    expect(run.status).toBe(0);
    const table = section(run.stdout, 'New capture `seeds/harbour@2024-03-30.txt`');
    const rows = table.split('\n').filter((line) => line.startsWith('| **'));
    expect(rows).toEqual([
      '| **Residents will be consulted** (`consulted-in-spring`) | “Residents will be consulted in the spring, the mayor said.” | **removed** |',
      '| **The council voted for a sea wall** (`sea-wall-vote`) | “The council of Port Ellery voted on Tuesday to build a new sea wall” | unchanged |',
      '| **The wall costs 4 million euros** (`wall-cost`) | “The mayor said the wall would cost 4 million euros and protect 300 homes from winter storms.” | **changed**: "4" -> "6"; "300" -> "250" — now “The mayor said the wall would cost 6 million euros and protect 250 homes from winter storms.” |',
      '| **The wall will be finished by 2026** (`wall-finished`) | “The wall will be finished by 2026, the mayor said.” | **changed**: "2026," -> "2027," — now “The wall will be finished by 2027, the mayor said.” |',
    ]);
    // The new capture's changes are also check's warnings on the verdicts.
    expect(problems(run.stdout)).toMatch(
      /`content\/verdicts\/wall-cost\.md:4:8` the passage this verdict checked reads differently in the later capture seeds\/harbour&#64;2024-03-30\.txt/,
    );
  });

  it('fails when a new capture dated before a published verdict would move it off the text it checked', () => {
    const repo = makeRepo('captures');
    // wall-cost is dated 2024-03-02 and checked against the first capture (captured 2024-03-01).
    write(repo, 'seeds/harbour@2024-03-02.txt', read(repo, 'seeds/harbour.txt').replace('300 homes', '350 homes'));
    const run = review(repo);
    expect(run.status).toBe(1);
    expect(problems(run.stdout)).toContain(
      "**error** `content/verdicts/wall-cost.md:11:7` this published verdict was checked against seeds/harbour.txt, but seeds/harbour&#64;2024-03-02.txt, dated on or before the verdict's date (2024-03-02), now makes it check seeds/harbour&#64;2024-03-02.txt instead. Add \\`capture: 2024-03-01\\` to keep it on the text it checked. \\[capture-changed\\]",
    );
    // Pinned, it stays where it was, and review passes.
    edit(repo, 'content/verdicts/wall-cost.md', 'date: 2024-03-02', 'date: 2024-03-02\ncapture: 2024-03-01');
    edit(repo, 'content/verdicts/sea-wall-vote.md', 'date: 2024-03-02', 'date: 2024-03-02\ncapture: 2024-03-01');
    edit(repo, 'content/verdicts/consulted-in-spring.md', 'date: 2024-03-02', 'date: 2024-03-02\ncapture: 2024-03-01');
    const pinned = review(repo);
    expect(problems(pinned.stdout)).not.toContain('capture-changed');
    expect(pinned.status).toBe(0);
  });
});
