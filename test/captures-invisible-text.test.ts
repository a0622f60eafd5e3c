// A later capture is a seed's text too: its invisible characters are reported like a seed's (text-invisible,
// a warning at line:col) and the changes page shows them as labels, never raw.
import { afterAll, describe, expect, it } from 'vitest';
import { diffHtml } from '../src/eleventy/changes-html.ts';
import { buildModel } from '../src/model/model.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

afterAll(removeProjects);

describe('invisible characters in a later capture', () => {
  it('are a text-invisible warning at the capture file, line and column', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha@2024-05-01.txt': `${SEED_ALPHA}\nAdded later: evil\u202Etxt.exe\n`,
      'content/verdicts/sea-wall.md': verdictText(),
    });
    const found = buildModel({ root }).problems.filter((p) => p.rule === 'text-invisible');
    expect(found.map((p) => [p.file, p.severity])).toEqual([['seeds/alpha@2024-05-01.txt', 'warning']]);
    expect(found[0]!.message).toMatch(/U\+202E/);
  });

  it('are labels on the changes page', () => {
    const html = diffHtml([{ kind: 'added', text: 'evil\u202Etxt\u001B[2K', checked: false }]);
    expect(html).not.toMatch(/[\u202E\u001B]/);
    expect(html).toContain('<ins>evil<span class="invisible-char" title="U+202E RIGHT-TO-LEFT OVERRIDE">U+202E</span>txt');
  });
});
