// Which old slugs get a redirect: only those of published verdicts that no live page and no other
// verdict claims (the model reports the collisions as duplicate-slug); and the files written for them.
import { describe, expect, it } from 'vitest';
import { collectRedirects, redirectPage, redirectPagePath, redirectsFile } from '../src/site/redirects.ts';
import type { Verdict } from '../src/model/types.ts';

function verdict(slug: string, redirectFrom: string[], draft = false): Verdict {
  return {
    slug,
    file: `content/verdicts/${slug}.md`,
    title: `Title of ${slug} <b>&</b>`,
    seed: 'alpha',
    selector: { quote: 'q' },
    claim: 'q',
    rating: 'accurate',
    sources: [],
    authors: [],
    date: '2024-01-01',
    corrections: [],
    draft,
    tags: [],
    redirectFrom,
    body: '',
    bodyLine: 1,
    positions: {},
    itemPositions: {},
    appearances: [],
  };
}

describe('collectRedirects', () => {
  it('redirects each unclaimed old slug of a published verdict, sorted by old slug', () => {
    const redirects = collectRedirects([verdict('new-b', ['old-z', 'old-a']), verdict('new-a', ['old-m'])]);
    expect(redirects.map((r) => `${r.from}->${r.to}`)).toEqual(['old-a->new-b', 'old-m->new-a', 'old-z->new-b']);
  });

  it('skips drafts, live slugs and old slugs claimed twice', () => {
    const redirects = collectRedirects([
      verdict('live', ['shared', 'self-claimed']),
      verdict('other', ['shared', 'live']),
      verdict('self-claimed', []),
      verdict('draft', ['from-draft'], true),
      verdict('ok', ['fine']),
    ]);
    expect(redirects.map((r) => r.from)).toEqual(['fine']);
  });
});

describe('redirect files', () => {
  const redirect = { from: 'old', to: 'new-slug', title: 'A <script>alert(1)</script> "title"' };

  it('_redirects carries the path prefix on both sides', () => {
    expect(redirectsFile([redirect], '/factcheck/')).toMatch(/\n\/factcheck\/verdicts\/old\/ \/factcheck\/verdicts\/new-slug\/ 301\n$/);
    expect(redirectsFile([redirect], '/')).toMatch(/\n\/verdicts\/old\/ \/verdicts\/new-slug\/ 301\n$/);
  });

  it('the page at the old URL refreshes to the new one, relatively, with the title escaped', () => {
    expect(redirectPagePath('old')).toBe('/verdicts/old/index.html');
    const html = redirectPage(redirect, { language: 'en', canonical: 'https://example.org/verdicts/new-slug/' });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../new-slug/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/verdicts/new-slug/">');
    expect(html).toContain('<a href="../new-slug/">A &#60;script&#62;alert(1)&#60;/script&#62; &#34;title&#34;</a>');
    expect(html).not.toContain('<script');
  });
});
