// Claimant, topic and outlet pages: one per name, paginated, tallying the ratings of published verdicts
// only; slugs are URL-safe whatever the name; names that would share a page, or cannot have one, fail check.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ARCHIVE_SLUG_MAX, archiveSlug } from '../src/site/archive.ts';
import { buildModel } from '../src/model/model.ts';
import { isPublished, publishedVerdicts } from '../src/model/published.ts';
import { PAGE_SIZE, SiteData } from '../src/eleventy/site-data.ts';
import { readSiteSettings, siteMeta } from '../src/eleventy/site-meta.ts';
import type { Model, Verdict } from '../src/model/types.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { repoRoot } from './support/site.ts';

afterAll(removeProjects);

const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function siteOf(model: Model, preview = false): SiteData {
  const data = new SiteData();
  data.update({
    model,
    site: siteMeta(readSiteSettings(repoRoot)),
    pathPrefix: '/',
    inputDir: `${repoRoot}/content`,
    redirects: [],
    css: '',
    preview,
  });
  return data;
}

/** Counts of each rating key among `verdicts`, only the keys that occur. */
const countsOf = (verdicts: readonly Verdict[]) => {
  const counts: Record<string, number> = {};
  for (const v of verdicts) counts[v.rating] = (counts[v.rating] ?? 0) + 1;
  return counts;
};

describe('archive pages of the sample', () => {
  const model = buildModel({ root: repoRoot });
  const data = siteOf(model);
  const published = publishedVerdicts(model.verdicts);

  it('gives each claimant named by a published verdict a page at its claimants.yml key, tallying its verdicts in the scale order', () => {
    const keys = [...new Set(published.flatMap((v) => (v.claimant ? [v.claimant] : [])))].sort();
    expect(data.claimantPages.map((p) => p.url).sort()).toEqual(keys.map((k) => `/claimants/${k}/`));
    for (const page of data.claimantPages) {
      const key = page.url.split('/')[2]!;
      const theirs = published.filter((v) => v.claimant === key);
      expect(page.name).toBe(model.claimants!.get(key)!.name);
      expect(page.items.map((v) => v.slug).sort()).toEqual(theirs.map((v) => v.slug).sort());
      expect(page.tally.map((r) => r.key)).toEqual(model.scale.levels.map((l) => l.key));
      expect(Object.fromEntries(page.tally.filter((r) => r.count > 0).map((r) => [r.key, r.count]))).toEqual(countsOf(theirs));
    }
    const guardian = data.claimantPages.find((p) => p.url === '/claimants/the-guardian/')!;
    expect(guardian.count).toBe(2);
    expect(guardian.tally.reduce((sum, r) => sum + r.count, 0)).toBe(2);
  });

  it('gives each tag a topic page listing exactly the published verdicts with that tag, newest first', () => {
    const tags = [...new Set(published.flatMap((v) => v.tags))].sort();
    expect(data.topicPages.map((p) => p.name).sort()).toEqual(tags);
    for (const page of data.topicPages) {
      const tagged = published.filter((v) => v.tags.includes(page.name));
      expect(page.url).toBe(`/topics/${page.name}/`);
      expect(page.items.map((v) => v.slug).sort()).toEqual(tagged.map((v) => v.slug).sort());
      const dates = page.items.map((v) => v.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it('gives the Guardian an outlet page with its seed and the verdicts anchored in it, and no page to seeds that name no outlet', () => {
    expect(data.outletPages.map((p) => p.url)).toEqual(['/outlets/the-guardian/']);
    const page = data.outletPages[0]!;
    const seeds = model.seeds.filter((s) => s.meta.outlet === 'The Guardian');
    expect(page.seeds.map((s) => s.url)).toEqual(seeds.map((s) => `/seeds/${s.id}/`));
    expect(page.items.map((v) => v.slug).sort()).toEqual(
      published
        .filter((v) => seeds.some((s) => s.id === v.anchor.seed))
        .map((v) => v.slug)
        .sort(),
    );
  });

  it('leaves drafts off every archive page, so a claimant or tag only a draft uses has none', () => {
    const draft = model.verdicts.find((v) => v.draft)!;
    expect(draft.claimant).toBeDefined();
    const listed = [...data.claimantPages, ...data.topicPages, ...data.outletPages].flatMap((p) => p.items.map((v) => v.slug));
    expect(listed).not.toContain(draft.slug);
    expect(data.claimantPages.map((p) => p.url)).not.toContain(`/claimants/${draft.claimant}/`);
    const onlyDraft = draft.tags.filter((t) => !published.some((v) => v.tags.includes(t)));
    expect(onlyDraft.length).toBeGreaterThan(0);
    for (const tag of onlyDraft) expect(data.topicPages.map((p) => p.name)).not.toContain(tag);
    expect(data.sitemapUrls.some((u) => u.includes(`/claimants/${draft.claimant}/`))).toBe(false);
  });

  it('lists a draft on its claimant, topic and outlet pages in a preview, as every listing of a preview does', () => {
    const draft = model.verdicts.find((v) => v.draft && v.anchor)!;
    const preview = siteOf(model, true);
    const page = preview.claimantPages.find((p) => p.url === `/claimants/${draft.claimant}/`)!;
    expect(page.items.map((v) => v.slug)).toContain(draft.slug);
    for (const tag of draft.tags) expect(preview.topicPages.find((p) => p.name === tag)!.items.map((v) => v.slug)).toContain(draft.slug);
  });

  it('links each verdict page to its claimant, topics and outlet, and each seed page to its outlet and its verdicts\u2019 claimants and topics', () => {
    const urls = new Set([...data.claimantPages, ...data.topicPages, ...data.outletPages].map((p) => p.url));
    for (const page of data.verdictPages) {
      const v = page.verdict;
      expect(page.archive.claimants.map((l) => l.url)).toEqual(v.claimant ? [`/claimants/${v.claimant}/`] : []);
      expect(page.archive.topics.map((l) => l.name)).toEqual(v.tags);
      expect(page.archive.outlets.map((l) => l.name)).toEqual(page.seed.meta.outlet ? [page.seed.meta.outlet] : []);
      for (const l of [...page.archive.claimants, ...page.archive.topics, ...page.archive.outlets])
        expect(urls.has(l.url), l.url).toBe(true);
    }
    const guardianSeed = data.seedPages.find((p) => p.seed.meta.outlet === 'The Guardian')!;
    expect(guardianSeed.archive.outlets.map((l) => l.url)).toEqual(['/outlets/the-guardian/']);
    const onIt = published.filter(
      (v) => v.anchor.seed === guardianSeed.seed.id || v.appearances.some((a) => a.seed === guardianSeed.seed.id),
    );
    expect(guardianSeed.archive.topics.map((l) => l.name).sort()).toEqual([...new Set(onIt.flatMap((v) => v.tags))].sort());
  });

  it('lists every claimant, topic and outlet on its index page, by name, and names each page in the sitemap with its newest verdict date', () => {
    expect(data.claimantIndexPages.map((p) => p.url)).toEqual(['/claimants/']);
    expect(data.claimantIndexPages[0]!.items.map((e) => e.url).sort()).toEqual(data.claimantPages.map((p) => p.url).sort());
    const names = data.topicIndexPages[0]!.items.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    const entries = new Map(data.sitemapEntries.map((e) => [e.loc, e.lastmod]));
    for (const page of [...data.claimantPages, ...data.topicPages]) {
      const newest = page.items
        .map((v) => v.updated ?? v.date)
        .sort()
        .at(-1);
      expect(entries.get(data.absoluteUrl(page.url)), page.url).toBe(newest);
    }
    for (const url of ['/claimants/', '/topics/', '/outlets/']) expect(entries.has(data.absoluteUrl(url))).toBe(true);
  });
});

describe('archive pagination', () => {
  const model = buildModel({ root: repoRoot });
  const template = model.verdicts.find((v) => isPublished(v) && v.claimant)!;

  it('cuts a claimant with 120 verdicts into pages of 50, each with the whole tally, and its index into pages too', () => {
    const verdicts: Verdict[] = [];
    for (let i = 0; i < 120; i++) {
      verdicts.push({
        ...template,
        slug: `v-${String(i).padStart(3, '0')}`,
        rating: model.scale.levels[i < 60 ? 0 : 2]!.key,
        claimant: `Person ${String(i % 60).padStart(2, '0')}`,
      });
      verdicts.push({
        ...template,
        slug: `w-${String(i).padStart(3, '0')}`,
        rating: model.scale.levels[0]!.key,
        claimant: 'Busy Claimant',
        date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      });
    }
    const data = siteOf({ ...model, verdicts });
    const busy = data.claimantPages.filter((p) => p.name === 'Busy Claimant');
    expect(busy.map((p) => [p.url, p.items.length, p.previousUrl, p.nextUrl])).toEqual([
      ['/claimants/busy-claimant/', PAGE_SIZE, undefined, '/claimants/busy-claimant/page/2/'],
      ['/claimants/busy-claimant/page/2/', PAGE_SIZE, '/claimants/busy-claimant/', '/claimants/busy-claimant/page/3/'],
      ['/claimants/busy-claimant/page/3/', 20, '/claimants/busy-claimant/page/2/', undefined],
    ]);
    expect(new Set(busy.flatMap((p) => p.items.map((v) => v.slug))).size).toBe(120);
    for (const page of busy) expect(page.tally.find((r) => r.key === model.scale.levels[0]!.key)!.count).toBe(120);
    // 60 "Person nn" and the busy one: 61 claimants, two index pages
    expect(data.claimantIndexPages.map((p) => [p.url, p.items.length])).toEqual([
      ['/claimants/', PAGE_SIZE],
      ['/claimants/page/2/', 11],
    ]);
    const person = data.claimantPages.find((p) => p.name === 'Person 00')!;
    expect(person.tally.map((r) => r.share).slice(0, 3)).toEqual(['50%', '0%', '50%']);
  });

  it("pages an outlet's seeds alongside its verdicts", () => {
    const first = model.seeds[0]!;
    const seeds = Array.from({ length: 70 }, (_, i) => ({
      ...first,
      id: `s-${String(i).padStart(2, '0')}`,
      meta: { ...first.meta, outlet: 'Big Outlet' },
    }));
    const data = siteOf({ ...model, seeds, seedsById: new Map(seeds.map((s) => [s.id, s])), verdicts: [] });
    expect(data.outletPages.map((p) => [p.url, p.seeds.length, p.items.length])).toEqual([
      ['/outlets/big-outlet/', PAGE_SIZE, 0],
      ['/outlets/big-outlet/page/2/', 20, 0],
    ]);
    expect(data.claimantPages).toEqual([]);
    expect(data.claimantIndexPages.map((p) => [p.url, p.items.length])).toEqual([['/claimants/', 0]]);
  });
});

describe('archive slugs', () => {
  it('make readable ASCII slugs of Latin names, dropping accents, case and punctuation', () => {
    expect(archiveSlug('Jens Stoltenberg')).toBe('jens-stoltenberg');
    expect(archiveSlug('Zürich – Straße & Co.')).toBe('zurich-strasse-co');
    expect(archiveSlug('minsk-agreements')).toBe('minsk-agreements');
    expect(archiveSlug('ＲＵＳＳＩＡ')).toBe('russia');
  });

  it('give names in other scripts distinct slugs ending in a hash, and none to a name without letters or digits', () => {
    const [peskov, medvedev] = [archiveSlug('Дмитрий Песков'), archiveSlug('Дмитрий Медведев')];
    expect(peskov).toMatch(/^n-[0-9a-f]{10}$/);
    expect(peskov).not.toBe(medvedev);
    expect(archiveSlug('Песков')).toBe(archiveSlug('ПЕСКОВ'));
    expect(archiveSlug('NATO (НАТО)')).toMatch(/^nato-[0-9a-f]{10}$/);
    for (const empty of ['!!!', '   ', '../..', '/', '\u202e\u200b', '🇺🇦', ''])
      expect(archiveSlug(empty), JSON.stringify(empty)).toBeUndefined();
  });

  it('are one URL segment of lowercase letters, digits and single hyphens whatever the name (never "..", "/", "%" or a control character)', () => {
    const hostile = [
      '../../etc/passwd',
      'a/b\\c',
      '%2e%2e%2f',
      '<script>alert(1)</script>',
      'tab\there\nnewline\u0000nul',
      'x\u202egnp.exe',
      'a'.repeat(5000),
      `${'word '.repeat(40)}Песков`,
    ];
    for (const name of hostile) {
      const slug = archiveSlug(name)!;
      expect(slug, name.slice(0, 40)).toMatch(SAFE_SLUG);
      expect(slug.length).toBeLessThanOrEqual(ARCHIVE_SLUG_MAX);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const slug = archiveSlug(name);
        return slug === undefined ? !/[\p{L}\p{N}]/u.test(name.normalize('NFKD')) : SAFE_SLUG.test(slug) && slug.length <= ARCHIVE_SLUG_MAX;
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });
});

describe('check on claimant, topic and outlet names', () => {
  const problemsOf = (files: Record<string, string>) =>
    buildModel({ root: makeProject({ 'seeds/alpha.txt': SEED_ALPHA, ...files }) }).problems.filter((p) => p.rule.startsWith('archive-'));

  it('fails a tag spelled two ways, at the second spelling, naming the page and the first one', () => {
    const problems = problemsOf({
      'content/verdicts/a.md': verdictText({ tags: 'tags: [harbour, Russia]' }),
      'content/verdicts/b.md': verdictText({ tags: 'tags:\n  - russia' }),
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`)).toEqual([
      'content/verdicts/b.md:12:5 error archive-name-collision',
    ]);
    expect(problems[0]!.message).toContain('/topics/russia/');
    expect(problems[0]!.message).toContain('content/verdicts/a.md:11:17');
  });

  it('fails a free-text claimant that would take the page of a claimants.yml key, suggesting the key', () => {
    const problems = problemsOf({
      'content/_data/claimants.yml': '- key: the-gazette\n  name: The Gazette\n  type: Organization\n',
      'content/verdicts/a.md': verdictText({ claimant: 'claimant: The Gazette' }),
      'content/verdicts/b.md': verdictText({ claimant: 'claimant: the-gazette' }),
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'content/verdicts/a.md:11:11 archive-name-collision',
    ]);
    expect(problems[0]!.message).toContain('Write it as "the-gazette" (the key)');
  });

  it('fails two outlets that differ only in letter case, at the outlet line of the second seed', () => {
    const problems = problemsOf({
      'seeds/alpha.yml': 'title: Alpha\noutlet: Port Ellery Gazette\n',
      'seeds/beta.txt': 'Another text.\n',
      'seeds/beta.yml': 'title: Beta\noutlet: port ellery gazette\n',
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual(['seeds/beta.yml:2:9 archive-name-collision']);
  });

  it('fails a tag, a claimant or an outlet with no letter or digit, drafts included', () => {
    const problems = problemsOf({
      'seeds/alpha.yml': 'title: Alpha\noutlet: "***"\n',
      'content/verdicts/a.md': verdictText({ tags: 'tags: ["!!!"]', claimant: 'claimant: "?"', draft: 'draft: true' }),
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`).sort()).toEqual([
      'content/verdicts/a.md:11:8 archive-name-empty',
      'content/verdicts/a.md:12:11 archive-name-empty',
      'seeds/alpha.yml:2:9 archive-name-empty',
    ]);
  });

  it('accepts the same name written the same way in many verdicts', () => {
    expect(
      problemsOf({
        'content/verdicts/a.md': verdictText({ tags: 'tags: [Harbour, council]', claimant: 'claimant: Port Ellery Council' }),
        'content/verdicts/b.md': verdictText({ tags: 'tags: [Harbour]', claimant: 'claimant: Port Ellery Council' }),
      }),
    ).toEqual([]);
  });
});
