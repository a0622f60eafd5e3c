// The highlights on seed pages, in Chromium, for a keyboard user: every link in the seed text takes the
// focus in reading order with a visible focus ring, every highlight says its rating in words, and every
// verdict over any highlighted text (overlapping, nested, identical or paragraph-crossing passages: the
// site-overlap fixture has each) can be reached from that text and leads to its verdict page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../support/site.ts';
import { describeInBrowser, launchBrowser } from '../support/browser/browser.ts';
import { buildAndServe, isSeedPage, type TestSite } from '../support/browser/built-site.ts';

interface Highlight {
  id: string;
  verdicts: string[];
  /** verdict slug -> the rating written before its passage, for each pin in this mark */
  pins: { slug: string; label: string; accessibleName: string; width: number; contrast: number }[];
  /** verdict slugs this mark's links lead to */
  links: string[];
}

/** Every <mark> of the seed text in reading order, with what it shows and where its links go. */
function readHighlights(page: Page): Promise<Highlight[]> {
  return page.evaluate(() => {
    const slugOf = (a: HTMLAnchorElement) => /\/verdicts\/([^/]+)\/$/.exec(new URL(a.href).pathname)?.[1] ?? `not a verdict: ${a.href}`;
    return [...document.querySelectorAll<HTMLElement>('[data-seed] mark')].map((mark) => ({
      id: mark.id,
      verdicts: (mark.dataset['verdicts'] ?? '').split(' ').filter(Boolean),
      pins: [...mark.querySelectorAll<HTMLAnchorElement>('a.pin')].map((pin) => ({
        slug: slugOf(pin),
        // generated text is what a sighted reader sees; CSS gives it as a quoted string
        label: JSON.parse(getComputedStyle(pin, '::before').content || '""') as string,
        accessibleName: pin.getAttribute('aria-label') ?? pin.textContent ?? '',
        width: pin.getBoundingClientRect().width,
        // axe does not check generated text, so the label's contrast is measured here (WCAG formula)
        contrast: (() => {
          const style = getComputedStyle(pin, '::before');
          const luminance = (css: string) => {
            const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
              const c = Number(v) / 255;
              return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
          };
          const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
          return (a! + 0.05) / (b! + 0.05);
        })(),
      })),
      links: [...mark.querySelectorAll<HTMLAnchorElement>('a[href]')].map(slugOf),
    }));
  });
}

/** Tabs through the whole page and returns the focused links (href, and whether a focus ring shows). */
async function tabThrough(page: Page): Promise<{ href: string; inSeed: boolean; ring: boolean }[]> {
  const focused: { href: string; inSeed: boolean; ring: boolean }[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < 500; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body || !(e instanceof HTMLAnchorElement)) return null;
      const style = getComputedStyle(e);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      return {
        href: e.getAttribute('href') ?? '',
        inSeed: e.closest('[data-seed]') !== null,
        ring,
        footer: e.closest('footer') !== null,
        last: e === [...document.querySelectorAll('a[href]')].at(-1),
      };
    });
    if (!now) continue;
    focused.push({ href: now.href, inSeed: now.inSeed, ring: now.ring });
    if (now.last) break;
  }
  return focused;
}

for (const [name, root] of [
  ['the sample site', repoRoot],
  ['the overlapping-passages fixture', `${repoRoot}/test/fixtures/site-overlap`],
] as const) {
  describeInBrowser(`seed page highlights on ${name}`, () => {
    let site: TestSite;
    let browser: Browser;
    let page: Page;
    const scale = new Map<string, string>(); // rating key -> label, read from the rating pages

    beforeAll(async () => {
      [site, browser] = await Promise.all([buildAndServe({ root }), launchBrowser()]);
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      for (const ratingPage of site.pages.filter((p) => p.startsWith('/ratings/'))) {
        await page.goto(site.url(ratingPage));
        scale.set(
          ratingPage.split('/')[2]!,
          (
            await page
              .locator('h1 .badge, .rating-box .badge')
              .first()
              .evaluate((b) => b.lastChild?.textContent ?? '')
          ).trim(),
        );
      }
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    const seedPages = () => site.pages.filter(isSeedPage);

    it("writes each highlighted verdict's rating in words, and lets the reader reach every verdict over any highlighted text", async () => {
      let marks = 0;
      let overlapping = 0;
      for (const seedPage of seedPages()) {
        await page.goto(site.url(seedPage));
        const highlights = await readHighlights(page);
        marks += highlights.length;
        overlapping += highlights.filter((h) => h.verdicts.length > 1).length;
        for (const [i, h] of highlights.entries()) {
          expect(h.verdicts.length, `${seedPage} #${h.id} names its verdicts`).toBeGreaterThan(0);
          for (const pin of h.pins) {
            expect(h.verdicts, `${seedPage} #${h.id}`).toContain(pin.slug);
            expect(pin.label, `${seedPage} #${h.id}: rating of ${pin.slug} in words`).not.toBe('');
            expect([...scale.values()], `${seedPage} #${h.id}: "${pin.label}" is a rating of the scale`).toContain(pin.label);
            expect(pin.width, `${seedPage} #${h.id}: the rating of ${pin.slug} takes room on screen`).toBeGreaterThan(10);
            expect(pin.contrast, `${seedPage} #${h.id}: contrast of the "${pin.label}" label`).toBeGreaterThanOrEqual(4.5);
            expect(
              pin.accessibleName.startsWith(`${pin.label}: `),
              `${seedPage} #${h.id}: screen readers hear "${pin.accessibleName}"`,
            ).toBe(true);
          }
          for (const slug of h.verdicts) {
            // the run of adjacent highlights that carry this verdict is the text the reader sees marked for it
            let from = i;
            let to = i;
            while (from > 0 && highlights[from - 1]!.verdicts.includes(slug)) from--;
            while (to < highlights.length - 1 && highlights[to + 1]!.verdicts.includes(slug)) to++;
            const run = highlights.slice(from, to + 1);
            expect(
              run.some((r) => r.links.includes(slug)),
              `${seedPage} #${h.id}: a link to ${slug} in its highlighted text`,
            ).toBe(true);
            expect(
              run.some((r) => r.pins.some((p) => p.slug === slug)),
              `${seedPage} #${h.id}: the rating of ${slug} is written at its passage`,
            ).toBe(true);
          }
        }
      }
      expect(marks).toBeGreaterThan(0);
      if (name !== 'the sample site') expect(overlapping, 'the fixture has overlapping highlights').toBeGreaterThan(2);
    });

    it('takes the keyboard focus on every link of the seed text, in reading order, with a visible focus ring', async () => {
      for (const seedPage of seedPages()) {
        await page.goto(site.url(seedPage));
        const expected = await page.locator('[data-seed] a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        const focused = await tabThrough(page);
        expect(
          focused.filter((f) => f.inSeed).map((f) => f.href),
          seedPage,
        ).toEqual(expected);
        expect(
          focused.filter((f) => !f.ring).map((f) => f.href),
          `${seedPage}: links focused without a visible ring`,
        ).toEqual([]);
      }
    });

    it('opens the verdict of each rating pin from the keyboard, with the rating and title it announced', async () => {
      let opened = 0;
      for (const seedPage of seedPages()) {
        await page.goto(site.url(seedPage));
        const pins = await page
          .locator('[data-seed] a.pin')
          .evaluateAll((as) =>
            as.map((a) => ({ id: a.id, name: a.getAttribute('aria-label') ?? '', href: (a as HTMLAnchorElement).href })),
          );
        for (const [i, pin] of pins.entries()) {
          if (i > 0) await page.goBack();
          await page.locator(`[id="${pin.id}"]`).focus();
          await page.keyboard.press('Enter');
          await page.waitForURL(pin.href);
          const [label, title] = [pin.name.slice(0, pin.name.indexOf(': ')), pin.name.slice(pin.name.indexOf(': ') + 2)];
          expect(await page.locator('h1').textContent(), `${seedPage} #${pin.id}`).toBe(title);
          expect(await page.locator('.rating-box .badge').evaluate((b) => b.lastChild?.textContent?.trim()), `${seedPage} #${pin.id}`).toBe(
            label,
          );
          opened++;
        }
      }
      expect(opened).toBeGreaterThan(0);
    });
  });
}
