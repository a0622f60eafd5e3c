// The capture pages in Chromium (fixture test/fixtures/captures): the changes page, a later capture's page and a
// verdict page with its notice pass axe (WCAG 2.1 A and AA), work without JavaScript, and the diff does not rely
// on colour: removed words are struck through, added ones underlined, checked passages outlined.
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../support/site.ts';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { buildAndServe, type TestSite } from '../support/browser/built-site.ts';

describeInBrowser('capture pages in Chromium', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe({ root: path.join(repoRoot, 'test/fixtures/captures') }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('passes axe on the changes page, a later capture page and a verdict page with a notice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const sitePath of ['/seeds/harbour/changes/', '/seeds/harbour/2024-03-10/', '/verdicts/wall-cost/', '/seeds/harbour/']) {
      await page.goto(site.url(sitePath));
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        sitePath,
      ).toEqual([]);
    }
    await context.close();
  });

  it('shows the diff without JavaScript, and marks changes with more than colour', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/seeds/harbour/changes/#capture-2024-03-10'));
    const step = page.locator('#capture-2024-03-10 .diff-text');
    await expect(step.locator('del').first().textContent()).resolves.toBe('4');
    const style = (selector: string, property: string) =>
      (selector ? step.locator(selector).first() : step).evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);
    await expect(style('del', 'text-decoration-line')).resolves.toBe('line-through');
    await expect(style('ins', 'text-decoration-line')).resolves.toBe('underline');
    await expect(style('mark.checked', 'outline-style')).resolves.toBe('solid');
    // The text keeps its line breaks (white-space: pre-wrap): the capture's lines are the page's lines.
    await expect(style('', 'white-space')).resolves.toBe('pre-wrap');
    const box = await step.boundingBox();
    expect(box!.height).toBeGreaterThan(200);
    await context.close();
  });
});
