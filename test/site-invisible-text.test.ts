// A seed with invisible characters (ESC, DEL, C1, bidi overrides and isolates) and a seed URL with a look-alike
// host: the pages show every such character as a visible, labelled span instead of emitting it, and show URLs
// with the host punycoded, as a browser's address bar does.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { attr, buildSite, byTag, find, findAll, listFiles, readPage, text, type Element } from './support/site.ts';

afterAll(removeProjects);

const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const SEED = SEED_ALPHA.replace('The council of Port Ellery', 'The council\u202E of Port Ellery').replace(
  'protect 300 homes',
  'protect \u001B[2K300\u007F homes\u0085 \u2067from\u2069',
);
let root: string;
let site: string;

beforeAll(async () => {
  root = makeProject({
    'seeds/alpha.txt': SEED,
    'seeds/alpha.yml':
      'title: Harbour town\nurl: https://\u0430pple.example/news/sea-wall?x=1\narchived: https://web.archive.org/web/2024/https://example.org/a\n',
    'content/verdicts/x.md': verdictText({ quote: 'quote: "voted on Tuesday to build a new sea wall"' }),
  });
  site = await buildSite(root);
});

const seedText = (page: Element) => find(page, (e) => (attr(e, 'class') ?? '').split(' ').includes('seed-text'))!;

describe('invisible characters on the pages', () => {
  it('never emits them raw into any page', () => {
    for (const file of listFiles(site).filter((f) => /\.(html|xml|json)$/.test(f) && !f.startsWith('pagefind/'))) {
      expect(fs.readFileSync(path.join(site, file), 'utf8'), file).not.toMatch(HIDDEN);
    }
  });

  it('shows each on the seed page as a span labelled with its code point and named in its title', () => {
    const spans = findAll(seedText(readPage(site, 'seeds/alpha/index.html')), (e) => attr(e, 'class') === 'invisible-char');
    expect(spans.map((s) => [text(s), attr(s, 'title')])).toEqual([
      ['U+202E', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
      ['U+001B', 'U+001B ESCAPE'],
      ['U+007F', 'U+007F DELETE'],
      ['U+0085', 'U+0085 NEXT LINE'],
      ['U+2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
      ['U+2069', 'U+2069 POP DIRECTIONAL ISOLATE'],
    ]);
  });

  it('keeps the page text equal to the seed paragraphs, each such character replaced by its label (the documented exception)', () => {
    const seed = buildModel({ root }).seeds[0]!;
    const holder = seedText(readPage(site, 'seeds/alpha/index.html'));
    const paragraphs = holder.childNodes.filter((n): n is Element => 'tagName' in n);
    const label = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    expect(paragraphs.map(text)).toEqual(
      seed.paragraphs.map((p) => seed.text.slice(p.start, p.end).replace(new RegExp(HIDDEN, 'g'), label)),
    );
  });

  it('shows them in the passage in context on the verdict page', () => {
    const figure = find(readPage(site, 'verdicts/x/index.html'), (e) => e.tagName === 'figure' && attr(e, 'class') === 'passage')!;
    const quote = find(figure, byTag('blockquote'))!;
    const span = find(quote, (e) => attr(e, 'class') === 'invisible-char');
    expect(span && [text(span), attr(span, 'title')]).toEqual(['U+202E', 'U+202E RIGHT-TO-LEFT OVERRIDE']);
    expect(text(quote)).toContain('council');
  });
});

describe('URLs on the pages', () => {
  it('shows the seed URL with a punycoded host as link text and keeps the address as written in href', () => {
    const links = findAll(readPage(site, 'seeds/alpha/index.html'), (e) => e.tagName === 'a' && attr(e, 'class') === 'url');
    expect(links.map((a) => text(a))).toEqual([
      'https://xn--pple-43d.example/news/sea-wall?x=1',
      'https://web.archive.org/web/2024/https://example.org/a',
    ]);
    expect(attr(links[0]!, 'href')).toBe('https://\u0430pple.example/news/sea-wall?x=1');
  });
});
