// The search index's records come from the model: what a reader can find, the rating on each result and
// the filters. Content and filter values are printed as HTML by Pagefind's UI, so they are escaped; words
// that Pagefind would read as its own instructions stay words; a large site is split into several indexes.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { collectRedirects } from '../src/site/redirects.ts';
import { SiteData } from '../src/eleventy/site-data.ts';
import { readSiteSettings, siteMeta } from '../src/eleventy/site-meta.ts';
import {
  searchShards,
  searchText,
  seedRecord,
  shardRecords,
  shardText,
  verdictRecord,
  SEARCH_FILTERS,
} from '../src/eleventy/search-records.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { repoRoot } from './support/site.ts';

afterAll(removeProjects);

function siteOf(root: string, pathPrefix = '/'): SiteData {
  const model = buildModel({ root });
  const site = new SiteData();
  site.update({
    model,
    site: siteMeta(readSiteSettings(root, { defaultsRoot: repoRoot }), pathPrefix),
    pathPrefix,
    inputDir: path.join(root, 'content'),
    redirects: collectRedirects(model.verdicts),
    css: '',
  });
  return site;
}

describe('search records', () => {
  const hostile = '<img src=x onerror=alert(1)> & "quotes" ___PAGEFIND_WEIGHT___0 ___PAGEFIND_ANCHOR___h2:x:y';
  const root = makeProject({
    'seeds/alpha.txt': SEED_ALPHA,
    'content/verdicts/wall.md': verdictText(
      {
        title: `title: ${JSON.stringify(`Wall ${hostile}`)}`,
        claimant: `claimant: ${JSON.stringify(`Mayor <b>Ames</b>`)}`,
        tags: 'tags: [harbour, "<i>budget</i>"]',
      },
      `The minutes say so. ${hostile}\n`,
    ),
  });
  const site = siteOf(root, '/factcheck/');
  const verdict = verdictRecord(site.verdictPages[0]!, site);
  const seed = seedRecord(site.seedPages[0]!, site);

  it('has one record per published verdict and seed page, at its site path without the prefix', () => {
    expect(site.searchShards).toHaveLength(1);
    expect([...shardRecords(site.searchShards[0]!, site)].map((r) => r.url)).toEqual(['/verdicts/wall/', '/seeds/alpha/']);
  });

  it("gives a verdict's record its title and rating label as meta, and its rating, topics, claimant and seed as filters", () => {
    const level = site.level('accurate')!;
    expect(verdict.meta).toEqual({ title: `Wall ${hostile}`, rating: level.label });
    expect(verdict.filters).toEqual({
      [SEARCH_FILTERS.rating]: [level.label],
      [SEARCH_FILTERS.source]: [searchText(site.seedTitle('alpha'))],
      [SEARCH_FILTERS.topic]: ['&lt;i&gt;budget&lt;/i&gt;', 'harbour'],
      [SEARCH_FILTERS.claimant]: ['Mayor &lt;b&gt;Ames&lt;/b&gt;'],
    });
    expect(seed.meta).toEqual({ title: `Source text: ${site.seedPages[0]!.title}` });
    expect(seed.filters).toEqual({ [SEARCH_FILTERS.source]: [searchText(site.seedPages[0]!.title)] });
  });

  it('holds what a reader searches, as escaped text with no markup and no word Pagefind would obey', () => {
    expect(verdict.content).toContain('The minutes say so.');
    expect(verdict.content).toContain('Claimed by Mayor &lt;b&gt;Ames&lt;/b&gt;');
    expect(verdict.content).toContain(searchText(site.verdictPages[0]!.context.passage));
    expect(seed.content).toBe(searchText(SEED_ALPHA));
    for (const content of [verdict.content, seed.content]) {
      expect(content).not.toMatch(/<[a-z/]/i);
      expect(content).not.toMatch(/(^|\s)_/);
    }
    expect(verdict.content).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; \u200B___PAGEFIND_WEIGHT___0');
  });

  it('shows an invisible character in the text as its code point, never the character itself', () => {
    expect(searchText('a\u202Eb\u0007c')).toBe('a U+202E b U+0007 c');
  });
});

describe('search shards', () => {
  const site = siteOf(repoRoot);

  it('puts the whole sample in one index, and a site over the text limit in several, every page once, in order', () => {
    expect(shardText({})).toBeGreaterThan(1024 ** 2);
    expect(searchShards(site.verdictPages, site.seedPages).map((s) => s.bundle)).toEqual(['/pagefind/']);
    const shards = searchShards(site.verdictPages, site.seedPages, 4000);
    expect(shards.length).toBeGreaterThan(2);
    expect(shards.map((s) => s.bundle)).toEqual(shards.map((_, i) => (i === 0 ? '/pagefind/' : `/pagefind/${i + 1}/`)));
    expect(shards.flatMap((s) => s.verdicts)).toEqual(site.verdictPages);
    expect(shards.flatMap((s) => s.seeds)).toEqual(site.seedPages);
    expect(shards.every((s) => s.verdicts.length + s.seeds.length > 0)).toBe(true);
  });

  it('reads the limit from SEARCH_SHARD_TEXT when it is a positive whole number', () => {
    expect(shardText({ SEARCH_SHARD_TEXT: '4000' })).toBe(4000);
    for (const bad of ['0', '-5', 'lots', '1.5', '']) expect(shardText({ SEARCH_SHARD_TEXT: bad })).toBe(shardText({}));
  });
});
