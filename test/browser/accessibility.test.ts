// axe-core in Chromium over every page of the sample site (home, verdicts, seeds, ratings, about, search,
// the 404 page as a reader meets it at a missing address), with WCAG 2.0/2.1 A and AA rules, also in the
// states a reader puts a page in: a seed page opened at a passage, search results on screen, a phone width;
// and a preview's draft page and the pages that label the draft.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { ARCHIVE_TYPES, buildAndServe, pageOfEachType, type TestSite } from '../support/browser/built-site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per violation and element: rule, impact, where, and axe's own summary of what to fix. */
function describeViolations(results: AxeResults): string[] {
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

describeInBrowser('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  let site: TestSite;
  let browser: Browser;
  const rulesRun = new Set<string>();

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(), launchBrowser()]);
  });
  afterAll(async () => {
    console.info(`axe: ${rulesRun.size} WCAG A/AA rules applied across the pages checked`);
    await browser?.close();
    await site?.close();
  });

  async function audit(page: Page, label: string): Promise<void> {
    // axe.run in the page itself (legacy mode), not runPartial per frame and finishRun in a new blank page: the
    // same rules on the same document, about a third less work; only cross-origin frames would go unchecked,
    // and the site has none.
    const origin = new URL(page.url()).origin;
    expect(
      page
        .frames()
        .filter((frame) => new URL(frame.url(), page.url()).origin !== origin)
        .map((frame) => frame.url()),
      `${label}: cross-origin frames`,
    ).toEqual([]);
    // Full details (element, selector, summary) only for violations: passes and incomplete results keep their
    // rule but one element each, which spares axe a selector for every element of the page.
    const results = await new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .withTags(TAGS)
      .setLegacyMode()
      .analyze();
    for (const r of [...results.passes, ...results.violations, ...results.incomplete]) rulesRun.add(r.id);
    expect(describeViolations(results), label).toEqual([]);
  }

  it('has every page type to check', () => {
    expect(Object.values(pageOfEachType(site))).toHaveLength(14);
  });

  it('finds no violation on a page of each type at desktop and phone widths, nor on any verdict or seed page', async () => {
    const all = pageOfEachType(site);
    // the archive page types have their own test below, at more widths and without JavaScript too
    const types = Object.entries(all)
      .filter(([type]) => !(ARCHIVE_TYPES as readonly string[]).includes(type))
      .map(([, path]) => path);
    // verdict and seed pages carry editors' and seeds' text, so each of them is checked; the other
    // pages are one template each
    const content = site.pages.filter((p) => (p.startsWith('/verdicts/') || p.startsWith('/seeds/')) && !types.includes(p));
    for (const [viewport, pages] of [
      [{ width: 1280, height: 800 }, [...types, ...content]],
      [{ width: 360, height: 740 }, types],
    ] as const) {
      // AxeBuilder needs a page made from an explicit context
      const page = await (await browser.newContext({ viewport })).newPage();
      for (const path of pages) {
        await page.goto(site.url(path));
        await audit(page, `${path} at ${viewport.width} px`);
      }
      await page.context().close();
    }
    expect(rulesRun.size).toBeGreaterThan(20);
  });

  it('finds no violation on the claimant, topic and outlet pages and their indexes at 320, 390 and 1280 px, with JavaScript on and off', async () => {
    const types = pageOfEachType(site);
    // axe runs as a script in the page, so with JavaScript off it audits the document as a JavaScript-off
    // browser rendered it, served at the page's own URL (same styles and links) to a page that can run axe
    // (the document a JavaScript-off browser builds is the same at every width: it is rendered once per page)
    const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const rendered = new Map<string, string>();
    for (const type of ARCHIVE_TYPES) {
      await noScript.goto(site.url(types[type]));
      rendered.set(type, await noScript.content());
    }
    await noScript.context().close();
    for (const width of [320, 390, 1280]) {
      const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
      for (const type of ARCHIVE_TYPES) {
        const url = site.url(types[type]);
        await page.goto(url);
        await audit(page, `${types[type]} at ${width} px, JavaScript on`);
        await page.route(url, (route) => route.fulfill({ body: rendered.get(type)!, contentType: 'text/html; charset=utf-8' }));
        await page.goto(url);
        await audit(page, `${types[type]} at ${width} px, JavaScript off`);
        await page.unroute(url);
      }
      await page.context().close();
    }
    // 36 audits: on a loaded machine (2 cores, many workers) they take longer than the default 120 s
  }, 360_000);

  it('finds no violation on a seed page opened at a passage, nor with search results on screen', async () => {
    const page = await (await browser.newContext()).newPage();
    const types = pageOfEachType(site);
    await page.goto(site.url(types.seed));
    const pin = await page.locator('[data-seed] a.pin').first().getAttribute('id');
    await page.goto(site.url(`${types.seed}#${pin}`));
    await audit(page, `${types.seed}#${pin}`);

    await page.goto(site.url(types.search));
    const word = (await page.locator('main a[href*="/verdicts/"]').first().textContent())!.match(/\p{L}{5,}/u)![0];
    await page.locator('.pagefind-ui__search-input').pressSequentially(word);
    await page.locator('.pagefind-ui__result').first().waitFor();
    await audit(page, `search results for "${word}"`);
    await page.context().close();
  });

  it('finds no violation on a preview’s draft page, nor where a preview labels the draft (home, rating, seed page), at both widths', async () => {
    // the preview test/browser/html-and-links.test.ts validates: one build of it per run
    const preview = await buildAndServe({ preview: true, pathPrefix: '/factcheck/' });
    try {
      const drafts = preview.pages.filter((p) => p.startsWith('/verdicts/') && !site.pages.includes(p));
      expect(drafts.length, 'the sample has a draft, with a page only in the preview').toBeGreaterThan(0);
      const labelled = preview.pages.filter(
        (p) =>
          p !== '/404.html' &&
          fs.readFileSync(path.join(preview.dir, p.endsWith('/') ? `${p}index.html` : p), 'utf8').includes('class="draft-label"'),
      );
      expect(labelled).toEqual(expect.arrayContaining(['/', '/search/']));
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 360, height: 740 },
      ]) {
        const page = await (await browser.newContext({ viewport })).newPage();
        for (const sitePath of [...drafts, ...labelled]) {
          await page.goto(preview.url(sitePath));
          await audit(page, `preview ${sitePath} at ${viewport.width} px`);
        }
        await page.context().close();
      }
    } finally {
      await preview.close();
    }
  });
});
