// The site, served with the headers the build writes to _headers (Netlify, Cloudflare Pages), works in
// a real browser without a single Content-Security-Policy violation, search (Pagefind's WebAssembly)
// included; and an old verdict URL from redirect_from leads to the verdict under a path prefix.
// Builds, server and browser come from test/support/browser: the sample build under the prefix is the one
// the other browser tests of the run use, and without Chromium these tests skip loudly (fail under CI=true).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/site/headers.ts';
import { describeInBrowser, launchBrowser } from './support/browser/browser.ts';
import { buildAndServe, pageOfEachType, type TestSite } from './support/browser/built-site.ts';
import { watchErrors } from './support/browser/page-checks.ts';
import { serveSite, type ServedSite } from './support/browser/static-server.ts';
import { repoRoot } from './support/site.ts';

const PREFIX = '/factcheck/';

/** `_headers` as Netlify and Cloudflare read it: a path pattern line, then indented `Name: value` lines. */
function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

describeInBrowser('the built site under its own headers', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe({ pathPrefix: PREFIX }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens `sitePath` on `server`, runs `act`, and returns every CSP violation, script error and failed load. */
  async function visit(server: ServedSite, sitePath: string, act?: (page: Page) => Promise<void>): Promise<string[]> {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const list = ((window as unknown as { violations?: string[] }).violations ??= []);
        list.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
      });
    });
    page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
    const response = await page.goto(server.url(sitePath));
    expect(response?.headers()['content-security-policy'], `${sitePath} is served with a CSP`).toBeTruthy();
    await act?.(page);
    const violations = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
    await page.close();
    return [...violations, ...errors];
  }

  async function search(page: Page): Promise<void> {
    await page.fill('.pagefind-ui__search-input', 'referendum');
    await page.waitForSelector('.pagefind-ui__result, .pagefind-ui__message', { timeout: 15_000 });
    await page.waitForTimeout(500);
  }

  it('the _headers file carries the Content-Security-Policy from src/site/headers.ts, for the path prefix', () => {
    const rules = parseHeaders(fs.readFileSync(path.join(site.dir, '_headers'), 'utf8'));
    expect(rules).toEqual([expect.objectContaining({ pattern: '/factcheck/*' })]);
    expect(rules[0]!.headers).toContainEqual(['Content-Security-Policy', CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
  });

  it('shows every kind of page and runs search with no CSP violation, script error or failed load', async () => {
    const pages = pageOfEachType(site);
    for (const kind of ['home', 'verdict', 'seed', 'seeds', 'rating', 'about'] as const) {
      expect(await visit(site, pages[kind]), pages[kind]).toEqual([]);
    }
    let results = 0;
    const problems = await visit(site, pages.search, async (page) => {
      await search(page);
      results = await page.locator('.pagefind-ui__result').count();
    });
    expect(problems).toEqual([]);
    expect(results).toBeGreaterThan(0);
  });

  it("would break search without 'wasm-unsafe-eval' (the policy is no looser than Pagefind needs)", async () => {
    const looser = await serveSite(site.dir, PREFIX, {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''),
    });
    try {
      const problems = await visit(looser, '/search/', search);
      expect(problems.join('\n')).toMatch(/script-src|wasm|WebAssembly/i);
    } finally {
      await looser.close();
    }
  });

  it('sends an old verdict URL to the renamed verdict under the path prefix', async () => {
    // the clean fixture's sea-wall-vote verdict was once council-sea-wall (redirect_from)
    const moved = await buildAndServe({ root: path.join(repoRoot, 'test/fixtures/clean'), pathPrefix: PREFIX });
    try {
      expect(fs.readFileSync(path.join(moved.dir, '_redirects'), 'utf8')).toContain(
        '/factcheck/verdicts/council-sea-wall/ /factcheck/verdicts/sea-wall-vote/ 301\n',
      );
      const page = await browser.newPage();
      await page.goto(moved.url('/verdicts/council-sea-wall/'));
      await page.waitForURL(moved.url('/verdicts/sea-wall-vote/'), { timeout: 10_000 });
      expect(await page.locator('h1').first().textContent()).toContain('The council did vote for a sea wall');
      await page.close();
    } finally {
      await moved.close();
    }
  });
});
