// Listings paginate at 50 with stable URLs, so the home page of a 10,000-verdict archive stays small.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model.ts';
import { PAGE_SIZE, paginate, SiteData } from '../src/eleventy/site-data.ts';
import { readSiteSettings, siteMeta } from '../src/eleventy/site-meta.ts';
import type { Verdict } from '../src/types.ts';
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
    const template = model.verdicts.find((v) => !v.draft && v.anchor)!;
    const verdicts: Verdict[] = [];
    for (let i = 0; i < 130; i++) {
      const rating = model.scale.levels[i % 2]!.key;
      verdicts.push({ ...template, slug: `v-${String(i).padStart(3, '0')}`, date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, rating, draft: i === 7 });
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
});
