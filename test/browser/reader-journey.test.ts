// A reader on the built sample site, in Chromium: from the home page to a verdict, to its passage on the
// seed page and back, by clicking links; every verdict's passage link lands on the highlighted passage,
// in view, on a phone and on a desktop; with JavaScript off every page still shows its content and links.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { buildAndServe, isSeedPage, type TestSite } from '../support/browser/built-site.ts';
import { fragmentTargetInView, watchErrors } from '../support/browser/page-checks.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

describeInBrowser('a reader on the sample site', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A page that fails the test on any script error or console error (a CSP violation is one). */
  async function openPage(
    options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean; reducedMotion?: 'reduce' } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      reducedMotion: options.reducedMotion ?? 'no-preference',
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    return { page, errors };
  }

  it('goes home -> verdict -> its passage on the seed page -> back, every step by clicking', async () => {
    const { page, errors } = await openPage();
    await page.goto(site.url('/'));
    const first = page.locator('.verdict-list .verdict-item h3 a').first();
    const headline = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/verdicts\/[^/]+\/$/);
    const verdictUrl = page.url();
    await expect.poll(() => page.locator('h1').textContent()).toBe(headline);
    // the badge's visible text (a "Rating: " prefix is there for screen readers only)
    const rating = await page.locator('.rating-box .badge').evaluate((badge) =>
      [...badge.childNodes]
        .filter((n) => !(n instanceof Element && n.matches('.visually-hidden')))
        .map((n) => n.textContent)
        .join('')
        .trim(),
    );
    expect(rating, 'the verdict shows its rating as text').not.toBe('');

    await page.getByRole('link', { name: 'See the passage in the full source text' }).click();
    await page.waitForURL(/\/seeds\/[^/]+\/#passage-/);
    const { id, markText } = await fragmentTargetInView(page);
    expect(markText, `the highlighted passage #${id} is showing`).not.toBe('');
    // the passage shown on the verdict page is the one highlighted here
    const seedUrl = page.url();
    const landed = await page.evaluate((targetId) => {
      const mark = document.getElementById(targetId)!.closest('mark')!;
      return { verdicts: mark.dataset['verdicts'], pin: getComputedStyle(document.getElementById(targetId)!, '::before').content };
    }, id);
    expect(landed.verdicts?.split(' ')).toContain(new URL(verdictUrl).pathname.split('/').at(-2));
    expect(landed.pin, 'the passage starts with its rating written out').toBe(JSON.stringify(rating));

    await page.goBack();
    await page.waitForURL(verdictUrl);
    expect(await page.locator('h1').textContent()).toBe(headline);
    await page.goForward();
    await page.waitForURL(seedUrl);
    await page.goBack();
    await page.goBack();
    await page.waitForURL(site.url('/'));
    expect(await page.locator('h1').textContent()).toBe('Latest fact-checks');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('offers a skip link as the first Tab stop, which moves the focus to the main content', async () => {
    const { page, errors } = await openPage();
    for (const path of [site.pages.find(isSeedPage)!, site.pages.find((p) => p.startsWith('/verdicts/'))!]) {
      await page.goto(site.url(path));
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      expect(await skip.textContent(), path).toBe('Skip to content');
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0, `${path}: the focused skip link is on screen`).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id), path).toBe('main');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.closest('main') !== null),
        `${path}: the next Tab stays in the main content`,
      ).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [name, viewport] of [
    ['on a phone (360 px)', PHONE],
    ['on a desktop (1280 px)', DESKTOP],
  ] as const) {
    it(`lands on the highlighted passage, in view, from every verdict page's passage links ${name}`, async () => {
      // reduced motion: the page then jumps instead of scrolling smoothly (the first test covers smooth scrolling)
      const { page, errors } = await openPage({ viewport, reducedMotion: 'reduce' });
      const verdicts = site.pages.filter((p) => p.startsWith('/verdicts/'));
      expect(verdicts.length).toBeGreaterThan(0);
      let landings = 0;
      for (const verdict of verdicts) {
        await page.goto(site.url(verdict));
        const links = page.locator('.passage-links a, .also a');
        const count = await links.count();
        expect(count, `${verdict} links to its passage`).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
          if (i > 0) await page.goto(site.url(verdict));
          await links.nth(i).click();
          await page.waitForURL(/#passage-/);
          const { id, markText } = await fragmentTargetInView(page);
          expect(markText, `${verdict} -> #${id}: the highlighted passage is showing`).not.toBe('');
          // a passage found twice in one seed gets a numbered suffix after its slug
          expect(id).toMatch(new RegExp(`^passage-${verdict.split('/')[2]}(--\\d+)?$`));
          landings++;
        }
      }
      expect(landings).toBeGreaterThanOrEqual(verdicts.length);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('with JavaScript off, shows every page with all its text and links', async () => {
    const { page } = await openPage({ javaScriptEnabled: false });
    for (const path of [...site.pages, '/no/such/page/']) {
      await page.goto(site.url(path));
      const hidden = await page.evaluate(() => {
        const problems: string[] = [];
        const visible = (e: Element) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
        // Inside a closed <details> counts as shown when its <summary> is: a click opens it, no script needed.
        const shown = (e: Element) => {
          const closed = e.closest('details:not([open])');
          const summary = closed?.querySelector(':scope > summary');
          return closed && summary && !summary.contains(e) ? visible(summary) : visible(e);
        };
        for (const a of document.querySelectorAll('a[href]')) {
          if (!shown(a) && !a.classList.contains('skip-link')) problems.push(`link ${a.getAttribute('href')} is hidden`);
        }
        const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          if (!node.textContent?.trim() || parent.closest('script, style, noscript, .visually-hidden')) continue;
          if (!shown(parent)) problems.push(`text "${node.textContent.trim().slice(0, 40)}" is hidden`);
        }
        return problems;
      });
      expect(hidden, path).toEqual([]);
      expect(await page.locator('main h1').count(), `${path} has its heading`).toBe(1);
    }
    // the search page degrades to the full list
    await page.goto(site.url('/search/'));
    // (Playwright's text locators do not look inside <noscript>; measure it)
    const notice = await page.evaluate(() => {
      const noscript = document.querySelector('#search noscript');
      return noscript && noscript.getBoundingClientRect().height > 0 ? noscript.textContent : null;
    });
    expect(notice).toMatch(/Search needs JavaScript/);
    const listed = await page.locator('main a[href*="/verdicts/"]').count();
    expect(listed).toBe(site.pages.filter((p) => p.startsWith('/verdicts/')).length);
    expect(await page.locator('main a[href*="/seeds/"]').count()).toBe(site.pages.filter(isSeedPage).length);
    await page.context().close();
  });
});
