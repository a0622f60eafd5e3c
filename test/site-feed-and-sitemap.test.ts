// The feed and the sitemap are made from the model (src/eleventy/feed.ts, SiteData.sitemapUrls), not from
// Eleventy's collections: with more verdicts than the feed holds, the feed must carry the newest ones and
// the sitemap must name every page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/bench/corpus.ts';
import { writeProject } from '../src/bench/project.ts';
import { FEED_ENTRIES } from '../src/eleventy/site-data.ts';
import { buildModel } from '../src/model/model.ts';
import { newestFirst } from '../src/model/order.ts';
import { publishedVerdicts } from '../src/model/published.ts';
import { loadScale } from '../src/content/ratings.ts';
import { makeProject, removeProjects, SEED_ALPHA } from './support/project.ts';
import { buildSite, listFiles, repoRoot, tempDir } from './support/site.ts';

let root: string;
let site: string;

beforeAll(async () => {
  root = path.join(tempDir('feed-sitemap'), 'project');
  fs.mkdirSync(root);
  const ratings = loadScale(repoRoot).scale.levels.map((level) => level.key);
  writeProject(root, generateCorpus({ seeds: 12, verdicts: 3 * FEED_ENTRIES, ratings, random: 5 }), repoRoot);
  site = await buildSite(root, { env: { SITE_URL: 'https://news.example' } });
});

describe('a site with more verdicts than the feed holds', () => {
  it(`has the ${FEED_ENTRIES} newest published verdicts in its feed, newest first`, () => {
    const newest = publishedVerdicts(buildModel({ root }).verdicts)
      .sort(newestFirst)
      .slice(0, FEED_ENTRIES)
      .map((v) => `https://news.example/verdicts/${v.slug}/`);
    const feed = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(entries).toEqual(newest);
  });

  it('names every HTML page in its sitemap except the 404 page', () => {
    const pages = listFiles(site)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `https://news.example/${file.replace(/index\.html$/, '')}`)
      .sort();
    const sitemap = fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(3 * FEED_ENTRIES);
    expect([...locs].sort()).toEqual(pages);
  });
});

describe('a site with no verdicts yet', () => {
  afterAll(removeProjects);

  it('dates its empty feed without reading the clock, so two builds are byte-identical', async () => {
    const empty = makeProject({ 'seeds/alpha.txt': SEED_ALPHA });
    const env = { env: { SITE_URL: 'https://news.example' } };
    const first = fs.readFileSync(path.join(await buildSite(empty, env), 'feed.xml'), 'utf8');
    expect(first).not.toContain('<entry>');
    expect(first).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    const second = fs.readFileSync(path.join(await buildSite(empty, env), 'feed.xml'), 'utf8');
    expect(second).toBe(first);
  });
});
