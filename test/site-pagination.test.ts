// Listings paginate at 50 with stable URLs, so the home page of a 10,000-verdict archive stays small.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { PAGE_SIZE, SIDE_SEEDS, SiteData } from '../src/eleventy/site-data.ts';
import { paginate } from '../src/site/paginate.ts';
import { isPublished, publishedVerdicts } from '../src/model/published.ts';
import { readSiteSettings, siteMeta } from '../src/eleventy/site-meta.ts';
import type { PublishedVerdict, Seed, Verdict } from '../src/model/types.ts';
import { repoRoot } from './support/site.ts';

describe('paginated listings', () => {
  it('cuts a list into pages of 50 at /, /page/2/, ...', () => {
    const pages = paginate([...Array(101).keys()], PAGE_SIZE, (n) => (n === 1 ? '/' : `/page/${n}/`));
    expect(pages.map((p) => [p.url, p.items.length, p.previousUrl, p.nextUrl])).toEqual([
      ['/', 50, undefined, '/page/2/'],
      ['/page/2/', 50, '/', '/page/3/'],
      ['/page/3/', 1, '/page/2/', undefined],
    ]);
    expect(paginate([], PAGE_SIZE, () => '/')).toHaveLength(1);
  });

  it('orders the home and rating pages newest first, ties by slug, and keeps every verdict on exactly one page', () => {
    const model = buildModel({ root: repoRoot });
    const template = model.verdicts.find(isPublished)!;
    const verdicts: Verdict[] = [];
    for (let i = 0; i < 130; i++) {
      const rating = model.scale.levels[i % 2]!.key;
      verdicts.push({
        ...template,
        slug: `v-${String(i).padStart(3, '0')}`,
        date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        rating,
        draft: i === 7,
      });
    }
    const data = new SiteData();
    const site = siteMeta(readSiteSettings(repoRoot));
    data.update({ model: { ...model, verdicts }, site, pathPrefix: '/', inputDir: `${repoRoot}/content`, redirects: [], css: '' });

    expect(data.homePages.map((p) => p.url)).toEqual(['/', '/page/2/', '/page/3/']);
    const listed = data.homePages.flatMap((p) => p.items);
    expect(listed).toHaveLength(129);
    expect(listed.some((v) => v.slug === 'v-007')).toBe(false);
    for (let i = 1; i < listed.length; i++) {
      const [a, b] = [listed[i - 1]!, listed[i]!];
      expect(a.date > b.date || (a.date === b.date && a.slug < b.slug)).toBe(true);
    }
    const first = model.scale.levels[0]!.key;
    const ratingPages = data.ratingPages.filter((p) => p.level.key === first);
    expect(ratingPages.map((p) => p.url)).toEqual([`/ratings/${first}/`, `/ratings/${first}/page/2/`]);
    expect(ratingPages.flatMap((p) => p.items).every((v) => v.rating === first)).toBe(true);
    // A rating nobody has used still gets its page.
    expect(data.ratingPages.filter((p) => p.level.key === model.scale.levels.at(-1)!.key)).toHaveLength(1);
  });

  it('lists every seed once at /seeds/, /seeds/page/2/, ... in id order, and names only the most checked few on the home page', () => {
    const model = buildModel({ root: repoRoot });
    const template = model.seeds[0]!;
    const seeds: Seed[] = [];
    for (let i = 0; i < 120; i++) seeds.push({ ...template, id: `s-${String(119 - i).padStart(3, '0')}` });
    seeds.sort((a, b) => (a.id < b.id ? -1 : 1));
    const anchored = publishedVerdicts(model.verdicts);
    // s-005 carries three verdicts, s-002 two, s-100 one: the side column lists them first, then the rest by id
    const on = (seed: string, v: PublishedVerdict): Verdict => ({ ...v, anchor: { ...v.anchor, seed }, appearances: [] });
    const verdicts = [
      on('s-005', anchored[0]!),
      on('s-005', { ...anchored[1]!, slug: 'x1' }),
      on('s-005', { ...anchored[2]!, slug: 'x2' }),
      on('s-002', { ...anchored[0]!, slug: 'y1' }),
      on('s-002', { ...anchored[1]!, slug: 'y2' }),
      on('s-100', { ...anchored[0]!, slug: 'z1' }),
    ];
    const data = new SiteData();
    data.update({
      model: { ...model, seeds, seedsById: new Map(seeds.map((s) => [s.id, s])), verdicts },
      site: siteMeta(readSiteSettings(repoRoot)),
      pathPrefix: '/',
      inputDir: `${repoRoot}/content`,
      redirects: [],
      css: '',
    });

    expect(data.seedIndexPages.map((p) => p.url)).toEqual(['/seeds/', '/seeds/page/2/', '/seeds/page/3/']);
    expect(data.seedIndexPages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 20]);
    expect(data.seedIndexPages.flatMap((p) => p.items.map((s) => s.seed.id))).toEqual(seeds.map((s) => s.id));
    expect(data.topSeeds.map((s) => s.seed.id)).toEqual([
      's-005',
      's-002',
      's-100',
      's-000',
      's-001',
      's-003',
      's-004',
      's-006',
      's-007',
      's-008',
    ]);
    expect(data.topSeeds).toHaveLength(SIDE_SEEDS);
  });
});
