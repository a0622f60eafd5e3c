// Measurements taken inside the page, shared by the browser tests.
import type { Page } from 'playwright-core';

/**
 * Collects what would show in the page's console as a failure: script errors, console errors (a CSP
 * violation is one; so is a failed load Playwright does not see as a response, such as Chromium's own
 * /favicon.ico request on a page that names no icon) and responses of 400 or more, with their URLs.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${page.url()}: ${response.status()} for ${response.url()}`);
  });
  return errors;
}

/**
 * Waits until the fragment target of the URL is in view (the page may scroll smoothly), then returns where
 * the target and its highlight are; fails with the positions when it never gets there.
 */
export async function fragmentTargetInView(page: Page): Promise<{ id: string; markText: string }> {
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
  if (!id) throw new Error(`${page.url()} has no fragment`);
  try {
    await page.waitForFunction(
      (targetId) => {
        const target = document.getElementById(targetId);
        if (!target || !target.matches(':target')) return false;
        const box = target.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
      },
      id,
      { timeout: 5_000, polling: 50 },
    );
  } catch {
    const where = await page.evaluate((targetId) => {
      const target = document.getElementById(targetId);
      if (!target) return 'no element with that id';
      const box = target.getBoundingClientRect();
      return `target at top ${Math.round(box.top)}..${Math.round(box.bottom)} px, viewport height ${window.innerHeight}, :target ${target.matches(':target')}`;
    }, id);
    throw new Error(`#${id} on ${page.url()} is not in view: ${where}`);
  }
  const markText = await page.evaluate((targetId) => {
    const mark = document.getElementById(targetId)?.closest('mark');
    if (!mark) return '';
    const box = mark.getBoundingClientRect();
    // the highlighted passage itself must be showing, not only its start
    return box.top < window.innerHeight && box.bottom > 0 ? (mark.textContent ?? '') : '';
  }, id);
  return { id, markText };
}

/** Elements sticking out to the right of the viewport (selector-like names), and the page's scroll width. */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      if (element.closest('.visually-hidden')) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
      culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 8) };
  });
}
