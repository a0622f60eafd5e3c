// Every verdict page's JSON-LD, on the sample site and on a fixture with every field the structured data
// reads: structured-data-testing-tool's Google preset (offline) is the floor; Google's own required and
// recommended lists for a fact check, checked here, are the proof.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { structuredDataTest } from 'structured-data-testing-tool';
import { Google } from 'structured-data-testing-tool/presets';
import { attr, find, readPage, repoRoot, sharedBuild, text } from './support/site.ts';

type Obj = Record<string, unknown>;
const FIXTURE = path.join(repoRoot, 'test/fixtures/structured-data');

/** Google's fact-check structured data: required, and recommended, properties of a ClaimReview. */
const REQUIRED = ['claimReviewed', 'reviewRating', 'reviewRating.alternateName', 'url', 'author', 'author.name'];
const RECOMMENDED = [
  'datePublished',
  'itemReviewed',
  'itemReviewed.@type',
  'itemReviewed.author',
  'itemReviewed.author.name',
  'itemReviewed.datePublished',
  'itemReviewed.appearance',
  'itemReviewed.firstAppearance',
  'reviewRating.name',
];
/** Recommended for a rating on the numeric scale only. */
const NUMERIC = ['reviewRating.ratingValue', 'reviewRating.bestRating', 'reviewRating.worstRating'];

const get = (value: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Obj)[key] : undefined), value);
const has = (value: unknown, dotted: string) => {
  const v = get(value, dotted);
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
};

function verdictPages(site: string): string[] {
  return fs
    .readdirSync(path.join(site, 'verdicts'))
    .filter((slug) => fs.existsSync(path.join(site, 'verdicts', slug, 'index.html')))
    .filter((slug) => !fs.readFileSync(path.join(site, 'verdicts', slug, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
    .sort()
    .map((slug) => `verdicts/${slug}/index.html`);
}

function jsonLd(site: string, file: string): Obj {
  const script = find(readPage(site, file), (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json');
  if (!script) throw new Error(`${file} has no JSON-LD`);
  return JSON.parse(text(script)) as Obj;
}

let sample: string;
let full: string;
beforeAll(async () => {
  [sample, full] = await Promise.all([sharedBuild(repoRoot), sharedBuild(FIXTURE)]);
}, 120_000);

describe.each([
  ['the sample site', () => sample],
  ['the fixture with every field', () => full],
])('ClaimReview on %s', (_name, site) => {
  it('passes the Google preset of structured-data-testing-tool on every verdict page, without a warning', async () => {
    const pages = verdictPages(site());
    expect(pages.length).toBeGreaterThan(2);
    for (const file of pages) {
      const html = fs.readFileSync(path.join(site(), file), 'utf8');
      const result = await structuredDataTest(html, { presets: [Google] }).catch(
        (error: Error & { res?: unknown }) => error.res ?? Promise.reject(error),
      );
      const { failed, warnings, schemas } = result as Awaited<ReturnType<typeof structuredDataTest>>;
      expect(schemas, file).toContain('ClaimReview');
      expect(
        failed.map((t) => t.test),
        file,
      ).toEqual([]);
      expect(
        warnings.map((t) => t.test),
        file,
      ).toEqual([]);
    }
  });

  it("has Google's required properties, and its recommended ones wherever the content knows them", () => {
    for (const file of verdictPages(site())) {
      const review = jsonLd(site(), file);
      for (const key of REQUIRED) expect(has(review, key), `${file}: ${key}`).toBe(true);
      const numeric = has(review, 'reviewRating.ratingValue');
      for (const key of NUMERIC) expect(has(review, key), `${file}: ${key}`).toBe(numeric);
      const missing = RECOMMENDED.filter((key) => !has(review, key));
      // What may be missing is only what the content does not say (check warns about seeds, see seed-meta-missing)
      for (const key of missing)
        expect(
          ['itemReviewed.author', 'itemReviewed.author.name', 'itemReviewed.datePublished', 'itemReviewed.firstAppearance'],
          `${file}: ${key}`,
        ).toContain(key);
      // the review is on the domain of the page that carries it
      expect(new URL(String(review['url'])).origin).toBe(new URL(String(get(review, '@id'))).origin);
    }
  });
});

describe('the fixture with every field', () => {
  it('misses none of the recommended properties, and its ratings are on the scale', () => {
    for (const file of verdictPages(full)) {
      const review = jsonLd(full, file);
      for (const key of RECOMMENDED) expect(has(review, key), `${file}: ${key}`).toBe(true);
      const rating = review['reviewRating'] as Obj;
      if (rating['ratingValue'] !== undefined) {
        expect(Number.isInteger(rating['ratingValue'])).toBe(true);
        expect(rating['ratingValue']).toBeGreaterThanOrEqual(rating['worstRating'] as number);
        expect(rating['ratingValue']).toBeLessThanOrEqual(rating['bestRating'] as number);
      }
    }
  });

  it('the DataFeed passes too, and names its publisher, language and licence', async () => {
    const feed = JSON.parse(fs.readFileSync(path.join(full, 'claimreview.json'), 'utf8')) as Obj;
    expect(feed).toMatchObject({
      '@type': 'DataFeed',
      inLanguage: 'en',
      publisher: { '@type': 'Organization', name: 'Example Newsroom' },
      sdPublisher: { '@type': 'Organization', name: 'Example Newsroom' },
      sdLicense: 'https://creativecommons.org/licenses/by/4.0/',
    });
    const items = feed['dataFeedElement'] as Obj[];
    expect(items).toHaveLength(3);
    for (const item of items) {
      const review = item['item'] as Obj;
      expect(review['@id']).toBe(`${String(review['url'])}#claimreview`);
      const result = await structuredDataTest(JSON.stringify({ '@context': 'https://schema.org', ...review }), { presets: [Google] });
      expect(result.failed).toEqual([]);
      expect(result.warnings).toEqual([]);
    }
    // the sample's site.json names no licence, so its feed claims none
    expect(JSON.parse(fs.readFileSync(path.join(sample, 'claimreview.json'), 'utf8'))).not.toHaveProperty('sdLicense');
  });
});

describe('the sample site says who made each claim, and when each page changed', () => {
  it('names the speaker, never the outlet that reported them, on the verdict page and in listings', () => {
    const page = readPage(sample, 'verdicts/kuleba-liberate-its-territories/index.html');
    expect(text(find(page, (e) => attr(e, 'class') === 'claimant')!)).toBe("Claimed by Dmytro Kuleba (Ukraine's foreign minister)");
    const home = fs.readFileSync(path.join(sample, 'index.html'), 'utf8');
    expect(home).not.toMatch(/Claim by/);
    const kuleba = home.slice(home.indexOf('/verdicts/kuleba-liberate-its-territories/'));
    expect(kuleba.slice(0, kuleba.indexOf('</li>'))).toMatch(/Claimed by Dmytro Kuleba/);
    expect(get(jsonLd(sample, 'verdicts/onf-aspirations-of-all-russians/index.html'), 'itemReviewed.author')).toEqual({
      '@type': 'Organization',
      name: "All-Russia People's Front (ONF)",
      description: 'Organisers of the rally in Moscow',
    });
  });

  it('gives every claim in under 75 characters', () => {
    for (const file of verdictPages(sample))
      expect([...String(jsonLd(sample, file)['claimReviewed'])].length, file).toBeLessThanOrEqual(75);
  });

  it('dates each verdict page in the sitemap by `updated`, else `date`, and names the sitemap in robots.txt', () => {
    const sitemap = fs.readFileSync(path.join(sample, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<url><loc>http://localhost:8080/verdicts/peskov-definitely/</loc><lastmod>2026-11-21</lastmod></url>');
    expect(sitemap).toContain('<url><loc>http://localhost:8080/</loc></url>');
    expect(fs.readFileSync(path.join(sample, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: http://localhost:8080/sitemap.xml\n',
    );
    const fixtureMap = fs.readFileSync(path.join(full, 'sitemap.xml'), 'utf8');
    expect(fixtureMap).toContain('<loc>https://factcheck.example.net/verdicts/fifty-years/</loc><lastmod>2024-03-09</lastmod>');
    expect(fixtureMap).toContain('<loc>https://factcheck.example.net/verdicts/four-million/</loc><lastmod>2024-03-01</lastmod>');
  });
});
