// A fixture project whose passages nest, overlap, coincide, cross a paragraph break and repeat in
// another seed, plus a draft: the seed pages must show every one of them, and the draft nowhere.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, byId, byTag, find, findAll, listFiles, readPage, repoRoot, sharedBuild, text, type Element } from './support/site.ts';

const fixture = path.join(repoRoot, 'test/fixtures/site-overlap');
let site: string;

beforeAll(async () => {
  site = await sharedBuild(fixture);
});

const marks = (page: Element) => findAll(page, byTag('mark'));
const verdictsOf = (mark: Element) => (attr(mark, 'data-verdicts') ?? '').split(' ');
const textOf = (page: Element, slug: string) =>
  marks(page)
    .filter((m) => verdictsOf(m).includes(slug))
    .map(text)
    .join('');

describe('overlapping passages on a seed page', () => {
  it('splits nested and identical passages into segments that list every verdict over them', () => {
    const page = readPage(site, 'seeds/alpha/index.html');
    const shared = marks(page).find((m) => text(m) === 'the bridge opened in 1932' && verdictsOf(m).includes('outer'))!;
    expect(verdictsOf(shared)).toEqual(['outer', 'inner', 'twin']);
    // The worst rating over the segment colours it: false is worse than mixed and accurate on the scale.
    expect(attr(shared, 'data-rating')).toBe('false');
    expect(textOf(page, 'outer').startsWith('The harbour opened in 1901 and the bridge opened in 1932')).toBe(true);
    // Each verdict starting in the segment has its own link there, even when two cover the same words.
    const links = findAll(shared, byTag('a')).map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['/verdicts/inner/', '/verdicts/twin/']));
    expect(find(page, byId('passage-outer'))).toBeDefined();
  });

  it('marks a passage that crosses a paragraph break in both paragraphs, without the break', () => {
    const page = readPage(site, 'seeds/alpha/index.html');
    const holder = find(page, (e) => attr(e, 'data-seed') === 'alpha')!;
    const paragraphs = findAll(holder, byTag('p'));
    const crossIn = (p: Element) => marks(p).filter((m) => verdictsOf(m).includes('cross'));
    expect(crossIn(paragraphs[0]!).map(text).join('')).toBe('the council said.');
    expect(crossIn(paragraphs[1]!).map(text).join('')).toBe('The mayor said the budget');
    // The overlap of the crossing passage and the budget passage lists both.
    expect(marks(paragraphs[1]!).some((m) => verdictsOf(m).join(' ') === 'cross budget' && text(m) === 'the budget')).toBe(true);
  });

  it('highlights every occurrence of a passage, in the same seed and in another, with the ids the verdict page links to', () => {
    const alpha = readPage(site, 'seeds/alpha/index.html');
    expect(find(alpha, byId('passage-inner--2'))).toBeDefined();
    const beta = readPage(site, 'seeds/beta/index.html');
    expect(textOf(beta, 'budget')).toBe('the budget was balanced every single year since 2010');
    const verdict = readPage(site, 'verdicts/budget/index.html');
    const hrefs = findAll(verdict, byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toContain('/seeds/alpha/#passage-budget');
    expect(hrefs).toContain('/seeds/beta/#passage-budget');
  });

  it('lists the verdicts in reading order beside the text', () => {
    const page = readPage(site, 'seeds/alpha/index.html');
    const notes = findAll(
      find(page, (e) => attr(e, 'class') === 'note-list')!,
      byTag('li'),
    );
    const slugs = notes.map((li) => attr(findAll(li, byTag('a'))[0]!, 'href'));
    expect(slugs).toEqual(['/verdicts/outer/', '/verdicts/inner/', '/verdicts/twin/', '/verdicts/cross/', '/verdicts/budget/']);
    expect(text(notes[1]!)).toContain('False');
  });

  it('shows the original article link with a text fragment when the seed has a URL', () => {
    const page = readPage(site, 'verdicts/outer/index.html');
    const original = findAll(page, byTag('a')).find((a) => attr(a, 'href')?.startsWith('https://news.example.com/harbour#:~:text='));
    expect(original).toBeDefined();
  });

  it('neither builds nor highlights a draft, nor lists it in any feed', () => {
    expect(listFiles(site)).not.toContain('verdicts/unpublished/index.html');
    for (const file of listFiles(site).filter((f) => /\.(html|xml|json)$/.test(f) && !f.startsWith('pagefind/'))) {
      expect(fs.readFileSync(path.join(site, file), 'utf8'), file).not.toContain('unpublished');
    }
  });
});
