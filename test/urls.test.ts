import { describe, expect, it } from 'vitest';
import {
  aboutUrl,
  absoluteUrl,
  annotationsUrl,
  claimReviewFeedUrl,
  feedUrl,
  homeUrl,
  seedIndexUrl,
  notFoundUrl,
  passageId,
  ratingUrl,
  searchUrl,
  seedUrl,
  robotsUrl,
  sitemapUrl,
  verdictUrl,
} from '../src/site/urls.ts';

describe('site URLs', () => {
  it('are the paths the issue promises', () => {
    expect(homeUrl()).toBe('/');
    expect(homeUrl(1)).toBe('/');
    expect(homeUrl(2)).toBe('/page/2/');
    expect(verdictUrl('peskov-definitely')).toBe('/verdicts/peskov-definitely/');
    expect(seedUrl('001_9340af456b0c9be9')).toBe('/seeds/001_9340af456b0c9be9/');
    expect(seedUrl('001', 'passage-x')).toBe('/seeds/001/#passage-x');
    expect(seedIndexUrl()).toBe('/seeds/');
    expect(seedIndexUrl(2)).toBe('/seeds/page/2/');
    expect(ratingUrl('false')).toBe('/ratings/false/');
    expect(ratingUrl('false', 3)).toBe('/ratings/false/page/3/');
    expect(aboutUrl()).toBe('/about/');
    expect(searchUrl()).toBe('/search/');
    expect(feedUrl()).toBe('/feed.xml');
    expect(claimReviewFeedUrl()).toBe('/claimreview.json');
    expect(sitemapUrl()).toBe('/sitemap.xml');
    expect(robotsUrl()).toBe('/robots.txt');
    expect(annotationsUrl()).toBe('/annotations.jsonld');
    expect(notFoundUrl()).toBe('/404.html');
  });

  it('percent-encode what an editor named, so a slug cannot leave its folder or start a query', () => {
    expect(verdictUrl('../../etc')).toBe('/verdicts/..%2F..%2Fetc/');
    expect(verdictUrl('a?b#c d')).toBe('/verdicts/a%3Fb%23c%20d/');
    expect(ratingUrl('x/y')).toBe('/ratings/x%2Fy/');
  });

  it('refuse page numbers that are not whole numbers from 1', () => {
    expect(() => homeUrl(0)).toThrow(RangeError);
    expect(() => ratingUrl('false', 1.5)).toThrow(RangeError);
  });
});

describe('passage ids', () => {
  it('number the occurrences of one verdict in a seed from the second on', () => {
    expect(passageId('peskov-definitely')).toBe('passage-peskov-definitely');
    expect(passageId('peskov-definitely', 1)).toBe('passage-peskov-definitely');
    expect(passageId('peskov-definitely', 2)).toBe('passage-peskov-definitely--2');
  });

  it('never collide between different slugs, even slugs that end like an occurrence number', () => {
    const slugs = ['a', 'a-2', 'a--2', 'a-', '-a', 'a b', 'A', 'é', 'a_2', '2'];
    const ids = new Set<string>();
    for (const slug of slugs) for (const n of [1, 2, 3]) ids.add(passageId(slug, n));
    expect(ids.size).toBe(slugs.length * 3);
  });

  it('are valid HTML ids and URL fragments for any slug', () => {
    for (const slug of ['a b', '<script>', 'é', '../x', 'a"b']) {
      const id = passageId(slug, 2);
      expect(id).toMatch(/^passage-[A-Za-z0-9-]+$/);
    }
  });
});

describe('absolute URLs', () => {
  const site = { url: 'https://example.org' };

  it('join the site URL and the path', () => {
    expect(absoluteUrl(site, '/verdicts/x/')).toBe('https://example.org/verdicts/x/');
    expect(absoluteUrl({ url: 'https://example.org/' }, '/')).toBe('https://example.org/');
  });

  it('put the build path prefix between them, however it is written', () => {
    for (const prefix of ['/factcheck/', 'factcheck', '/factcheck', 'factcheck/']) {
      expect(absoluteUrl(site, '/verdicts/x/', prefix)).toBe('https://example.org/factcheck/verdicts/x/');
    }
    expect(absoluteUrl(site, '/feed.xml', '/')).toBe('https://example.org/feed.xml');
    expect(absoluteUrl({ url: 'https://user.github.io/sub/' }, '/a/', '/factcheck/')).toBe('https://user.github.io/sub/factcheck/a/');
  });

  it('refuse a site URL that is not http(s) with a message that says what to set', () => {
    expect(() => absoluteUrl({ url: 'javascript:alert(1)' }, '/')).toThrow(/http/);
    expect(() => absoluteUrl({ url: 'example.org' }, '/')).toThrow(/site\.json/);
  });
});
