// Layout, measured in Chromium: at 360 px nothing on any page sticks out sideways; at 1280 px the listing
// and seed pages set their main content and side list side by side, a verdict is one centred reading column
// with the header aligned to it, and long text keeps a readable measure; evidence details print open. Saves screenshots of a seed and a verdict page at both widths to test-results/screenshots/
// (gitignored build artefacts: look at them when the layout changes).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../support/site.ts';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { ARCHIVE_TYPES, buildAndServe, pageOfEachType, type TestSite } from '../support/browser/built-site.ts';
import { horizontalOverflow } from '../support/browser/page-checks.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');

/** The boxes of two elements (first match each), in CSS pixels. */
function boxes(page: Page, a: string, b: string) {
  return page.evaluate(
    ([first, second]) =>
      [first, second].map((sel) => {
        const box = document.querySelector(sel!)?.getBoundingClientRect();
        return box ? { left: box.left, right: box.right, top: box.top, width: box.width } : null;
      }),
    [a, b],
  );
}

describeInBrowser('layout at phone and desktop widths', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('lets nothing overflow sideways at 360 px on every page (and search results), nor at 320 px on each page type', async () => {
    const types = pageOfEachType(site);
    // 320 CSS px is WCAG 2.1's reflow width (1.4.10)
    for (const [viewport, pages] of [
      [PHONE, [...site.pages, types.notFound]],
      [{ width: 320, height: 640 }, Object.values(types)],
    ] as const) {
      const page = await browser.newPage({ viewport });
      const check = async (label: string) => {
        const overflow = await horizontalOverflow(page);
        expect({ page: label, scrollWidth: overflow.scrollWidth, sticking_out: overflow.culprits }).toEqual({
          page: label,
          scrollWidth: overflow.width,
          sticking_out: [],
        });
      };
      for (const p of pages) {
        await page.goto(site.url(p));
        await check(`${p} at ${viewport.width} px`);
      }
      await page.goto(site.url(types.search));
      const word = (await page.locator('main a[href*="/verdicts/"]').first().textContent())!.match(/\p{L}{5,}/u)![0];
      await page.locator('.pagefind-ui__search-input').pressSequentially(word);
      await page.locator('.pagefind-ui__result').first().waitFor();
      await check(`search results for "${word}" at ${viewport.width} px`);
      await page.close();
    }
  });

  it('lets nothing overflow sideways on the claimant, topic and outlet pages and their indexes at 320, 390 and 1280 px, with JavaScript on and off', async () => {
    const types = pageOfEachType(site);
    for (const javaScriptEnabled of [true, false]) {
      for (const width of [320, 390, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
        const page = await context.newPage();
        for (const type of ARCHIVE_TYPES) {
          await page.goto(site.url(types[type]));
          const overflow = await horizontalOverflow(page);
          const label = `${types[type]} at ${width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
          expect({ page: label, scrollWidth: overflow.scrollWidth, sticking_out: overflow.culprits }).toEqual({
            page: label,
            scrollWidth: overflow.width,
            sticking_out: [],
          });
        }
        await context.close();
      }
    }
  });

  it('keeps every link of the site navigation on screen, apart and at least 24 px tall at 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(site.url('/'));
    const links = await page.locator('.site-header nav a').evaluateAll((as) =>
      as.map((a) => {
        const r = a.getBoundingClientRect();
        return { text: a.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    expect(links.map((l) => l.text)).toEqual(expect.arrayContaining(['Claimants', 'Topics', 'Outlets']));
    for (const [i, l] of links.entries()) {
      expect(l.left >= 0 && l.right <= 320, `${l.text} is inside the 320 px viewport`).toBe(true);
      expect(l.bottom - l.top, `${l.text} is tall enough to tap`).toBeGreaterThanOrEqual(24);
      for (const other of links.slice(i + 1)) {
        const apart = l.right <= other.left || other.right <= l.left || l.bottom <= other.top || other.bottom <= l.top;
        expect(apart, `${l.text} and ${other.text} do not overlap`).toBe(true);
      }
    }
    await page.close();
  });

  it('at 1280 px sets the main content and its side list side by side, using the width', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const types = pageOfEachType(site);
    for (const [p, main, side] of [
      [types.home, '.main-column', '.side-column'],
      [types.search, '.main-column', '.side-column'],
      [types.seed, '.seed-body', '.notes'],
    ] as const) {
      await page.goto(site.url(p));
      const [m, s] = await boxes(page, main, side);
      expect(m && s, `${p} has ${main} and ${side}`).toBeTruthy();
      expect(Math.abs(m!.top - s!.top), `${p}: ${side} starts level with ${main}`).toBeLessThan(2);
      expect(s!.left, `${p}: ${side} is to the right of ${main}`).toBeGreaterThanOrEqual(m!.right);
      expect(m!.width, `${p}: ${main} is the wider column`).toBeGreaterThan(s!.width * 1.5);
      const used = s!.right - m!.left;
      expect(used, `${p}: the two columns span ${Math.round(used)} of ${DESKTOP.width} px`).toBeGreaterThan(DESKTOP.width * 0.7);
    }
    await page.close();
  });

  it('at 1280 px centres a verdict page in one reading column, with the site header and footer aligned to it', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(site.url(pageOfEachType(site).verdict));
    const [article, brand] = await boxes(page, 'article.verdict', '.site-header .brand');
    const [nav, footer] = await boxes(page, '.site-header nav', '.site-footer p');
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(
      Math.abs(article!.left - (width - article!.right)),
      `the column is centred (${Math.round(article!.left)} px left, ${Math.round(width - article!.right)} px right)`,
    ).toBeLessThan(2);
    expect(article!.width, 'the column is a reading measure, not the whole width').toBeLessThan(width * 0.65);
    expect(Math.abs(brand!.left - article!.left), 'the site name starts where the column does').toBeLessThan(1);
    // Six links do not fit beside the site name in a reading column: the navigation wraps under it, inside the column.
    expect(nav!.left, 'the navigation starts inside the column').toBeGreaterThan(article!.left - 1);
    expect(nav!.right, 'the navigation ends inside the column').toBeLessThan(article!.right + 1);
    expect(Math.abs(footer!.left - article!.left), 'the footer starts where the column does').toBeLessThan(1);
    await page.close();
  });

  it('keeps the evidence details closed on screen and prints them open', async () => {
    const types = pageOfEachType(site);
    const page = await browser.newPage({ viewport: DESKTOP });
    for (const p of [types.seed, types.verdict]) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(site.url(p));
      const hash = page.locator('.evidence .hash').first();
      expect(await page.locator('.evidence summary').isVisible(), p).toBe(true);
      expect(await hash.isVisible(), `${p}: closed on screen`).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await hash.isVisible(), `${p}: open in print`).toBe(true);
    }
    await page.close();
  });

  it('at 1280 px keeps long paragraphs to a readable measure on every page', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    for (const p of site.pages) {
      await page.goto(site.url(p));
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main p, main dd, main blockquote')]
          .filter((e) => (e.textContent ?? '').length > 300)
          .map((e) => ({
            text: (e.textContent ?? '').trim().slice(0, 40),
            ems: e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize),
          }))
          .filter((e) => e.ems > 48)
          .map((e) => `"${e.text}…" is ${Math.round(e.ems)}em wide`),
      );
      expect(wide, p).toEqual([]);
    }
    await page.close();
  });

  it('saves screenshots of a seed page and a verdict page at 360 and 1280 px', async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const types = pageOfEachType(site);
    const saved: string[] = [];
    for (const [name, p] of [
      ['seed', types.seed],
      ['verdict', types.verdict],
    ] as const) {
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await browser.newPage({ viewport });
        await page.goto(site.url(p));
        const file = path.join(SCREENSHOTS, `${name}-${viewport.width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        saved.push(file);
        await page.close();
      }
    }
    for (const file of saved) expect(fs.statSync(file).size, file).toBeGreaterThan(10_000);
  });
});
