// The compare page as a reader meets it, without JavaScript: both texts aligned, the marks visible and
// explained by the legend, readable at a phone's width, and no axe violation there either.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { buildAndServe, type TestSite } from '../support/browser/built-site.ts';
import { horizontalOverflow } from '../support/browser/page-checks.ts';

const COMPARE = '/seeds/000_5bff26b3a7f2143b/compare/001_9340af456b0c9be9/';

describeInBrowser('the compare page', () => {
  let site: TestSite;
  let browser: Browser;
  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('is reached from the seed page and shows the inserted Comment line as an addition, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/seeds/000_5bff26b3a7f2143b/'));
    await page.getByRole('link', { name: 'Compare the two texts word by word' }).click();
    expect(new URL(page.url()).pathname).toBe(COMPARE);
    const comment = page.locator('.aligned-text ins', { hasText: 'Comment: The new reality' });
    await expect(comment.isVisible()).resolves.toBe(true);
    // an addition looks different from the shared text around it, and not only by colour: it is underlined
    const style = await comment.evaluate((e) => getComputedStyle(e).textDecorationLine);
    expect(style).toContain('underline');
    // a screen reader hears what the mark means (ins and del are not announced)
    await expect(comment.locator('.visually-hidden').first().textContent()).resolves.toMatch(/^Only in Russia will respond/);
    await expect(page.locator('.legend dt').allTextContents()).resolves.toEqual([
      'Plain text',
      'Underlined, green',
      'Struck through, red',
      'struck underlined',
      'Dotted outline',
    ]);
    await context.close();
  });

  it('fits a phone screen and passes axe there', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(site.url(COMPARE));
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.culprits.join(', ')).toBeLessThanOrEqual(overflow.width);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
