// Share images: a 1200×630 PNG per published verdict, the same bytes for the same card, drawn again only
// when what it shows changes; and the Open Graph / Twitter card tags that point at it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitClaim, renderShareImage, shareImageHash, writeShareImages, CLAIM_LIMIT, type ShareCard } from '../src/site/share-image.ts';
import { attr, buildSite, findAll, readPage, repoRoot, tempDir } from './support/site.ts';

const card: ShareCard = {
  label: 'Mostly accurate',
  colour: '#4d7c0f',
  claim: 'The Duma’s new amendments made desertion or surrender in wartime a crime.',
  siteName: 'Passage Check',
};

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('a share image', () => {
  it('is a 1200×630 PNG, byte for byte the same each time it is drawn', async () => {
    const [a, b] = [await renderShareImage(card), await renderShareImage(card)];
    expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.compare(a, b)).toBe(0);
    const other = await renderShareImage({ ...card, label: 'False', colour: '#b3261e' });
    expect(Buffer.compare(a, other)).not.toBe(0);
  }, 60_000);

  it('is cached under a hash of everything it shows', () => {
    const hash = shareImageHash(card);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [{ label: 'False' }, { colour: '#b3261e' }, { claim: 'Another claim.' }, { siteName: 'Other' }])
      expect(shareImageHash({ ...card, ...change })).not.toBe(hash);
    expect(shareImageHash({ ...card, claim: `${card.claim}  ` })).toBe(hash); // what is drawn is the same
  });

  it('cuts a long claim at a word, with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const fitted = fitClaim(long);
    expect([...fitted].length).toBeLessThanOrEqual(CLAIM_LIMIT);
    expect(fitted).toMatch(/word…$/);
    expect(fitClaim('Short.')).toBe('Short.');
  });

  it('is drawn again on a rebuild only when its card changed', async () => {
    const dir = tempDir('share');
    const cache = path.join(dir, 'cache');
    const jobs = [card, { ...card, claim: 'A second claim.' }].map((c, i) => ({
      card: c,
      file: path.join(dir, 'out', `${i}`, 'share.png'),
    }));
    expect(await writeShareImages(jobs, cache)).toEqual({ drawn: 2, cached: 0 });
    const first = fs.readFileSync(jobs[0]!.file);
    fs.rmSync(path.join(dir, 'out'), { recursive: true });
    expect(await writeShareImages(jobs, cache)).toEqual({ drawn: 0, cached: 2 });
    expect(Buffer.compare(fs.readFileSync(jobs[0]!.file), first)).toBe(0);
    const changed = [jobs[0]!, { ...jobs[1]!, card: { ...card, claim: 'A changed claim.' } }];
    expect(await writeShareImages(changed, cache)).toEqual({ drawn: 1, cached: 1 });
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.png'))).toHaveLength(3);
    expect(await writeShareImages(jobs, undefined)).toEqual({ drawn: 2, cached: 0 });
  }, 60_000);
});

describe('verdict pages', () => {
  it('carry Open Graph and Twitter card tags naming the canonical URL and a share image that exists', async () => {
    const site = await buildSite(path.join(repoRoot, 'test/fixtures/structured-data'), {
      env: { SHARE_IMAGES: 'on', SHARE_IMAGE_CACHE: 'off' },
    });
    const page = readPage(site, 'verdicts/four-million/index.html');
    const meta = new Map(
      findAll(page, (e) => e.tagName === 'meta').map((m) => [attr(m, 'property') ?? attr(m, 'name'), attr(m, 'content')]),
    );
    expect(Object.fromEntries([...meta].filter(([k]) => /^(og|twitter):/.test(k ?? '')))).toEqual({
      'og:type': 'article',
      'og:site_name': 'Structured Data Test Site',
      'og:title': "The sea wall's cost is as the council said",
      'og:description': 'Accurate: The sea wall will cost 4 million pounds.',
      'og:url': 'https://factcheck.example.net/verdicts/four-million/',
      'og:image': 'https://factcheck.example.net/verdicts/four-million/share.png',
      'og:image:type': 'image/png',
      'og:image:width': '1200',
      'og:image:height': '630',
      'og:image:alt': 'Rated Accurate: The sea wall will cost 4 million pounds. (Structured Data Test Site)',
      'twitter:card': 'summary_large_image',
      'twitter:title': "The sea wall's cost is as the council said",
      'twitter:description': 'Accurate: The sea wall will cost 4 million pounds.',
      'twitter:image': 'https://factcheck.example.net/verdicts/four-million/share.png',
      'twitter:image:alt': 'Rated Accurate: The sea wall will cost 4 million pounds. (Structured Data Test Site)',
    });
    const canonical = findAll(page, (e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')[0]!;
    expect(attr(canonical, 'href')).toBe(meta.get('og:url'));
    for (const slug of ['fifty-years', 'four-million', 'free-text'])
      expect(pngSize(fs.readFileSync(path.join(site, 'verdicts', slug, 'share.png')))).toEqual({ width: 1200, height: 630 });
    // listings and seed pages are not shared as a verdict
    expect(findAll(readPage(site, 'index.html'), (e) => e.tagName === 'meta' && (attr(e, 'property') ?? '').startsWith('og:'))).toEqual([]);
  }, 120_000);
});
