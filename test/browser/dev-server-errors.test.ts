// `npm start` while an editor works: it serves from .cache/serve/ (never the _site/ of `npm run build`),
// and a content error reaches the browser with check's message: the open page turns into check's report
// as soon as the save is built, every other page shows it too, and fixing the file brings the page back.
// The terminal shows check's lines and no stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { makeProject, removeProjects } from '../support/project.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const fixture = (file: string) => fs.readFileSync(new URL(`../fixtures/clean/${file}`, import.meta.url), 'utf8');
const VERDICT = 'content/verdicts/sea-wall-vote.md';

describeInBrowser('a content error during npm start', () => {
  let server: DevServer;
  let browser: Browser;
  let root: string;

  beforeAll(async () => {
    root = makeProject({
      'seeds/alpha.txt': fixture('seeds/alpha.txt'),
      'seeds/alpha.yml': fixture('seeds/alpha.yml'),
      'seeds/beta.txt': fixture('seeds/beta.txt'),
      [VERDICT]: fixture(VERDICT),
    });
    [server, browser] = await Promise.all([startDevServer(root), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeProjects();
  });

  it('shows check’s message on the open page and on every other page, then the page again once fixed', async () => {
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    expect(fs.existsSync(path.join(root, '.cache/serve/verdicts/sea-wall-vote/index.html'))).toBe(true);

    const page = await browser.newPage();
    await page.goto(`${server.url}/verdicts/sea-wall-vote/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('The council did vote for a sea wall');

    // The editor mistypes the quote and saves: the open page reloads into check's report, without a click.
    const good = fs.readFileSync(path.join(root, VERDICT), 'utf8');
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    fs.writeFileSync(path.join(root, VERDICT), good.replace(/^quote: .*$/m, 'quote: The council of Port Ellery voted against everything'));
    await reloaded;
    const report = page.locator('#check-report');
    await expect(report.textContent()).resolves.toMatch(
      /^content\/verdicts\/sea-wall-vote\.md:4:8: error: quote not found in seed alpha.*\[quote-not-found\]$/m,
    );
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^The content has errors: 1 error/);
    expect(server.output()).toMatch(/content\/verdicts\/sea-wall-vote\.md:4:8: error: quote not found/);

    // Any other page shows the same report (the pages written before the error are still on disk).
    const other = await browser.newPage();
    const response = await other.goto(`${server.url}/`);
    expect(response?.status()).toBe(500);
    await expect(other.locator('#check-report').textContent()).resolves.toContain('[quote-not-found]');
    // Assets still load: a stylesheet request is not a page.
    const css = await other.request.get(`${server.url}/assets/site.css`);
    expect(css.status()).toBe(200);

    // Fixed and saved: the page is back, by the dev server's own live reload.
    fs.writeFileSync(path.join(root, VERDICT), good);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'The council did vote for a sea wall', undefined, {
      timeout: 60_000,
    });
    expect(await page.locator('#check-report').count()).toBe(0);

    // The terminal had check's lines, never a stack trace; and nothing was ever written to _site/.
    expect(server.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});
