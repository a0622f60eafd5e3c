import { describe, expect, it } from 'vitest';
import { claimReview, claimReviewFeed, type Json, type JsonObject, jsonLdScript, safeJson } from '../src/site/claimreview.ts';
import type { Model, Seed, SiteMeta, Verdict } from '../src/model/types.ts';
import { anchorOf, appearancesOf, makeSeed, makeVerdict, scale } from './support/content.ts';

const site: SiteMeta = {
  title: 'Passage Check',
  description: 'Fact-checks.',
  url: 'https://factcheck.example.net',
  language: 'en',
  organisation: { name: 'Example Newsroom', url: 'https://newsroom.example.net/' },
};

function modelOf(seeds: Seed[], verdicts: Verdict[]): Model {
  return {
    root: '/x',
    seeds,
    seedsById: new Map(seeds.map((s) => [s.id, s])),
    scale,
    verdicts,
    pages: [],
    problems: [],
    provenance: { relations: [], comparisons: 0, pairUpdates: 0 },
  };
}

const rt = makeSeed('rt', 'Peskov replied: “Definitely.” More text.', {
  title: 'Moscow will treat attacks as attacks on Russia',
  outlet: 'RT',
  url: 'https://www.rt.com/russia/563121/',
  published: '2022-09-23',
});
const copy = makeSeed('copy', 'A repost. Peskov replied: “Definitely.”', { title: 'Repost' });
const anchor = anchorOf(rt, 'Peskov replied: “Definitely.”');
const definitely = makeVerdict('peskov-definitely', {
  anchor,
  appearances: appearancesOf(anchor, [rt, copy]),
  claim: 'Attacks on the annexed regions will be treated as attacks on Russia.',
  claimant: 'Dmitry Peskov',
  rating: 'misleading',
  date: '2024-03-02',
  updated: '2024-03-05',
});

/** Google's required properties for a fact check. */
function expectGoogleRequired(review: JsonObject): void {
  expect(review['@type']).toBe('ClaimReview');
  expect(typeof review['claimReviewed']).toBe('string');
  expect(review['url']).toMatch(/^https:\/\//);
  const rating = review['reviewRating'] as JsonObject;
  expect(rating['@type']).toBe('Rating');
  expect(typeof rating['alternateName']).toBe('string');
  expect((review['author'] as JsonObject)['name']).toBe('Example Newsroom');
}

describe('ClaimReview', () => {
  it('carries what Google requires and every seed the passage appears in', () => {
    const review = claimReview(definitely, modelOf([copy, rt], [definitely]), site);
    expectGoogleRequired(review);
    const original = {
      '@type': 'NewsArticle',
      url: 'https://www.rt.com/russia/563121/',
      headline: 'Moscow will treat attacks as attacks on Russia',
      datePublished: '2022-09-23',
      publisher: { '@type': 'Organization', name: 'RT' },
    };
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      '@id': 'https://factcheck.example.net/verdicts/peskov-definitely/#claimreview',
      url: 'https://factcheck.example.net/verdicts/peskov-definitely/',
      headline: 'Title of peskov-definitely',
      claimReviewed: 'Attacks on the annexed regions will be treated as attacks on Russia.',
      inLanguage: 'en',
      datePublished: '2024-03-02',
      dateModified: '2024-03-05',
      author: { '@type': 'Organization', name: 'Example Newsroom', url: 'https://newsroom.example.net/' },
      reviewRating: {
        '@type': 'Rating',
        name: 'Misleading',
        alternateName: 'Misleading',
        ratingExplanation: 'Gives a wrong impression.',
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        '@id': 'https://factcheck.example.net/verdicts/peskov-definitely/#claim',
        author: { '@type': 'Person', name: 'Dmitry Peskov' },
        // the original article first, then the copies kept on the site (anchored seed first); the repost is
        // undated, so which came first is unknown: no firstAppearance, no datePublished
        appearance: [
          original,
          {
            '@type': 'CreativeWork',
            url: 'https://factcheck.example.net/seeds/rt/',
            headline: 'Moscow will treat attacks as attacks on Russia',
            author: { '@type': 'Organization', name: 'RT' },
            isBasedOn: 'https://www.rt.com/russia/563121/',
          },
          {
            '@type': 'CreativeWork',
            url: 'https://factcheck.example.net/seeds/copy/',
            headline: 'Repost',
          },
        ],
      },
      citation: [{ '@type': 'CreativeWork', name: 'A source', url: 'https://example.org/source' }],
    });
  });

  it('names the first appearance when it is known: the only seed, or the earliest when all are dated', () => {
    const alone = makeVerdict('alone', { anchor, claimant: 'RT' });
    const item = claimReview(alone, modelOf([rt], [alone]), site)['itemReviewed'] as JsonObject;
    expect(item['firstAppearance']).toEqual((item['appearance'] as Json[])[0]);
    expect(item['datePublished']).toBe('2022-09-23');
    expect(item['author']).toEqual({ '@type': 'Organization', name: 'RT' });

    const earlier = makeSeed('copy', copy.text, { published: '2022-09-22' });
    const both = claimReview(definitely, modelOf([rt, earlier], [definitely]), site)['itemReviewed'] as JsonObject;
    // the earlier text's original URL is unknown: an inline description of it, never our copy's URL
    expect(both['firstAppearance']).toEqual({ '@type': 'CreativeWork', datePublished: '2022-09-22' });
    expect(both['datePublished']).toBe('2022-09-22');

    const undated = makeSeed('rt', rt.text);
    const unknown = claimReview(makeVerdict('u', { anchor }), modelOf([undated], []), site)['itemReviewed'] as JsonObject;
    expect(unknown).not.toHaveProperty('firstAppearance');
  });

  it('leaves out the numbers for a rating outside the numeric scale, and the claimant when none is given', () => {
    const v = makeVerdict('unsupported-one', { anchor, rating: 'unsupported' });
    const review = claimReview(v, modelOf([rt], [v]), site);
    expect(review['reviewRating']).toEqual({
      '@type': 'Rating',
      name: 'Unsupported',
      alternateName: 'Unsupported',
      ratingExplanation: 'No evidence either way.',
    });
    expect(review).not.toHaveProperty('dateModified');
    expect(review['itemReviewed']).not.toHaveProperty('author');
  });

  it('puts the build path prefix into every URL of the site', () => {
    const review = claimReview(definitely, modelOf([rt, copy], [definitely]), site, '/factcheck/');
    expect(review['url']).toBe('https://factcheck.example.net/factcheck/verdicts/peskov-definitely/');
    expect(JSON.stringify(review)).toContain('https://factcheck.example.net/factcheck/seeds/copy/');
  });

  it('refuses a rating that is not on the scale, naming the file', () => {
    const v = makeVerdict('bad', { anchor, rating: 'pants-on-fire' });
    expect(() => claimReview(v, modelOf([rt], [v]), site)).toThrow(/content\/verdicts\/bad\.md.*pants-on-fire/);
  });
});

describe('ClaimReview feed', () => {
  it('lists every published verdict newest first, same date by slug, drafts left out', () => {
    const a = makeVerdict('a', { anchor, date: '2024-01-02' });
    const b = makeVerdict('b', { anchor, date: '2024-01-02', updated: '2024-02-01' });
    const c = makeVerdict('c', { anchor, date: '2024-03-01' });
    const d = makeVerdict('d', { anchor, date: '2025-01-01', draft: true });
    const feed = claimReviewFeed(modelOf([rt], [b, d, c, a]), site);
    expect(feed['@context']).toBe('https://schema.org');
    expect(feed['@type']).toBe('DataFeed');
    expect(feed['url']).toBe('https://factcheck.example.net/claimreview.json');
    expect(feed['dateModified']).toBe('2024-03-01');
    const items = feed['dataFeedElement'] as JsonObject[];
    expect(items.map((i) => (i['item'] as JsonObject)['url'])).toEqual([
      'https://factcheck.example.net/verdicts/c/',
      'https://factcheck.example.net/verdicts/a/',
      'https://factcheck.example.net/verdicts/b/',
    ]);
    for (const i of items) {
      expect(i['@type']).toBe('DataFeedItem');
      expect(i['item']).not.toHaveProperty('@context');
      expectGoogleRequired(i['item'] as JsonObject);
    }
    expect(items[2]).toMatchObject({ dateCreated: '2024-01-02', dateModified: '2024-02-01' });
  });
});

describe('JSON-LD serialisation', () => {
  const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029 "quoted" \\';

  it('cannot be broken out of, whatever an editor wrote, and parses back to the same value', () => {
    const v = makeVerdict('x', { anchor, claim: hostile, claimant: '</SCRIPT >' });
    const review = claimReview(v, modelOf([rt], [v]), site);
    const script = jsonLdScript(review);
    const inner = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script.toLowerCase().indexOf('</script')).toBe(script.length - '</script>'.length);
    expect(JSON.parse(inner)).toEqual(review);
    expect(JSON.parse(safeJson(review))).toEqual(review);
  });

  it('escapes with \\u sequences that every JSON parser reads as the same characters', () => {
    expect(safeJson({ a: '<b>&</b>\u2028' })).toBe('{"a":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e\\u2028"}');
  });
});
