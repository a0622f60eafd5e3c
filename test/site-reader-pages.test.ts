// The pages as a reader of a fact-check site reads them: a seed is named by its headline line or opening
// words (never its id), its page lists only what is known and says once what is not, passages are located by
// paragraph, and the ids, files, line numbers and hashes are in closed "Evidence details". A verdict page opens
// with its headline, rating, byline and date.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableTitle } from '../src/content/seed-title.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { attr, buildSite, byClass, byId, byTag, find, findAll, listFiles, readPage, text, type Element } from './support/site.ts';
import type { ClaimReviewLd } from './support/claimreview-json.ts';

// One paragraph a line, no headline, no metadata; markup and a bidi override in its first words.
const BARE =
  '<img src=x onerror=alert(1)> The \u202Eharbour\u202C master said the pier would reopen in May, after six months of repairs.\n' +
  'The council approved the budget for the repairs on Monday.\n' +
  'Fishermen said the delay had cost them the summer season.\n';
// A headline line and blank-line separated paragraphs; only the outlet is known.
const HEADED =
  'Pier to reopen after repairs\n\nThe old pier of Port Ellery will reopen on 1 May.\n\nThe repairs cost 2 million euros, the council said.\n';

let site: string;
let root: string;
const bareTitle = readableTitle('bare', BARE, {}).title;

beforeAll(async () => {
  root = makeProject({
    'seeds/alpha.txt': SEED_ALPHA,
    'seeds/bare.txt': BARE,
    'seeds/headed.txt': HEADED,
    'seeds/headed.yml': 'outlet: Port Ellery Gazette\n',
    'content/verdicts/wall.md': verdictText({
      author: 'author:\n  - Ana Editor\n  - Ben Checker\n  - Cy Reviewer',
      updated: 'updated: 2024-03-05',
    }),
    'content/verdicts/delay.md': verdictText({
      title: 'title: Fishermen did blame the delay for a lost season',
      seed: 'seed: bare',
      quote: 'quote: Fishermen said the delay had cost them the summer season.',
      sources: 'sources:\n  - seed: headed',
    }),
    'content/verdicts/repairs.md': verdictText({
      title: 'title: The repairs did cost 2 million euros',
      seed: 'seed: headed',
      quote: 'quote: The repairs cost 2 million euros',
      sources: 'sources:\n  - seed: bare',
    }),
  });
  site = await buildSite(root);
}, 120_000);
afterAll(removeProjects);

const flat = (node: Element) => text(node).replace(/\s+/g, ' ').trim();
const html = (file: string) => fs.readFileSync(path.join(site, file), 'utf8');
const sha256 = (file: string) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(root, file)))
    .digest('hex');
/** A `<dl>` as term -> description. */
const facts = (dl: Element | undefined) => {
  if (!dl) return {};
  const values = findAll(dl, byTag('dd')).map(flat);
  return Object.fromEntries(findAll(dl, byTag('dt')).map((dt, i) => [flat(dt), values[i]]));
};
const pages = () => listFiles(site).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));

describe('reader pages', () => {
  it('name a seed without metadata by its opening words, in quotes, with its markup and bidi controls as text', () => {
    expect(bareTitle.startsWith('“<img src=x onerror=alert(1)> The [U+202E]harbour[U+202C] master said')).toBe(true);
    expect(bareTitle.endsWith('…”')).toBe(true);
    const page = readPage(site, 'seeds/bare/index.html');
    expect(flat(find(page, byTag('h1'))!)).toBe(bareTitle);
    expect(flat(find(page, byTag('title'))!)).toMatch(new RegExp(`^Source text: ${bareTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
    const home = readPage(site, 'index.html');
    expect(
      findAll(home, byClass('verdict-item'))
        .map(flat)
        .find((t) => t.includes('Fishermen')),
    ).toContain(`In ${bareTitle}`);
    expect(flat(find(readPage(site, 'verdicts/delay/index.html'), byTag('figcaption'))!)).toBe(`From ${bareTitle}, paragraph 3.`);
    for (const file of pages()) {
      expect(html(file), file).not.toContain('<img');
      expect(html(file), file).not.toContain('\u202E');
    }
    // As the name of a seed cited as a source in the ClaimReview, it parses back to the same text.
    const jsonLd = find(readPage(site, 'verdicts/repairs/index.html'), (e) => attr(e, 'type') === 'application/ld+json')!;
    expect((JSON.parse(text(jsonLd)) as ClaimReviewLd).citation).toEqual([expect.objectContaining({ name: bareTitle })]);
  });

  it('name a seed by its headline line, and show no seed id outside the evidence details', () => {
    const page = readPage(site, 'seeds/headed/index.html');
    expect(flat(find(page, byTag('h1'))!)).toBe('Pier to reopen after repairs');
    for (const file of pages()) {
      const copy = readPage(site, file);
      for (const details of findAll(copy, byClass('evidence'))) details.childNodes = [];
      const visible = flat(find(copy, byTag('body'))!);
      for (const id of ['bare', 'headed']) expect(visible, file).not.toMatch(new RegExp(`(^|\\s)${id}(\\s|$)`));
    }
  });

  it('leave unknown metadata rows out and say once, in a sentence, what is not known', () => {
    const bare = readPage(site, 'seeds/bare/index.html');
    expect(find(bare, byClass('seed-meta'))).toBeUndefined();
    expect(flat(find(bare, byClass('origin'))!)).toBe(
      'This text’s headline, outlet, publication date and web address are not known; it is named here by its opening words.',
    );
    const headed = readPage(site, 'seeds/headed/index.html');
    expect(facts(find(headed, byClass('seed-meta')))).toEqual({ Outlet: 'Port Ellery Gazette' });
    expect(flat(find(headed, byClass('origin'))!)).toBe('This text’s publication date and web address are not known.');
    const alpha = readPage(site, 'seeds/alpha/index.html');
    expect(Object.keys(facts(find(alpha, byClass('seed-meta'))))).toEqual(['Outlet', 'Published', 'Original']);
    expect(find(alpha, byClass('origin'))).toBeUndefined();
    for (const file of pages()) {
      for (const phrase of ['Not stated in the text', 'Not known', 'No web address known', '% reviewed'])
        expect(html(file), file).not.toContain(phrase);
    }
  });

  it('keep the id, the file, its SHA-256 and the line numbers in closed evidence details', () => {
    const seedEvidence = find(readPage(site, 'seeds/bare/index.html'), byClass('evidence'))!;
    expect(seedEvidence.tagName).toBe('details');
    expect(attr(seedEvidence, 'open')).toBeUndefined();
    expect(flat(find(seedEvidence, byTag('summary'))!)).toBe('Evidence details');
    expect(facts(find(seedEvidence, byTag('dl')))).toEqual({
      'Source text id': 'bare',
      File: 'seeds/bare.txt',
      'SHA-256': sha256('seeds/bare.txt'),
    });
    expect(facts(find(find(readPage(site, 'seeds/headed/index.html'), byClass('evidence'))!, byTag('dl')))).toMatchObject({
      Metadata: 'seeds/headed.yml',
    });

    const verdictEvidence = find(readPage(site, 'verdicts/delay/index.html'), byClass('evidence'))!;
    expect(verdictEvidence.tagName).toBe('details');
    expect(attr(verdictEvidence, 'open')).toBeUndefined();
    expect(facts(find(verdictEvidence, byTag('dl')))).toEqual({
      'Source text id': 'bare',
      File: 'seeds/bare.txt',
      Passage: 'Line 3, column 1',
      'SHA-256': sha256('seeds/bare.txt'),
    });
    // The hash appears nowhere else on the page.
    const page = readPage(site, 'verdicts/delay/index.html');
    for (const details of findAll(page, byClass('evidence'))) details.childNodes = [];
    expect(flat(page)).not.toContain(sha256('seeds/bare.txt'));
  });

  it('number a passage’s paragraph as its seed page shows the paragraphs', () => {
    for (const [slug, seed, expected] of [
      ['delay', 'bare', 3],
      ['repairs', 'headed', 3],
      ['wall', 'alpha', 2],
    ] as const) {
      const caption = flat(find(readPage(site, `verdicts/${slug}/index.html`), byTag('figcaption'))!);
      expect(caption, slug).toMatch(new RegExp(`, paragraph ${expected}\\.$`));
      expect(caption).not.toMatch(/\bline\b/);
      const paragraphs = findAll(find(readPage(site, `seeds/${seed}/index.html`), byClass('seed-text'))!, byTag('p'));
      const holding = paragraphs.findIndex((p) => find(p, byId(`passage-${slug}`)) !== undefined);
      expect(holding + 1, slug).toBe(expected);
    }
  });

  it('open a verdict with its headline, rating, byline and date, before the claim, and no byline at the bottom', () => {
    const page = readPage(site, 'verdicts/wall/index.html');
    const article = find(page, byTag('article'))!;
    const header = find(article, byClass('verdict-head'))!;
    const order = findAll(
      article,
      (e) => e.tagName === 'h1' || byClass('rating-box')(e) || byClass('byline')(e) || attr(e, 'id') === 'claim',
    );
    expect(order.map((e) => (e.tagName === 'h1' ? 'h1' : (attr(e, 'id') ?? attr(e, 'class'))))).toEqual([
      'h1',
      'rating-box',
      'byline',
      'claim',
    ]);
    expect(findAll(header, byClass('byline'))).toHaveLength(1);
    expect(flat(find(header, byClass('byline'))!)).toBe(
      'By Ana Editor, Ben Checker and Cy Reviewer Published 1 March 2024 Updated 5 March 2024',
    );
    expect(findAll(header, byTag('time')).map((t) => attr(t, 'datetime'))).toEqual(['2024-03-01', '2024-03-05']);
    expect(flat(article)).not.toContain('Reviewed by');
  });

  it('say in words how much of a text its fact-checks cover, on its page only', () => {
    expect(flat(find(readPage(site, 'seeds/bare/index.html'), byClass('coverage'))!)).toMatch(
      /^The fact-checked passages make up \d+% of this text\.$/,
    );
    const home = find(readPage(site, 'index.html'), byClass('seed-list'))!;
    expect(findAll(home, byClass('count')).map(flat)).toEqual(['1 fact-check', '1 fact-check', '1 fact-check']);
  });
});
