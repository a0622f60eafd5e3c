// The pages of a seed with several captures (fixture test/fixtures/captures): the seed page lists them, each
// later capture has its own page with the passages checked against it, /seeds/<id>/changes/ shows the word
// diff with <del> and <ins> and the checked passages boxed, and a verdict page whose passage changed or
// vanished later says so near the top and links to the diff.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import {
  attr,
  buildSite,
  byClass,
  byId,
  byTag,
  find,
  findAll,
  listFiles,
  readPage,
  repoRoot,
  searchFragments,
  sharedBuild,
  text,
  type Element,
} from './support/site.ts';
import type { ClaimReviewLd } from './support/claimreview-json.ts';

const fixture = path.join(repoRoot, 'test/fixtures/captures');
let site: string;

beforeAll(async () => {
  site = await sharedBuild(fixture);
});
afterAll(removeProjects);

const hrefs = (page: Element) => findAll(page, byTag('a')).map((a) => attr(a, 'href'));
const flat = (node: Element) => text(node).replace(/\s+/g, ' ').trim();

describe('captures on the site', () => {
  it('builds one page per later capture and one changes page per seed with captures', () => {
    const files = listFiles(site).filter((f) => f.startsWith('seeds/'));
    expect(files).toEqual(
      expect.arrayContaining([
        'seeds/harbour/index.html',
        'seeds/harbour/2024-03-10/index.html',
        'seeds/harbour/2024-03-20/index.html',
        'seeds/harbour/changes/index.html',
        'seeds/pier/index.html',
        'seeds/pier/2024-04-02/index.html',
        'seeds/pier/changes/index.html',
      ]),
    );
    const sitemap = readPage(site, 'sitemap.xml');
    expect(text(sitemap)).toContain('/seeds/harbour/2024-03-20/');
    expect(text(sitemap)).toContain('/seeds/harbour/changes/');
  });

  it('lists every capture on the seed page, which shows the first capture with the passages checked against it', () => {
    const page = readPage(site, 'seeds/harbour/index.html');
    const list = find(page, byClass('capture-list'))!;
    expect(findAll(list, byTag('li')).map(flat)).toEqual([
      'First capture of 1 March 2024 (this page)',
      'Capture of 10 March 2024',
      'Capture of 20 March 2024',
    ]);
    // The files and their hashes are evidence details, not a reader's list.
    const evidence = findAll(find(page, byClass('evidence'))!, byTag('li')).map(flat);
    expect(evidence).toHaveLength(3);
    expect(evidence[0]).toMatch(/^First capture of 1 March 2024 \(this page\): seeds\/harbour\.txt, SHA-256 [0-9a-f]{64}$/);
    expect(evidence[1]).toMatch(/^Capture of 10 March 2024: seeds\/harbour@2024-03-10\.txt, SHA-256 [0-9a-f]{64}$/);
    expect(evidence[2]).toMatch(/^Capture of 20 March 2024: seeds\/harbour@2024-03-20\.txt, SHA-256 [0-9a-f]{64}$/);
    expect(hrefs(page)).toEqual(
      expect.arrayContaining(['/seeds/harbour/2024-03-10/', '/seeds/harbour/2024-03-20/', '/seeds/harbour/changes/']),
    );
    // The passage ids verdicts link to are where they always were.
    for (const id of ['passage-sea-wall-vote', 'passage-wall-cost', 'passage-consulted-in-spring'])
      expect(find(page, byId(id)), id).toBeDefined();
    expect(find(page, byId('passage-wall-finished'))).toBeUndefined(); // pinned to the capture of 10 March
    expect(flat(find(page, byId('text'))!)).toBe('The text, as received');
  });

  it('highlights on a later capture page the passages checked against that capture only', () => {
    const page = readPage(site, 'seeds/harbour/2024-03-10/index.html');
    expect(flat(find(page, byId('text'))!)).toBe('The text, as captured on 10 March 2024');
    expect(find(page, byId('passage-wall-finished'))).toBeDefined();
    expect(find(page, byId('passage-wall-cost'))).toBeUndefined();
    const holder = find(page, (e) => attr(e, 'data-seed') === 'harbour')!;
    expect(text(holder)).toContain('6 million euros');
    expect(findAll(page, byTag('strong')).map(flat)).toContain('Capture of 10 March 2024');
    // Search indexes the seed page, not every version of it.
    const indexed = searchFragments(site).map((record) => record.url);
    expect(indexed).toContain('/seeds/harbour/');
    expect(indexed.filter((url) => url.startsWith('/seeds/harbour/'))).toEqual(['/seeds/harbour/']);
  });

  it('shows the word diff of consecutive captures with <del> and <ins>, and boxes the checked passages', () => {
    const page = readPage(site, 'seeds/harbour/changes/index.html');
    const first = find(page, byId('capture-2024-03-10'))!;
    const second = find(page, byId('capture-2024-03-20'))!;
    const diff = (step: Element) => find(step, byClass('diff-text'))!;
    expect(findAll(diff(first), byTag('del')).map(text)).toEqual(['4']);
    expect(findAll(diff(first), byTag('ins')).map(text)).toEqual(['6']);
    // "4" sits inside the checked wall-cost passage: it is boxed inside the <del>.
    expect(find(findAll(diff(first), byTag('del'))[0]!, byClass('checked'))).toBeDefined();
    const dels = findAll(diff(second), byTag('del'));
    expect(dels.map(text).join('')).toBe('2026,\n\nResidents will be consulted in the spring, the mayor said.');
    // Both removals are inside checked passages (wall-finished, consulted-in-spring): boxed; the line breaks are not.
    expect(dels.filter((d) => find(d, byClass('checked'))).map(text)).toEqual([
      '2026,',
      'Residents will be consulted in the spring, the mayor said.',
    ]);
    expect(findAll(diff(second), byTag('ins')).map(text)).toEqual(['2027,']);
    // The text of the diff without the added words is the older capture, without the removed ones the newer.
    const without = (node: Element, skip: string): string =>
      node.childNodes
        .map((child) =>
          child.nodeName === '#text' ? text(child as Element) : 'tagName' in child && child.tagName !== skip ? without(child, skip) : '',
        )
        .join('');
    for (const [step, older, newer] of [
      [first, 'harbour.txt', 'harbour@2024-03-10.txt'],
      [second, 'harbour@2024-03-10.txt', 'harbour@2024-03-20.txt'],
    ] as const) {
      expect(without(diff(step), 'ins')).toBe(fs.readFileSync(path.join(fixture, 'seeds', older), 'utf8'));
      expect(without(diff(step), 'del')).toBe(fs.readFileSync(path.join(fixture, 'seeds', newer), 'utf8'));
    }
    const steps = findAll(second, byClass('step-passages')).flatMap((list) => findAll(list, byTag('li')).map(flat));
    expect(steps).toEqual([
      'Rating: Accurate Residents will be consulted: removed; it was “Residents will be consulted in the spring, the mayor said.”',
      'Rating: Accurate The council voted for a sea wall: unchanged.',
      'Rating: Accurate The wall costs 4 million euros: unchanged.',
      'Rating: Accurate The wall will be finished by 2026: changed; it now reads “The wall will be finished by 2027, the mayor said.”',
    ]);
    expect(flat(find(page, byId('capture-2024-03-10-title'))!)).toBe(
      'From the first capture of 1 March 2024 to the capture of 10 March 2024',
    );
  });

  it('says near the top of a verdict page that its passage changed later, with the new words and a link to the diff', () => {
    const page = readPage(site, 'verdicts/wall-cost/index.html');
    const notice = find(page, byClass('passage-notice'))!;
    expect(flat(notice)).toContain(
      'The article was changed on 10 March 2024, after this check: the passage now reads “The mayor said the wall would cost 6 million euros and protect 300 homes from winter storms.” See what changed.',
    );
    expect(hrefs(notice)).toEqual(['/seeds/harbour/changes/#capture-2024-03-10']);
    // Near the top: before the claim and the passage.
    const article = find(page, byTag('article'))!;
    const order = findAll(article, (e) => e === notice || attr(e, 'id') === 'claim');
    expect(order[0]).toBe(notice);
    // The passage shown is still the one checked.
    expect(flat(find(page, byClass('passage'))!)).toContain('4 million euros');
  });

  it('says when the passage was removed, and nothing on a verdict whose passage never changed', () => {
    const removed = find(readPage(site, 'verdicts/consulted-in-spring/index.html'), byClass('passage-notice'))!;
    expect(flat(removed)).toContain(
      'The article was changed on 20 March 2024, after this check: the passage was removed. See what changed.',
    );
    expect(hrefs(removed)).toEqual(['/seeds/harbour/changes/#capture-2024-03-20']);
    expect(find(readPage(site, 'verdicts/sea-wall-vote/index.html'), byClass('passage-notice'))).toBeUndefined();
  });

  it('links a verdict checked against a later capture to that capture, at its passage', () => {
    const page = readPage(site, 'verdicts/pier-opening/index.html');
    expect(hrefs(page)).toContain('/seeds/pier/2024-04-02/#passage-pier-opening');
    // Its paragraph in that capture (the headline line is the first); the file's line is in the evidence details.
    expect(flat(find(page, byTag('figcaption'))!)).toBe('From Pier to reopen after repairs, as captured on 2 April 2024, paragraph 2.');
    const evidence = find(page, byClass('evidence'))!;
    const [terms, values] = [findAll(evidence, byTag('dt')).map(flat), findAll(evidence, byTag('dd')).map(flat)];
    expect(Object.fromEntries(terms.map((t, i) => [t, values[i]]))).toMatchObject({
      File: 'seeds/pier@2024-04-02.txt',
      Passage: 'Line 3, column 1',
    });
    const claimReview = JSON.parse(text(find(page, (e) => attr(e, 'type') === 'application/ld+json')!)) as ClaimReviewLd;
    expect(claimReview.itemReviewed.appearance[0].url).toMatch(/\/seeds\/pier\/2024-04-02\/$/);
    // A first capture with an article URL keeps it.
    const wall = JSON.parse(
      text(find(readPage(site, 'verdicts/wall-cost/index.html'), (e) => attr(e, 'type') === 'application/ld+json')!),
    ) as ClaimReviewLd;
    expect(wall.itemReviewed.appearance[0].url).toBe('https://example.org/port-ellery/sea-wall');
  });

  it('escapes whatever a capture holds on the changes page', async () => {
    const hostile = '<script>alert(1)</script> </del><img src=x onerror=alert(1)> &amp;';
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha@2024-03-05.txt': SEED_ALPHA.replace('Tuesday', `Tuesday ${hostile}`),
      'content/verdicts/v.md': verdictText(),
    });
    const built = await buildSite(root);
    const page = readPage(built, 'seeds/alpha/changes/index.html');
    expect(findAll(page, (e) => e.tagName === 'script' && !attr(e, 'type')).length).toBe(0);
    expect(findAll(page, byTag('img'))).toEqual([]);
    const added = findAll(find(page, byClass('diff-text'))!, byTag('ins'))
      .map(text)
      .join('');
    expect(added.trim()).toBe(hostile);
  });
});
