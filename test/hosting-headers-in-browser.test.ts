// The site, served with the headers the build writes to _headers (Netlify, Cloudflare Pages), works in
// a real browser without a single Content-Security-Policy violation, search (Pagefind's WebAssembly)
// included; and an old verdict URL from redirect_from leads to the verdict under a path prefix.
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/headers.ts';
import { edit, removeAll, tempDir, TOOL } from './helpers/git-project.ts';
import { buildSite } from './support/site.ts';

const PREFIX = '/factcheck/';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.xml': 'application/xml' };

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

function serve(site: string, policy?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const rules = parseHeaders(readFileSync(path.join(site, '_headers'), 'utf8'));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    for (const rule of rules) {
      const matches = rule.pattern.endsWith('*') ? url.pathname.startsWith(rule.pattern.slice(0, -1)) : url.pathname === rule.pattern;
      if (!matches) continue;
      for (const [name, value] of rule.headers) response.setHeader(name, name === 'Content-Security-Policy' && policy ? policy : value);
    }
    let file = url.pathname.startsWith(PREFIX) ? path.join(site, decodeURIComponent(url.pathname.slice(PREFIX.length))) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !file.startsWith(site) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}${PREFIX}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

let site: string;
let browser: Browser;

beforeAll(async () => {
  const project = tempDir();
  cpSync(path.join(TOOL, 'test/fixtures/review-project'), project, { recursive: true });
  edit(project, 'content/verdicts/sea-wall-cost.md', 'date: 2024-03-01', 'date: 2024-03-01\nredirect_from: [sea-wall-price]');
  site = await buildSite(project, { pathPrefix: PREFIX });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  removeAll();
});

/** Opens `relative`, runs `act`, and returns every CSP violation and script error the page reported. */
async function visit(base: string, relative: string, act?: (page: import('playwright-core').Page) => Promise<void>): Promise<string[]> {
  const page = await browser.newPage();
  const reported: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { violations?: string[] }).violations ??= []);
      list.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => reported.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are reported by URL below (the browser's own /favicon.ico probe aside).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) reported.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') reported.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => reported.push(`failed: ${request.url()}`));
  const response = await page.goto(base + relative);
  expect(response?.headers()['content-security-policy']).toBeTruthy();
  await act?.(page);
  const violations = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
  await page.close();
  return [...violations, ...reported];
}

async function search(page: import('playwright-core').Page): Promise<void> {
  await page.fill('.pagefind-ui__search-input', 'sea wall');
  await page.waitForSelector('.pagefind-ui__result, .pagefind-ui__message', { timeout: 15_000 });
  await page.waitForTimeout(500);
}

describe('the built site under its own headers', () => {
  it('the _headers file carries the Content-Security-Policy from src/headers.ts, for the path prefix', () => {
    const rules = parseHeaders(readFileSync(path.join(site, '_headers'), 'utf8'));
    expect(rules).toEqual([expect.objectContaining({ pattern: '/factcheck/*' })]);
    expect(rules[0]!.headers).toContainEqual(['Content-Security-Policy', CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
  });

  it('shows home, verdict, seed and rating pages and runs search with no CSP violation or script error', async () => {
    const server = await serve(site);
    try {
      for (const page of ['', 'verdicts/sea-wall-cost/', 'seeds/alpha/', 'ratings/accurate/']) {
        expect(await visit(server.url, page), page || 'home').toEqual([]);
      }
      let results = 0;
      const problems = await visit(server.url, 'search/', async (page) => {
        await search(page);
        results = await page.locator('.pagefind-ui__result').count();
      });
      expect(problems).toEqual([]);
      expect(results).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("would break search without 'wasm-unsafe-eval' (the policy is no looser than Pagefind needs)", async () => {
    const server = await serve(site, CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''));
    try {
      const problems = await visit(server.url, 'search/', search);
      expect(problems.join('\n')).toMatch(/script-src|wasm|WebAssembly/i);
    } finally {
      await server.close();
    }
  });

  it('sends an old verdict URL to the renamed verdict under the path prefix', async () => {
    expect(readFileSync(path.join(site, '_redirects'), 'utf8')).toContain('/factcheck/verdicts/sea-wall-price/ /factcheck/verdicts/sea-wall-cost/ 301\n');
    const server = await serve(site);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}verdicts/sea-wall-price/`);
      await page.waitForURL(`${server.url}verdicts/sea-wall-cost/`, { timeout: 10_000 });
      expect(await page.locator('h1').first().textContent()).toContain('The sea wall will cost 12 million pounds');
      await page.close();
    } finally {
      await server.close();
    }
  });
});
