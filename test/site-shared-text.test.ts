// The provenance pages on the sample and on a fixture with dates: the Shared text section of a seed page,
// the compare page, the only-in note on a verdict, and isBasedOn where the dates give the direction.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, verdictText } from './support/project.ts';
import {
  attr,
  buildSite,
  byClass,
  byId,
  byTag,
  find,
  findAll,
  readPage,
  repoRoot,
  sharedBuild,
  text,
  textWithout,
  type Element,
} from './support/site.ts';

const S000 = '000_5bff26b3a7f2143b';
const S001 = '001_9340af456b0c9be9';
const S003 = '003_1ef4de2a1865d391';
/** Seed 001 has no headline: readers see it named by its opening words. */
const T001 = '“Moscow will treat any potential attacks on Donbass as well as Kherson…”';

const words = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').split(/\s+/).filter(Boolean);

let site: string;
let dated: string;
const seedText = (id: string) => fs.readFileSync(path.join(repoRoot, 'seeds', `${id}.txt`), 'utf8');

const REPORT =
  'The harbour council of Port Ellery voted on Tuesday to build a new sea wall along the northern quay, after two winters of flooding closed the fish market for eleven weeks. ' +
  'The mayor said the wall would cost 14 million euros and take three years to finish. Opposition members argued that the money should go to the hospital instead.';

beforeAll(async () => {
  const root = makeProject({
    'seeds/alpha.txt': `${REPORT}\n`,
    'seeds/alpha.yml': 'title: Sea wall <b>approved</b> & "funded"\npublished: 2024-03-01\n',
    'seeds/beta.txt': `Reposted.\n\n${REPORT}\n`,
    'seeds/beta.yml': 'title: A repost\npublished: 2024-03-04\n',
    'seeds/gamma.txt': `${REPORT}\n`,
    'content/verdicts/sea-wall.md': verdictText({ quote: 'quote: voted on Tuesday to build a new sea wall' }),
  });
  [site, dated] = await Promise.all([sharedBuild(repoRoot), buildSite(root)]);
}, 120_000);

afterAll(removeProjects);

describe('shared text on the sample site', () => {
  it('says on seed 000 that it repeats all of seed 001, and links the comparison', () => {
    const section = find(readPage(site, `seeds/${S000}/index.html`), byClass('shared-text'))!;
    const items = find(section, byClass('shared-list'))!.childNodes.filter((n): n is Element => 'tagName' in n && n.tagName === 'li');
    expect(items).toHaveLength(1);
    expect(text(items[0]!).replace(/\s+/g, ' ')).toContain(
      `Repeats 100% of ${T001} word for word; adds 2 passages (316 words); changes 0 words.`,
    );
    const links = findAll(items[0]!, byTag('a')).map((a) => attr(a, 'href'));
    expect(links.slice(0, 2)).toEqual([`/seeds/${S001}/`, `/seeds/${S000}/compare/${S001}/`]);
    expect(text(section)).toContain('which came first is open');
  });

  it('shows on seed 000 the passages it adds to seed 001, the Comment line among them, linked to their marks', () => {
    const page = readPage(site, `seeds/${S000}/index.html`);
    const details = find(page, byClass('added-passages'))!;
    expect(text(find(details, byTag('p'))!)).toBe(`What this text adds to ${T001}:`);
    const passages = find(details, byTag('ol'))!.childNodes.filter((n): n is Element => 'tagName' in n && n.tagName === 'li');
    const lines = passages.map((li) => findAll(find(li, byClass('added-lines'))!, byTag('li')).map(text));
    expect(lines[0]).toEqual([
      'donbas referndum russia ukraine',
      'Russia will respond to attacks as an assault on its territory if they vote …',
    ]);
    expect(lines[1]).toContain('Comment: The new reality will have consequences which they cannot ignore.');
    expect(lines[1]![0]).toBe('Russians gather to show support for referendums');
    expect(text(passages[1]!)).toContain('A passage of 293 words, in 13 paragraphs:');
    const targets = findAll(details, byTag('a')).map((a) => attr(a, 'href'));
    expect(targets).toEqual([`/seeds/${S000}/compare/${S001}/#only-here-1`, `/seeds/${S000}/compare/${S001}/#only-here-2`]);
    const compare = readPage(site, `seeds/${S000}/compare/${S001}/index.html`);
    expect(text(find(compare, byId('only-here-2'))!)).toContain('Comment: The new reality');
    // seed 001 adds nothing to 000
    expect(find(readPage(site, `seeds/${S001}/index.html`), byClass('added-passages'))).toBeUndefined();
  });

  it('reports seed 003 as sharing no text with the others', () => {
    const section = find(readPage(site, `seeds/${S003}/index.html`), byClass('shared-text'))!;
    expect(text(section)).toContain('No other source text on this site shares passages with this one.');
    for (const id of [S000, S001]) {
      const other = find(readPage(site, `seeds/${id}/index.html`), byClass('shared-text'))!;
      expect(findAll(other, byTag('a')).some((a) => attr(a, 'href')?.includes(S003))).toBe(false);
    }
    expect(fs.existsSync(path.join(site, `seeds/${S003}/compare`))).toBe(false);
  });

  it('shows both texts on the compare page: seed 000 without the struck text, seed 001 without the inserted', () => {
    const page = readPage(site, `seeds/${S000}/compare/${S001}/index.html`);
    const aligned = find(page, byClass('aligned-text'))!;
    const hidden = byClass('visually-hidden');
    expect(textWithout(aligned, (e) => hidden(e) || e.tagName === 'del')).toBe(seedText(S000));
    expect(words(textWithout(aligned, (e) => hidden(e) || e.tagName === 'ins'))).toEqual(words(seedText(S001)));
    const inserted = findAll(aligned, byTag('ins')).map((e) => textWithout(e, hidden));
    expect(inserted).toHaveLength(2);
    expect(inserted[1]).toContain('Comment: The new reality will have consequences which they cannot ignore.');
    expect(inserted[1]).toContain('Russians gather to show support for referendums');
    expect(findAll(aligned, byTag('del'))).toEqual([]);
    const typographic = findAll(aligned, byClass('typography'));
    expect(typographic.map((e) => textWithout(e, hidden))).toContain('"Definitely."');
    expect(text(find(page, byClass('legend'))!)).toContain(`Only in ${T001}.`);
  });

  it('notes on comment-new-reality, and on no other verdict, that its passage is only in seed 000', () => {
    const notes = fs
      .readdirSync(path.join(site, 'verdicts'))
      .filter((slug) => fs.existsSync(path.join(site, 'verdicts', slug, 'index.html')))
      .flatMap((slug) =>
        findAll(readPage(site, `verdicts/${slug}/index.html`), byClass('only-in')).map((n) => [slug, text(n).replace(/\s+/g, ' ')]),
      );
    expect(notes).toEqual([
      [
        'comment-new-reality',
        `This passage appears only in Russia will respond to attacks as an assault on its territory if they vote to come under its control; ${T001}, which repeats the rest of the report, does not contain it. Compare the two texts`,
      ],
    ]);
  });

  it('gives no seed page isBasedOn when no seed has a publication date', () => {
    for (const id of [S000, S001, S003]) {
      const scripts = findAll(
        readPage(site, `seeds/${id}/index.html`),
        (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json',
      );
      expect(scripts).toEqual([]);
    }
  });
});

describe('shared text with publication dates', () => {
  const jsonLd = (file: string) =>
    findAll(readPage(dated, file), (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map(
      (e) => JSON.parse(text(e)) as Record<string, unknown>,
    );

  it('gives the later text isBasedOn the earlier, and the earlier none', () => {
    expect(jsonLd('seeds/beta/index.html')).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        url: 'http://localhost:8080/seeds/beta/',
        name: 'A repost',
        datePublished: '2024-03-04',
        isBasedOn: [
          {
            '@type': 'CreativeWork',
            url: 'http://localhost:8080/seeds/alpha/',
            name: 'Sea wall <b>approved</b> & "funded"',
            datePublished: '2024-03-01',
          },
        ],
      },
    ]);
    expect(jsonLd('seeds/alpha/index.html')).toEqual([]);
    // gamma has no date: its relations stay open, so it has no isBasedOn and is no one's basis
    expect(jsonLd('seeds/gamma/index.html')).toEqual([]);
  });

  it('says which came first, and escapes the titles it prints', () => {
    const html = fs.readFileSync(path.join(dated, 'seeds/beta/compare/alpha/index.html'), 'utf8');
    expect(html).toContain('This text was published later (by the publication dates of both).');
    expect(html).toContain('Sea wall &lt;b&gt;approved&lt;/b&gt; &amp; &quot;funded&quot;');
    expect(html).not.toContain('<b>approved</b>');
    const gamma = text(find(readPage(dated, 'seeds/gamma/index.html'), byId('shared-text'))!.parentNode as Element);
    expect(gamma).toContain('This text has no known publication date, so which came first is open.');
  });
});
