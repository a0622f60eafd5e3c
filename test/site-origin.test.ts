// Where the published site lives: SITE_URL, else the host's own variables, else site.json; a deployment
// that still says localhost stops, a local build warns, a preview (PREVIEW=1) says it is not the published site.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLocalUrl, isPreview, judgeOrigin, originFromEnv } from '../src/site/site-origin.ts';
import { byTag, find, findAll, attr, readPage, repoRoot, tempDir, text } from './support/site.ts';
import { runCli } from './support/cli.ts';
import type { ClaimReviewFeed, ClaimReviewLd } from './support/claimreview-json.ts';

const NETLIFY = {
  NETLIFY: 'true',
  URL: 'https://factcheck.example.org',
  DEPLOY_PRIME_URL: 'https://deploy-preview-12--factcheck.netlify.app',
};

describe('the origin', () => {
  it('is SITE_URL first, whatever the host says', () => {
    expect(
      originFromEnv({ SITE_URL: 'https://a.example/', ...NETLIFY, CONTEXT: 'production', CF_PAGES_URL: 'https://x.pages.dev' }),
    ).toEqual({
      url: 'https://a.example',
      source: 'SITE_URL',
    });
  });

  it("is Netlify's URL in production and DEPLOY_PRIME_URL in every other context", () => {
    expect(originFromEnv({ ...NETLIFY, CONTEXT: 'production' })).toEqual({ url: 'https://factcheck.example.org', source: 'URL' });
    expect(originFromEnv({ ...NETLIFY, CONTEXT: 'deploy-preview' })).toEqual({ url: NETLIFY.DEPLOY_PRIME_URL, source: 'DEPLOY_PRIME_URL' });
    expect(originFromEnv({ ...NETLIFY, CONTEXT: 'branch-deploy' }).source).toBe('DEPLOY_PRIME_URL');
    // URL alone is not read outside Netlify: it is too common a name
    expect(originFromEnv({ URL: 'https://factcheck.example.org' })).toEqual({ source: 'site.json' });
  });

  it("is Cloudflare Pages' CF_PAGES_URL, else nothing (site.json decides)", () => {
    expect(originFromEnv({ CF_PAGES: '1', CF_PAGES_URL: 'https://abc123.factcheck.pages.dev' })).toEqual({
      url: 'https://abc123.factcheck.pages.dev',
      source: 'CF_PAGES_URL',
    });
    expect(originFromEnv({ SITE_URL: '  ' })).toEqual({ source: 'site.json' });
  });

  it('knows the addresses no reader can reach', () => {
    for (const url of [
      'http://localhost:8080',
      'http://LOCALHOST',
      'http://site.localhost/',
      'http://127.0.0.1:3000',
      'http://0.0.0.0',
      'http://[::1]:8080',
    ])
      expect(isLocalUrl(url), url).toBe(true);
    for (const url of ['https://factcheck.example.org', 'https://localhost.example.org', 'http://10.0.0.1', 'not a url'])
      expect(isLocalUrl(url), url).toBe(false);
  });

  it('at localhost stops a CI or host build, warns a local one, and lets a preview through', () => {
    const local = 'http://localhost:8080';
    expect(judgeOrigin(local, 'site.json', { CI: 'true' }).error).toMatch(
      /^the site's origin is http:\/\/localhost:8080 \(from "url" in content\/_data\/site\.json\).*set SITE_URL=/,
    );
    expect(judgeOrigin(local, 'site.json', { NETLIFY: 'true' }).error).toBeDefined();
    expect(judgeOrigin(local, 'site.json', { CF_PAGES: '1' }).error).toBeDefined();
    expect(judgeOrigin(local, 'SITE_URL', { CI: 'true' }).error).toMatch(/\(from SITE_URL\)/);
    expect(judgeOrigin(local, 'site.json', {})).toEqual({ warning: expect.stringMatching(/before deploying/) as unknown });
    expect(judgeOrigin(local, 'site.json', { CI: 'true', PREVIEW: '1' })).toEqual({});
    expect(judgeOrigin('https://factcheck.example.org', 'site.json', { CI: 'true' })).toEqual({});
    for (const verdict of [judgeOrigin(local, 'site.json', { CI: 'true' }).error!, judgeOrigin(local, 'site.json', {}).warning!])
      expect(verdict).not.toMatch(/\n/);
  });

  it('PREVIEW takes 1 or 0 and refuses anything else', () => {
    expect([isPreview({}), isPreview({ PREVIEW: '1' }), isPreview({ PREVIEW: 'true' }), isPreview({ PREVIEW: '0' })]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(() => isPreview({ PREVIEW: 'maybe' })).toThrow(/PREVIEW must be 1 \(a preview build\) or 0, got "maybe"/);
  });

  it('is on for the dev server (npm start) unless PREVIEW=0, and off for a build unless PREVIEW=1', () => {
    const serving = true;
    expect([
      isPreview({}, serving),
      isPreview({ PREVIEW: '' }, serving),
      isPreview({ PREVIEW: '0' }, serving),
      isPreview({ PREVIEW: 'no' }, serving),
      isPreview({ PREVIEW: '1' }, serving),
    ]).toEqual([true, true, false, false, true]);
    expect([isPreview({}, false), isPreview({ PREVIEW: '1' }, false)]).toEqual([false, true]);
  });
});

describe('netlify.toml', () => {
  const toml = fs.readFileSync(path.join(repoRoot, 'netlify.toml'), 'utf8');
  /** The lines of one [section] (comments and blank lines dropped). */
  const section = (name: string) => {
    const lines = toml.split('\n').map((l) => l.replace(/#.*/, '').trim());
    const start = lines.indexOf(`[${name}]`);
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && l.startsWith('['));
    return lines.slice(start + 1, end < 0 ? undefined : end).filter(Boolean);
  };
  it('builds deploy previews as previews, and names no origin of its own (Netlify sets URL / DEPLOY_PRIME_URL)', () => {
    expect(section('context.deploy-preview.environment')).toEqual(['PREVIEW = "1"']);
    expect(section('build')).toEqual(['command = "npm run build"', 'publish = "_site"']);
    expect(toml).not.toMatch(/^\s*SITE_URL\s*=/m);
  });
});

describe('npm run build with host variables set', () => {
  const sitemapLocs = (site: string) =>
    [...fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  it('under CI=true at localhost fails with one line and writes nothing', async () => {
    const output = path.join(tempDir('origin-ci'), '_site');
    const run = await runCli('build', ['--output', output], { env: { CI: 'true' } });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^build: the site's origin is http:\/\/localhost:8080 .*SITE_URL/),
    ]);
    expect(fs.existsSync(output)).toBe(false);
  });

  it('locally at localhost builds, with a warning', async () => {
    const output = path.join(tempDir('origin-local'), '_site');
    const run = await runCli('build', ['--output', output]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^build: warning: the site's origin is http:\/\/localhost:8080 .*before deploying/m);
  });

  it('on Netlify production uses URL everywhere: ClaimReview, canonical links, sitemap, robots.txt', async () => {
    const output = path.join(tempDir('origin-netlify'), '_site');
    const run = await runCli('build', ['--output', output], { env: { ...NETLIFY, CONTEXT: 'production', CI: 'true' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/localhost/);
    for (const loc of sitemapLocs(output)) expect(loc).toMatch(/^https:\/\/factcheck\.example\.org\//);
    const page = readPage(output, 'verdicts/peskov-definitely/index.html');
    expect(
      attr(
        find(page, (e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')!,
        'href',
      ),
    ).toBe('https://factcheck.example.org/verdicts/peskov-definitely/');
    const ld = JSON.parse(text(find(page, (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json')!)) as ClaimReviewLd;
    expect(ld.url).toBe('https://factcheck.example.org/verdicts/peskov-definitely/');
    expect(fs.readFileSync(path.join(output, 'robots.txt'), 'utf8')).toContain('Sitemap: https://factcheck.example.org/sitemap.xml');
    expect(fs.readFileSync(path.join(output, 'feed.xml'), 'utf8')).not.toMatch(/localhost/);
  });

  it('on a Netlify deploy preview (PREVIEW=1 from netlify.toml) is a preview at DEPLOY_PRIME_URL: banner, noindex, disallow, no ClaimReview', async () => {
    const output = path.join(tempDir('origin-preview'), '_site');
    const run = await runCli('build', ['--output', output], { env: { ...NETLIFY, CONTEXT: 'deploy-preview', CI: 'true', PREVIEW: '1' } });
    expect(run.status, run.stderr).toBe(0);
    for (const loc of sitemapLocs(output)) expect(loc.startsWith(`${NETLIFY.DEPLOY_PRIME_URL}/`)).toBe(true);
    expect(fs.readFileSync(path.join(output, 'robots.txt'), 'utf8')).toMatch(/^User-agent: \*\nDisallow: \/\n$/m);
    for (const file of ['index.html', 'verdicts/peskov-definitely/index.html', 'seeds/index.html']) {
      const page = readPage(output, file);
      expect(
        find(page, (e) => e.tagName === 'meta' && attr(e, 'name') === 'robots' && attr(e, 'content') === 'noindex, nofollow'),
        file,
      ).toBeDefined();
      expect(text(find(page, (e) => attr(e, 'class') === 'preview-banner')!), file).toMatch(/Preview.*not the published site/);
      expect(
        findAll(page, (e) => byTag('script')(e) && attr(e, 'type') === 'application/ld+json'),
        file,
      ).toEqual([]);
    }
    expect((JSON.parse(fs.readFileSync(path.join(output, 'claimreview.json'), 'utf8')) as ClaimReviewFeed).dataFeedElement).toEqual([]);
  });

  it('on Cloudflare Pages uses CF_PAGES_URL; a bad PREVIEW value stops it before anything is built', async () => {
    const output = path.join(tempDir('origin-cloudflare'), '_site');
    const run = await runCli('build', ['--output', output], {
      env: { CF_PAGES: '1', CF_PAGES_URL: 'https://abc123.factcheck.pages.dev', CI: 'true' },
    });
    expect(run.status, run.stderr).toBe(0);
    for (const loc of sitemapLocs(output)) expect(loc).toMatch(/^https:\/\/abc123\.factcheck\.pages\.dev\//);
    const bad = await runCli('build', ['--output', path.join(tempDir('origin-bad'), '_site')], { env: { PREVIEW: 'yes please' } });
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'build: PREVIEW must be 1 (a preview build) or 0, got "yes please".']);
  });
});
