// Search, as a reader uses it: Pagefind running in the search page, under the site's real CSP, at the root
// and under a path prefix. A word from a seed's highlighted passage finds that seed and the verdict on
// the passage, every result is a page that has the word, and the result links open under the prefix.
// Each fact-check's result starts with its rating; a rating filter, chosen with the keyboard, keeps the
// fact-checks with that rating and nothing else. A site in several indexes is searched as one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { attr, buildSite, byTag, find, readPage, repoRoot, text } from '../support/site.ts';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { buildAndServe, isSeedPage, type TestSite } from '../support/browser/built-site.ts';
import { watchErrors } from '../support/browser/page-checks.ts';
import { serveSite, type ServedSite } from '../support/browser/static-server.ts';

interface Probe {
  seed: string;
  verdict: string;
  word: string;
}

/** Per seed page: its first highlighted passage, that passage's verdict and the longest word in it. */
function probes(site: TestSite): Probe[] {
  return site.pages.filter(isSeedPage).map((seedPage) => {
    const doc = readPage(site.dir, `${seedPage.slice(1)}index.html`);
    const mark = find(doc, (e) => e.tagName === 'mark')!;
    const words = text(mark).match(/\p{L}{5,}/gu) ?? [];
    const word = [...words].sort((a, b) => b.length - a.length || a.localeCompare(b))[0]!;
    return { seed: seedPage, verdict: `/verdicts/${attr(mark, 'data-verdicts')!.split(' ')[0]}/`, word };
  });
}

/** Site paths (no prefix) of the pages whose main content mentions a word beginning like `word` (a search record holds only text of its page's main). */
function pagesMentioning(site: TestSite, word: string): Set<string> {
  const stem = new RegExp(`\\b${word.slice(0, 5)}`, 'iu');
  const found = new Set<string>();
  for (const page of site.pages) {
    const file = path.join(site.dir, page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1));
    if (!fs.existsSync(file)) continue;
    const main = find(readPage(site.dir, path.relative(site.dir, file)), byTag('main'));
    if (main && stem.test(text(main))) found.add(page);
  }
  return found;
}

/** The rating label a verdict page shows (its rating box's badge, without the hidden "Rating: "). */
function ratingOnPage(site: TestSite, verdict: string): string {
  const box = find(readPage(site.dir, `${verdict.slice(1)}index.html`), (e) =>
    (attr(e, 'class') ?? '').split(' ').includes('rating-label'),
  )!;
  return text(box)
    .replace(/^\s*Rating:\s*/, '')
    .trim();
}

/** Each result on screen: its page (site path without the prefix) and the rating it starts with, if any. */
async function shownResults(page: Page, site: TestSite): Promise<{ page: string; rating?: string; first: boolean }[]> {
  // Pagefind's UI puts a placeholder on screen for each result and fills it in once the result's fragment has loaded.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.pagefind-ui__result')].every((item) => item.querySelector('.pagefind-ui__result-link')),
  );
  return (
    await page.locator('.pagefind-ui__result').evaluateAll((items) =>
      items.map((item) => {
        const title = item.querySelector('.pagefind-ui__result-title')!;
        const badge = title.querySelector('.badge');
        const visible = [...item.querySelectorAll('.pagefind-ui__result-inner > *')].filter(
          (e) => (e as HTMLElement).offsetParent !== null,
        );
        return {
          href: (title.querySelector('.pagefind-ui__result-link') as HTMLAnchorElement).href,
          rating: badge?.textContent?.replace(/^Rating:\s*/, '').trim(),
          first: badge !== null && title.firstElementChild === badge && visible[0] === title,
        };
      }),
    )
  ).map(({ href, rating, first }) => ({ page: `/${new URL(href).pathname.slice(site.prefix.length)}`, rating, first }));
}

/** Clicks "Load more results" until every result the message counts is on screen (Pagefind shows a few at first). */
async function loadAll(page: Page): Promise<void> {
  const message = (await page.locator('.pagefind-ui__message').textContent()) ?? '';
  const count = Number(/^(\d+) results? for /.exec(message)?.[1] ?? 0);
  const more = page.locator('button.pagefind-ui__button');
  // The button and the results come after the message: reading them at once, on a busy machine, found the
  // first few results and no button yet.
  await expect
    .poll(
      async () => {
        if (await more.isVisible()) await more.click();
        return page.locator('.pagefind-ui__result-title').count();
      },
      { timeout: 10_000 },
    )
    .toBe(count);
}

/** Types `word` in the search box and returns the result pages (site paths without the prefix). */
async function search(page: Page, site: TestSite, word: string): Promise<string[]> {
  const input = page.locator('.pagefind-ui__search-input');
  await input.fill('');
  await input.pressSequentially(word, { delay: 10 });
  await page.locator('.pagefind-ui__message').filter({ hasText: word }).waitFor({ timeout: 10_000 });
  await loadAll(page);
  const all = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  // every link, sub-results (to a section: #fragment) too, opens a page and section of this build
  for (const href of all) {
    const url = new URL(href);
    expect(url.origin, href).toBe(site.origin);
    expect(url.pathname.startsWith(site.prefix), `${href} is under ${site.prefix}`).toBe(true);
    const file = `${url.pathname.slice(site.prefix.length)}index.html`;
    expect(fs.existsSync(path.join(site.dir, file)), `${href}: ${file} exists`).toBe(true);
    if (url.hash)
      expect(
        find(readPage(site.dir, file), (e) => attr(e, 'id') === decodeURIComponent(url.hash.slice(1))),
        href,
      ).toBeDefined();
  }
  const pages = await page
    .locator('.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return pages.map((href) => `/${new URL(href).pathname.slice(site.prefix.length)}`);
}

for (const prefix of [undefined, '/factcheck/']) {
  describeInBrowser(`search ${prefix ? `under --pathprefix=${prefix}` : 'at the root'}`, () => {
    let site: TestSite;
    let browser: Browser;

    beforeAll(async () => {
      [site, browser] = await Promise.all([buildAndServe(prefix ? { pathPrefix: prefix } : {}), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('finds, for a word of each seed, that seed and the verdict on the passage, and only pages with the word', async () => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(site.url('/search/'));
      const list = probes(site);
      expect(list.length).toBeGreaterThan(0);
      for (const probe of list) {
        const results = await search(page, site, probe.word);
        expect(results, `"${probe.word}" finds its seed`).toContain(probe.seed);
        expect(results, `"${probe.word}" finds the verdict on its passage`).toContain(probe.verdict);
        const mentioning = pagesMentioning(site, probe.word);
        for (const r of results) expect(mentioning.has(r), `"${probe.word}" found ${r}, which does not mention it`).toBe(true);
        expect(new Set(results).size, `each page once for "${probe.word}"`).toBe(results.length);
      }
      // a result opens its page
      const first = list[0]!;
      await search(page, site, first.word);
      await page.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link').first().click();
      await page.waitForURL((url) => url.pathname.startsWith(`${site.prefix}seeds/`) || url.pathname.startsWith(`${site.prefix}verdicts/`));
      expect(await page.locator('main h1').count()).toBe(1);
      expect(errors, 'no script or CSP errors').toEqual([]);
      await page.close();
    });

    it('starts each fact-check result with its rating and repeats no part of a page; a rating filter chosen with the keyboard keeps only that rating', async () => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(site.url('/search/'));
      const word = 'referendum';
      await search(page, site, word);
      const all = await shownResults(page, site);
      expect(all.length).toBeGreaterThan(3);
      expect(await page.locator('.pagefind-ui__result-nested').count(), 'no sub-results').toBe(0);
      for (const result of all) {
        if (!result.page.startsWith('/verdicts/')) {
          expect(result.rating, `${result.page} has no rating`).toBeUndefined();
          continue;
        }
        expect(result.rating, `${result.page} shows its page's rating`).toBe(ratingOnPage(site, result.page));
        expect(result.first, `${result.page}: the rating comes first`).toBe(true);
      }
      const counts = new Map<string, number>();
      for (const { rating } of all) if (rating) counts.set(rating, (counts.get(rating) ?? 0) + 1);
      const [label, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;

      // Keyboard only: Tab to the Rating group, open it, Tab to the label's checkbox, tick it with Space.
      await page.locator('.pagefind-ui__search-input').focus();
      const focused = () =>
        page.evaluate(() => document.activeElement?.textContent?.trim() + '|' + (document.activeElement as HTMLInputElement | null)?.value);
      for (let tabs = 0; !(await focused()).startsWith('Rating|'); tabs++) {
        expect(tabs, 'the Rating filter is reachable with Tab').toBeLessThan(20);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      for (let tabs = 0; !(await focused()).endsWith(`|${label}`); tabs++) {
        expect(tabs, `the ${label} checkbox is reachable with Tab`).toBeLessThan(20);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Space');
      const message = page.locator('.pagefind-ui__message');
      await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe(`${count} result${count === 1 ? '' : 's'} for ${word}`);
      await loadAll(page);
      const filtered = await shownResults(page, site);
      expect(filtered.map((r) => r.page).sort()).toEqual(
        all
          .filter((r) => r.rating === label)
          .map((r) => r.page)
          .sort(),
      );
      expect(filtered.every((r) => r.rating === label)).toBe(true);
      expect(errors, 'no script or CSP errors').toEqual([]);
      await page.close();
    });
  });
}

// A large site's records are split into several indexes (src/eleventy/search-records.ts); the search page
// searches them as one: the same results and filter counts as the sample in one index.
describeInBrowser('search over several indexes', () => {
  let one: TestSite;
  let several: ServedSite;
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    [one, browser, dir] = await Promise.all([
      buildAndServe(),
      launchBrowser(),
      buildSite(repoRoot, { env: { SEARCH_SHARD_TEXT: '6000' } }),
    ]);
    several = await serveSite(dir);
  });
  afterAll(async () => {
    await browser?.close();
    await several?.close();
    await one?.close();
  });

  it('finds the same pages with the same ratings, and counts the same filter values', async () => {
    expect(fs.readdirSync(path.join(dir, 'pagefind')).filter((name) => /^\d+$/.test(name)).length, 'the sample is split').toBeGreaterThan(
      0,
    );
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const seen: { page: string; rating?: string }[][] = [];
    const filters: string[][] = [];
    for (const site of [one, { ...several, dir, pages: one.pages }]) {
      await page.goto(site.url('/search/'));
      await search(page, site, 'referendum');
      seen.push(
        (await shownResults(page, site)).map(({ page: p, rating }) => ({ page: p, rating })).sort((a, b) => a.page.localeCompare(b.page)),
      );
      // Pagefind's UI lists a merged filter's values index by index, not sorted again.
      filters.push((await page.locator('.pagefind-ui__filter-label').allTextContents()).sort());
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(filters[1]).toEqual(filters[0]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// `npm start` serves the site without a Pagefind index (indexing the reference archive takes about half a
// minute, too long for every save); a published copy whose index failed to load is in the same state.
describeInBrowser('search without its index', () => {
  let site: TestSite;
  let unindexed: ServedSite;
  let browser: Browser;
  let copy: string;

  beforeAll(async () => {
    [site, browser] = await Promise.all([buildAndServe(), launchBrowser()]);
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-unindexed-'));
    fs.cpSync(site.dir, copy, { recursive: true, filter: (from) => path.relative(site.dir, from).split(path.sep)[0] !== 'pagefind' });
    unindexed = await serveSite(copy);
  });
  afterAll(async () => {
    await browser?.close();
    await unindexed?.close();
    await site?.close();
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  const NOTE = '#search .search-unavailable';

  it('says that search is unavailable and why, above the full lists of fact-checks and source texts', async () => {
    const page = await browser.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto(unindexed.url('/search/'));
    const note = page.locator(NOTE);
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/Search is not available.*no search index.*npm run build.*listed below/s);
    expect(await note.getAttribute('role')).toBe('status');
    const listed = await page.locator('#all-verdicts + ul a').count();
    expect(listed).toBe(site.pages.filter((p) => p.startsWith('/verdicts/')).length);
    expect(scriptErrors).toEqual([]);
    await page.close();
  });

  it('says nothing of the kind where the index is there', async () => {
    const page = await browser.newPage();
    await page.goto(site.url('/search/'));
    await page.locator('.pagefind-ui__search-input').waitFor();
    expect(await page.locator(NOTE).count()).toBe(0);
    await page.close();
  });
});
