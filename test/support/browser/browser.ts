// Debian's Chromium driven by playwright-core. Without a browser the browser tests are skipped with a loud
// message on a developer's machine, and fail under CI=true: CI must never pass without having run them.
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const haveBrowser = fs.existsSync(chromiumPath);
const inCI = process.env['CI'] === 'true';

const INSTALL = 'apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)';

/**
 * `describe`, when Chromium is there. Otherwise a loud skip, or under CI=true one failing test that says
 * what is missing.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (haveBrowser) {
    describe(name, body);
    return;
  }
  if (inCI) {
    describe(name, () => {
      it('needs Chromium (CI=true: the browser tests may not be skipped)', () => {
        throw new Error(`No Chromium at ${chromiumPath}. CI must install it: ${INSTALL}.`);
      });
    });
    return;
  }
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! SKIPPED browser tests "${name}": no Chromium at ${chromiumPath}.\n!! Install it: ${INSTALL}\n${bar}\n`);
  // Deliberate: a developer without Chromium still runs the rest of the suite; CI=true never reaches this line.
  describe.skip(name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
