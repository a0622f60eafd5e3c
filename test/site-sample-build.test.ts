// Builds the sample site with the real `npm run build` command (three times: twice at the root, in two
// time zones, once under a path prefix, the run's shared build) and checks the published pages from their HTML.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { anchorPassageId } from '../src/site/highlights.ts';
import type { Model, PublishedVerdict } from '../src/model/types.ts';
import { publishedVerdicts } from '../src/model/published.ts';
import {
  attr,
  buildSite,
  byId,
  byTag,
  fileFor,
  find,
  findAll,
  listFiles,
  readPage,
  repoRoot,
  sharedBuild,
  text,
  type Element,
} from './support/site.ts';
import { INVISIBLE_IN_TEXT } from '../src/content/invisible-text.ts';
import { outputFileOf, siteOwnerOf } from '../src/site/urls.ts';
import type { ClaimReviewFeed, ClaimReviewLd } from './support/claimreview-json.ts';

let model: Model;
let published: PublishedVerdict[];
let site: string;
let again: string;
let prefixed: string;

beforeAll(async () => {
  model = buildModel({ root: repoRoot });
  published = publishedVerdicts(model.verdicts);
  [site, again, prefixed] = await Promise.all([
    buildSite(repoRoot, { env: { TZ: 'UTC' } }),
    buildSite(repoRoot, { env: { TZ: 'Pacific/Kiritimati' } }),
    sharedBuild(repoRoot, { pathPrefix: '/factcheck/' }),
  ]);
});

/** The text the seed page can show for [start, end): the seed's characters inside its paragraphs. */
function shownText(seedId: string, start: number, end: number): string {
  const seed = model.seedsById.get(seedId)!;
  return seed.paragraphs
    .map((p) => seed.text.slice(Math.max(p.start, start), Math.min(p.end, end)))
    .filter((part, i) => {
      const p = seed.paragraphs[i]!;
      return p.end > start && p.start < end && part !== '';
    })
    .join('');
}

/** Marks of `slug` on a seed page whose segment (id m-<start>-<end>) lies in [start, end), in page order. */
function marksIn(page: Element, slug: string, start: number, end: number): Element[] {
  return findAll(page, (e) => {
    if (e.tagName !== 'mark' || !(attr(e, 'data-verdicts') ?? '').split(' ').includes(slug)) return false;
    const [, s, t] = /^m-(\d+)-(\d+)$/.exec(attr(e, 'id') ?? '') ?? [];
    return Number(s) >= start && Number(t) <= end;
  });
}

describe('the sample site', () => {
  it('has every page of the contract', () => {
    const files = new Set(listFiles(site));
    const expected = [
      'index.html',
      'about/index.html',
      'search/index.html',
      'seeds/index.html',
      '404.html',
      'feed.xml',
      'sitemap.xml',
      'claimreview.json',
      'assets/site.css',
      'pagefind/pagefind-ui.js',
      ...published.map((v) => `verdicts/${v.slug}/index.html`),
      ...model.seeds.map((s) => `seeds/${s.id}/index.html`),
      ...model.scale.levels.map((l) => `ratings/${l.key}/index.html`),
    ];
    for (const file of expected) expect(files, file).toContain(file);
    for (const v of model.verdicts.filter((d) => d.draft)) expect(files).not.toContain(`verdicts/${v.slug}/index.html`);
  });

  it("highlights each verdict's passage with exactly the seed's text at its anchor", () => {
    for (const v of published) {
      const anchor = v.anchor;
      const page = readPage(site, `seeds/${anchor.seed}/index.html`);
      const pin = find(page, byId(anchorPassageId(v)!));
      expect(pin, `${v.slug}: passage id on the seed page`).toBeDefined();
      const marks = marksIn(page, v.slug, anchor.start, anchor.end);
      expect(marks.length, v.slug).toBeGreaterThan(0);
      expect(marks.map(text).join(''), v.slug).toBe(shownText(anchor.seed, anchor.start, anchor.end));
      expect(marks[0]!.childNodes).toContain(pin);
      for (const a of v.appearances) {
        const other = readPage(site, `seeds/${a.seed}/index.html`);
        expect(marksIn(other, v.slug, a.start, a.end).map(text).join(''), `${v.slug} in ${a.seed}`).toBe(shownText(a.seed, a.start, a.end));
      }
    }
  });

  it('shows each seed whole: the page text, markup stripped, is the seed paragraph by paragraph', () => {
    for (const seed of model.seeds) {
      // The invariant holds for seeds without invisible characters (src/content/invisible-text.ts), as the samples are; a seed
      // with them shows each as its label, `U+202E`, instead (the documented exception: test/site-invisible-text.test.ts).
      expect(seed.text).not.toMatch(new RegExp(INVISIBLE_IN_TEXT.source));
      const page = readPage(site, `seeds/${seed.id}/index.html`);
      const holders = findAll(page, (e) => attr(e, 'data-seed') !== undefined);
      expect(holders.map((e) => attr(e, 'data-seed'))).toEqual([seed.id]);
      const paragraphs = holders[0]!.childNodes.filter((n): n is Element => 'tagName' in n);
      expect(paragraphs.every((p) => p.tagName === 'p')).toBe(true);
      expect(paragraphs.map(text)).toEqual(seed.paragraphs.map((p) => seed.text.slice(p.start, p.end)));
      expect(text(holders[0]!).trim().replace(/\n/g, '')).toBe(paragraphs.map(text).join(''));
    }
  });

  it('gives every verdict page its rating as text, the passage, its link to the seed page and the ClaimReview', () => {
    for (const v of published) {
      const page = readPage(site, `verdicts/${v.slug}/index.html`);
      const level = model.scale.levels.find((l) => l.key === v.rating)!;
      expect(text(find(page, byTag('h1'))!)).toBe(v.title);
      const box = find(page, (e) => (attr(e, 'class') ?? '').includes('rating-box'))!;
      expect(text(box)).toContain(level.label);
      expect(text(box)).toContain(level.description);
      const hrefs = findAll(page, byTag('a')).map((a) => attr(a, 'href'));
      expect(hrefs).toContain(`/seeds/${v.anchor.seed}/#${anchorPassageId(v)}`);
      const passage = find(page, (e) => e.tagName === 'mark')!;
      expect(text(passage).replace(/\s+/g, ' ')).toBe(v.anchor.text.replace(/\s+/g, ' '));
      for (const id of new Set(v.appearances.map((a) => a.seed))) {
        if (id !== v.anchor.seed)
          expect(
            hrefs.some((h) => h?.startsWith(`/seeds/${id}/#`)),
            `${v.slug} also appears in ${id}`,
          ).toBe(true);
      }
      // A repeat in the anchor's own text is not presented as another source text.
      const also = find(page, (e) => attr(e, 'class') === 'also');
      const repeatsInOwnSeed = v.appearances.some((a) => a.seed === v.anchor.seed);
      const ownSeedLinks = also ? findAll(also, byTag('a')).filter((a) => attr(a, 'href')?.startsWith(`/seeds/${v.anchor.seed}/#`)) : [];
      expect(ownSeedLinks.map((a) => text(a))).toEqual(repeatsInOwnSeed ? ['Elsewhere in the same text'] : []);
      const sources = find(page, (e) => attr(e, 'class') === 'sources')!;
      expect(findAll(sources, byTag('li'))).toHaveLength(v.sources.length);
    }
  });

  it('carries a ClaimReview with the properties Google requires on every verdict page, and in /claimreview.json', () => {
    const origin = 'http://localhost:8080';
    for (const v of published) {
      const page = readPage(site, `verdicts/${v.slug}/index.html`);
      const scripts = findAll(page, (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json');
      expect(scripts).toHaveLength(1);
      const review = JSON.parse(text(scripts[0]!)) as ClaimReviewLd;
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.url).toBe(`${origin}/verdicts/${v.slug}/`);
      expect(review.claimReviewed).toBe(v.claim);
      expect(review.datePublished).toBe(v.date);
      expect(review.author.name).toBeTruthy();
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(review.reviewRating.alternateName).toBe(model.scale.levels.find((l) => l.key === v.rating)!.label);
      expect(review.itemReviewed['@type']).toBe('Claim');
      expect(review.itemReviewed.appearance.length).toBeGreaterThan(0);
    }
    const feed = JSON.parse(fs.readFileSync(path.join(site, 'claimreview.json'), 'utf8')) as ClaimReviewFeed;
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.dataFeedElement.map((item: { item: { url: string } }) => item.item.url).sort()).toEqual(
      published.map((v) => `${origin}/verdicts/${v.slug}/`).sort(),
    );
  });

  it('lists the newest verdicts first on the home page, with counts per rating, the most checked seeds and a link to all', () => {
    const home = readPage(site, 'index.html');
    const titles = findAll(
      find(home, (e) => attr(e, 'class') === 'verdict-list')!,
      byTag('h3'),
    ).map(text);
    const newest = [...published].sort((a, b) => (a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1));
    expect(titles).toEqual(newest.slice(0, 50).map((v) => v.title));
    const hrefs = findAll(home, byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toContain('/seeds/');
    const side = findAll(
      find(home, (e) => attr(e, 'class') === 'seed-list')!,
      byTag('li'),
    );
    expect(side.length).toBe(Math.min(10, model.seeds.length));
    const counts = findAll(
      find(home, (e) => attr(e, 'class') === 'rating-counts')!,
      byTag('li'),
    ).map(text);
    for (const level of model.scale.levels) {
      const n = published.filter((v) => v.rating === level.key).length;
      expect(counts.some((c) => c.includes(level.label) && c.includes(`${n} verdict`))).toBe(true);
    }
  });

  it('lists every seed at /seeds/ with its readable title, outlet and number of fact-checks, and the sitemap names the index', () => {
    const index = readPage(site, 'seeds/index.html');
    const items = findAll(
      find(index, (e) => attr(e, 'class') === 'seed-list')!,
      byTag('li'),
    );
    expect(items.map((li) => attr(findAll(li, byTag('a'))[0]!, 'href'))).toEqual(model.seeds.map((s) => `/seeds/${s.id}/`));
    model.seeds.forEach((seed, i) => {
      const line = text(items[i]!).replace(/\s+/g, ' ').trim();
      expect(line).toContain(seed.title);
      expect(line).not.toContain(seed.id);
      expect(line).toContain(seed.meta.outlet ?? 'Outlet not stated');
      expect(line).toMatch(/\d+ fact-checks?$/);
      expect(line).not.toContain('reviewed');
    });
    expect(fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8')).toMatch(/<loc>[^<]*\/seeds\/<\/loc>/);
  });

  it("publishes a page per claimant, with its published verdicts and a table of their ratings in the scale's order, and links it from their verdict pages", () => {
    const keys = [...new Set(published.flatMap((v) => (v.claimant ? [v.claimant] : [])))].sort();
    const index = readPage(site, 'claimants/index.html');
    expect(
      findAll(
        find(index, (e) => (attr(e, 'class') ?? '').includes('archive-index'))!,
        byTag('a'),
      )
        .map((a) => attr(a, 'href'))
        .sort(),
    ).toEqual(keys.map((k) => `/claimants/${k}/`));
    for (const key of keys) {
      const page = readPage(site, `claimants/${key}/index.html`);
      const theirs = published.filter((v) => v.claimant === key);
      expect(text(find(page, byTag('h1'))!)).toBe(`Claims by ${model.claimants!.get(key)!.name}`);
      const rows = findAll(
        find(page, (e) => attr(e, 'class') === 'tally')!,
        byTag('tr'),
      )
        .slice(1)
        .map((tr) => findAll(tr, (e) => e.tagName === 'th' || e.tagName === 'td').map((c) => text(c).trim()));
      expect(rows).toEqual(
        model.scale.levels.map((level) => {
          const n = theirs.filter((v) => v.rating === level.key).length;
          return [`Rating: ${level.label}`, String(n), `${Math.round((n / theirs.length) * 100)}%`];
        }),
      );
      const listed = findAll(
        find(page, (e) => attr(e, 'class') === 'verdict-list')!,
        byTag('h3'),
      ).map(text);
      expect(listed.sort()).toEqual(theirs.map((v) => v.title).sort());
      for (const v of theirs) {
        const links = find(readPage(site, `verdicts/${v.slug}/index.html`), (e) => attr(e, 'class') === 'archive-links')!;
        expect(findAll(links, byTag('a')).map((a) => attr(a, 'href'))).toContain(`/claimants/${key}/`);
      }
    }
  });

  it('publishes a page per tag and per outlet, and their indexes, and links the outlet from its seed pages', () => {
    const tags = new Set(published.flatMap((v) => v.tags));
    const topics = listFiles(site).filter((f) => /^topics\/[^/]+\/index\.html$/.test(f) && !f.startsWith('topics/page/'));
    expect(topics.length).toBe(tags.size);
    expect(
      findAll(readPage(site, 'topics/index.html'), byTag('a')).filter((a) => /^\/topics\/[^/]+\/$/.test(attr(a, 'href') ?? '')),
    ).toHaveLength(tags.size);
    for (const seed of model.seeds.filter((s) => s.meta.outlet)) {
      const meta = find(readPage(site, `seeds/${seed.id}/index.html`), (e) => (attr(e, 'class') ?? '').includes('seed-meta'))!;
      const link = findAll(meta, byTag('a')).find((a) => text(a) === seed.meta.outlet)!;
      const outlet = readPage(site, `${attr(link, 'href')!.slice(1)}index.html`);
      expect(findAll(outlet, byTag('a')).map((a) => attr(a, 'href'))).toContain(`/seeds/${seed.id}/`);
    }
    expect(fs.existsSync(path.join(site, 'outlets/index.html'))).toBe(true);
  });

  it('publishes an Atom feed whose updated date is the newest verdict date (no build time)', () => {
    const feed = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    const newest = published
      .map((v) => v.date)
      .sort()
      .at(-1);
    expect(feed.match(/<updated>([^<]+)<\/updated>/)?.[1]).toBe(`${newest}T00:00:00Z`);
    expect(feed.match(/<entry>/g)).toHaveLength(Math.min(50, published.length));
    for (const v of published) expect(feed).toContain(`<id>http://localhost:8080/verdicts/${v.slug}/</id>`);
  });

  it('lists every HTML page but the 404 page in the sitemap, with absolute URLs', () => {
    const sitemap = fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = listFiles(site)
      .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/'))
      .map((f) => `http://localhost:8080/${f.replace(/index\.html$/, '')}`);
    expect(locs.sort()).toEqual(pages.sort());
  });

  it("writes every file but the editors' own pages at a path the site owns, so check refuses an editor's page there", () => {
    const editors = new Set(model.pages.map((page) => outputFileOf(page.url)));
    const files = listFiles(site).filter((file) => !editors.has(file));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(siteOwnerOf(`/${file}`), file).toBeDefined();
  });

  it('is byte-identical when built again (in another time zone)', () => {
    const files = listFiles(site);
    expect(listFiles(again)).toEqual(files);
    for (const file of files) {
      expect(fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(site, file))), file).toBe(true);
    }
  });

  for (const [name, prefix] of [
    ['at the root', ''],
    ['under --pathprefix=/factcheck/', '/factcheck'],
  ] as const) {
    it(`resolves every internal link, asset and #fragment ${name}`, () => {
      const dir = prefix ? prefixed : site;
      const ids = new Map<string, Set<string>>();
      const idsOf = (file: string) => {
        if (!ids.has(file))
          ids.set(file, new Set(findAll(readPage(dir, file), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id')!)));
        return ids.get(file)!;
      };
      const files = new Set(listFiles(dir));
      let checked = 0;
      for (const file of files) {
        if (!file.endsWith('.html') || file.startsWith('pagefind/')) continue;
        const page = readPage(dir, file);
        for (const e of findAll(page, (el) => attr(el, 'href') !== undefined || attr(el, 'src') !== undefined)) {
          const url = (attr(e, 'href') ?? attr(e, 'src'))!;
          if (/^https?:/.test(url)) continue;
          const target = new URL(url, `http://site${prefix}/${file}`);
          expect(target.host, `${file}: ${url}`).toBe('site');
          expect(target.pathname.startsWith(`${prefix}/`), `${file}: ${url} is under ${prefix}/`).toBe(true);
          const targetFile = fileFor(target.pathname.slice(prefix.length));
          expect(files.has(targetFile), `${file}: ${url} -> ${targetFile}`).toBe(true);
          if (target.hash) expect(idsOf(targetFile).has(decodeURIComponent(target.hash.slice(1))), `${file}: ${url}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      if (prefix) {
        const feed = fs.readFileSync(path.join(dir, 'feed.xml'), 'utf8');
        expect(feed).toContain(`http://localhost:8080${prefix}/verdicts/`);
        expect(feed).not.toMatch(/http:\/\/localhost:8080\/verdicts\//);
        const v = published[0]!;
        const review = JSON.parse(
          text(find(readPage(dir, `verdicts/${v.slug}/index.html`), (e) => attr(e, 'type') === 'application/ld+json')!),
        ) as ClaimReviewLd;
        expect(review.url).toBe(`http://localhost:8080${prefix}/verdicts/${v.slug}/`);
        const search = find(readPage(dir, 'search/index.html'), byId('search'))!;
        expect(attr(search, 'data-base-url')).toBe(`${prefix}/`);
      }
    });
  }

  it('keeps a seed page well under 50 KB', () => {
    for (const seed of model.seeds) {
      const size = fs.statSync(path.join(site, `seeds/${seed.id}/index.html`)).size + fs.statSync(path.join(site, 'assets/site.css')).size;
      expect(size, seed.id).toBeLessThan(50_000);
    }
  });
});
