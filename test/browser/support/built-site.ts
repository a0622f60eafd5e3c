// One real build (`npm run build`, optionally with --pathprefix) of a project, served on a loopback port.
// Test files call it once in beforeAll and close it in afterAll.
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, listFiles, repoRoot } from '../../support/site.ts';
import { serveSite, type ServedSite } from './static-server.ts';

export interface TestSite extends ServedSite {
  /** The built folder. */
  dir: string;
  /** Every HTML page as a site path without the prefix (`/`, `/seeds/a/`, `/404.html`), sorted. */
  pages: string[];
  remove(): Promise<void>;
}

export async function buildAndServe(options: { root?: string; pathPrefix?: string } = {}): Promise<TestSite> {
  const dir = await buildSite(options.root ?? repoRoot, options.pathPrefix ? { pathPrefix: options.pathPrefix } : {});
  const served = await serveSite(dir, options.pathPrefix ?? '/');
  const pages = listFiles(dir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  return {
    ...served,
    dir,
    pages,
    remove: async () => {
      await served.close();
      // buildSite makes <tmp>/factcheck-site-XXXX/_site: remove the whole temporary folder
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
}

/** One page of each kind the site publishes (site paths without the prefix); the 404 page as a reader meets it. */
export function pageOfEachType(site: TestSite): Record<'home' | 'verdict' | 'seed' | 'rating' | 'about' | 'search' | 'notFound', string> {
  const first = (prefix: string) => {
    const page = site.pages.find((p) => p.startsWith(prefix) && p !== prefix);
    if (!page) throw new Error(`the build has no ${prefix}… page`);
    return page;
  };
  return {
    home: '/',
    verdict: first('/verdicts/'),
    seed: first('/seeds/'),
    rating: first('/ratings/'),
    about: '/about/',
    search: '/search/',
    notFound: '/no/such/page/',
  };
}
