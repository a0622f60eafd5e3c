// The built site as files served over HTTP (no browser needed): every HTML page passes html-validate
// (recommended preset, relaxations explained in .htmlvalidate.mjs), and every internal link, asset,
// CSS url() and #fragment resolves on a loopback server, for a root build and a --pathprefix build of
// the sample, and a preview of it (where its draft has a page); the absolute URLs of the sitemap, feed
// and ClaimReview feed lead to pages of the build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HtmlValidate, type Report } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, readPage, repoRoot } from '../support/site.ts';
import { ARCHIVE_TYPES, buildAndServe, pageOfEachType, type TestSite } from '../support/browser/built-site.ts';
import { serveSite } from '../support/browser/static-server.ts';

const siteUrl = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'content/_data/site.json'), 'utf8')) as { url: string }).url.replace(
  /\/$/,
  '',
);

/**
 * The URL strings of a JSON-LD document, the publishing Organization's among them: site.json gives the
 * sample's organisation no URL of its own, so it is the site's home, under the build's path prefix.
 */
function urlsOf(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsOf);
  return [];
}

/** Crawls the site from every page with linkinator; outside links are skipped (not this build's, and offline). */
async function checkLinks(site: Pick<TestSite, 'pages' | 'url' | 'origin'>): Promise<{ checked: string[]; broken: string[] }> {
  const { links } = await new LinkChecker().check({
    // every page is a starting point: the 404 page and paginated pages are not all linked to
    path: site.pages.map((p) => site.url(p)),
    recurse: true,
    checkCss: true,
    checkFragments: true,
    concurrency: 8,
    timeout: 10_000,
    linksToSkip: (link) => Promise.resolve(!link.startsWith(site.origin)),
  });
  const internal = links.filter((l) => l.state !== LinkState.SKIPPED);
  return {
    checked: internal.map((l) => l.url),
    broken: internal
      .filter((l) => l.state === LinkState.BROKEN)
      .map(
        (l) =>
          `${l.url} (status ${l.status}${l.failureDetails?.length ? `: ${l.failureDetails.map((d) => (d instanceof Error ? d.message : d.status)).join('; ')}` : ''}) on ${l.parent ?? 'start'}`,
      ),
  };
}

/**
 * Every link on `pages` whose #fragment names no element of its target page in `dir`. linkinator checks
 * fragments too, but not on a page with noindex and nofollow, which it takes for a soft 404: every page of
 * a preview.
 */
function missingFragments(dir: string, prefix: string, pages: string[]): string[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (sitePath: string): Set<string> => {
    let found = ids.get(sitePath);
    if (!found) {
      const file = sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
      found = new Set(
        fs.existsSync(path.join(dir, file))
          ? findAll(readPage(dir, file), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id')!)
          : [],
      );
      ids.set(sitePath, found);
    }
    return found;
  };
  const missing: string[] = [];
  for (const page of pages) {
    const base = new URL(`${prefix}${page.slice(1)}`, 'http://site.test');
    const file = page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1);
    for (const link of findAll(readPage(dir, file), (e) => e.tagName === 'a' && (attr(e, 'href') ?? '').includes('#'))) {
      const url = new URL(attr(link, 'href')!, base);
      if (url.host !== base.host || !url.pathname.startsWith(prefix) || url.hash.length < 2) continue;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!idsOf(`/${url.pathname.slice(prefix.length)}`).has(id)) missing.push(`${url.pathname}#${id} on ${page}`);
    }
  }
  return missing;
}

/** One line per html-validate message: file:line:col rule message. */
function describeReport(report: Report, dir: string): string[] {
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
}

// The sample at the root and under a prefix; the captures fixture; and the fixture whose overlapping and nested passages make
// the seed page's most intricate markup, and which has no content/about.md (so no page may link there).
for (const [name, root, prefix, preview] of [
  ['the sample site at the root', repoRoot, undefined],
  ['the sample site under --pathprefix=/factcheck/', repoRoot, '/factcheck/'],
  ['the overlapping-passages fixture', path.join(repoRoot, 'test/fixtures/site-overlap'), undefined],
  // Capture pages, the changes page and verdict notices, under a prefix (their links carry #passage-/#capture- fragments).
  ['the captures fixture under --pathprefix=/factcheck/', path.join(repoRoot, 'test/fixtures/captures'), '/factcheck/'],
  // A preview, where the sample's draft has a page and is labelled on the listings and its seed page.
  ['the sample site as a preview under --pathprefix=/factcheck/', repoRoot, '/factcheck/', 'preview'],
] as const) {
  describe(`${name}, as files and over HTTP`, () => {
    let site: TestSite;

    beforeAll(async () => {
      site = await buildAndServe({ root, ...(prefix ? { pathPrefix: prefix } : {}), preview: preview === 'preview' });
    });
    afterAll(async () => {
      await site?.close();
    });

    it('passes html-validate on every page', async () => {
      const config = (await import(path.join(repoRoot, '.htmlvalidate.mjs'))) as { default: object };
      const validator = new HtmlValidate(config.default);
      const files = site.pages.map((p) => path.join(site.dir, p.endsWith('/') ? `${p}index.html` : p));
      expect(files.length).toBeGreaterThan(10);
      // every build has the index of each archive page kind; the sample has a page of each kind too
      for (const index of ['/claimants/', '/topics/', '/outlets/']) expect(site.pages).toContain(index);
      if (root === repoRoot) for (const type of ARCHIVE_TYPES) expect(site.pages).toContain(pageOfEachType(site)[type]);
      const problems: string[] = [];
      for (const file of files) problems.push(...describeReport(await validator.validateFile(file), site.dir));
      expect(problems, `${files.length} pages validated`).toEqual([]);
      console.info(`html-validate: ${files.length} pages, 0 problems`);
    });

    it('resolves every internal link, asset, CSS url() and #fragment over HTTP', async () => {
      const { checked, broken } = await checkLinks(site);
      expect(broken, `${checked.length} internal URLs checked`).toEqual([]);
      expect(missingFragments(site.dir, site.prefix, site.pages)).toEqual([]);
      const fragments = site.pages.flatMap((p) =>
        findAll(readPage(site.dir, p.endsWith('/') ? `${p.slice(1)}index.html` : p.slice(1)), (e) => (attr(e, 'href') ?? '').includes('#')),
      ).length;
      console.info(
        `linkinator: ${checked.length} internal URLs resolve from ${site.pages.length} pages (${fragments} links with a #fragment among them)`,
      );
      expect(checked.length, 'pages and assets, each URL once').toBeGreaterThan(site.pages.length);
      for (const url of checked) expect(new URL(url).pathname.startsWith(site.prefix), `${url} is under ${site.prefix}`).toBe(true);
    });

    it('would report a missing page and a missing #fragment (the checker is not blind)', async () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-broken-'));
      try {
        fs.cpSync(site.dir, copy, { recursive: true });
        const verdict = site.pages.find((p) => p.startsWith('/verdicts/'))!;
        const file = path.join(copy, verdict, 'index.html');
        const html = fs.readFileSync(file, 'utf8');
        const broken = html
          .replace(/#passage-[^"]+"/, '#passage-that-is-not-there"')
          .replace(`href="${site.prefix}search/"`, `href="${site.prefix}saerch/"`);
        expect(broken).not.toBe(html);
        fs.writeFileSync(file, broken);
        const served = await serveSite(copy, site.prefix);
        try {
          const result = await checkLinks({ ...site, ...served, pages: [verdict] });
          expect([...result.broken, ...missingFragments(copy, site.prefix, [verdict])].join('\n')).toMatch(/#passage-that-is-not-there/);
          expect(missingFragments(copy, site.prefix, [verdict])).toHaveLength(1);
          expect(result.broken.join('\n')).toMatch(/saerch\/ \(status 404/);
        } finally {
          await served.close();
        }
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    });

    it('gives the 404 page only root-relative or absolute links, so it works at any missing address', async () => {
      const response = await fetch(site.url('/no/such/page/'));
      expect(response.status).toBe(404);
      const page = readPage(site.dir, '404.html');
      const refs = findAll(page, (e) => attr(e, 'href') !== undefined || attr(e, 'src') !== undefined).map(
        (e) => (attr(e, 'href') ?? attr(e, 'src'))!,
      );
      expect(refs.length).toBeGreaterThan(3);
      for (const ref of refs) expect(ref, '404.html').toMatch(new RegExp(`^(${site.prefix}|https?://|#)`));
    });

    it('leads every absolute URL of the sitemap, the feed and the ClaimReview feed to a page of this build', async () => {
      const base = `${siteUrl}${site.prefix}`;
      let checked = 0;
      for (const file of ['sitemap.xml', 'feed.xml', 'claimreview.json']) {
        const body = fs.readFileSync(path.join(site.dir, file), 'utf8');
        const found = file.endsWith('.json') ? urlsOf(JSON.parse(body)) : (body.match(/https?:\/\/[^\s"'<>]+/g) ?? []);
        const urls = new Set(found.filter((u) => u.startsWith(siteUrl)));
        expect(urls.size, `${file} has URLs of this site`).toBeGreaterThan(0);
        for (const url of urls) {
          expect(url.startsWith(base), `${file}: ${url} is under ${base}`).toBe(true);
          const local = new URL(url.replace(siteUrl, site.origin));
          const response = await fetch(local, { redirect: 'manual' });
          expect(response.status, `${file}: ${url}`).toBe(200);
          if (local.hash) expect(await response.text(), `${file}: ${url}`).toContain(`id="${decodeURIComponent(local.hash.slice(1))}"`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(site.pages.length);
    });
  });
}
