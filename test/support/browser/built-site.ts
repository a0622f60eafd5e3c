// A real build (`npm run build`, optionally with --pathprefix) of a project, served on a loopback port.
// Test files call buildAndServe once in beforeAll and close it in afterAll. The build is the run's shared
// one (sharedBuild in ../site.ts): one per project, prefix and preview in a whole vitest run.
import { listFiles, repoRoot, sharedBuild } from '../site.ts';
import { serveSite, type ServedSite } from './static-server.ts';

export interface TestSite extends ServedSite {
  /** The built folder (shared with the run's other test files: read it, never change it). */
  dir: string;
  /** Every HTML page as a site path without the prefix (`/`, `/seeds/a/`, `/404.html`), sorted. */
  pages: string[];
}

export async function buildAndServe(options: { root?: string; pathPrefix?: string; preview?: boolean } = {}): Promise<TestSite> {
  const prefix = options.pathPrefix ?? '/';
  const dir = await sharedBuild(options.root ?? repoRoot, { pathPrefix: prefix, preview: options.preview ?? false });
  const served = await serveSite(dir, prefix);
  const pages = listFiles(dir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  return { ...served, dir, pages };
}

/** Whether a site path is one seed's page, not the index of all seeds (`/seeds/`, `/seeds/page/<n>/`). */
export function isSeedPage(sitePath: string): boolean {
  // `/seeds/<id>/`: not the index's pages (`/seeds/page/<n>/`) nor a comparison (`/seeds/<id>/compare/<other>/`)
  return /^\/seeds\/[^/]+\/$/.test(sitePath) && sitePath !== '/seeds/page/';
}

/** The archive page types (src/eleventy/archive-data.ts): a claimant's, a topic's and an outlet's page, and the index of each. */
export const ARCHIVE_TYPES = ['claimant', 'topic', 'outlet', 'claimants', 'topics', 'outlets'] as const;

type PageType = 'home' | 'verdict' | 'seed' | 'seeds' | 'rating' | 'about' | 'search' | 'notFound' | (typeof ARCHIVE_TYPES)[number];

/** One page of each kind the site publishes (site paths without the prefix); the 404 page as a reader meets it. */
export function pageOfEachType(site: TestSite): Record<PageType, string> {
  const first = (prefix: string) => {
    const page = site.pages.find((p) => p.startsWith(prefix) && p !== prefix);
    if (!page) throw new Error(`the build has no ${prefix}… page`);
    return page;
  };
  /** `/<folder>/<slug>/`, not a page of the folder's index (`/<folder>/page/<n>/`). */
  const one = (folder: string) => {
    const page = site.pages.find((p) => new RegExp(`^/${folder}/[^/]+/$`).test(p) && p !== `/${folder}/page/`);
    if (!page) throw new Error(`the build has no /${folder}/<slug>/ page`);
    return page;
  };
  return {
    home: '/',
    verdict: first('/verdicts/'),
    seed: site.pages.find(isSeedPage) ?? first('/seeds/'),
    seeds: '/seeds/',
    rating: first('/ratings/'),
    about: '/about/',
    search: '/search/',
    notFound: '/no/such/page/',
    claimant: one('claimants'),
    topic: one('topics'),
    outlet: one('outlets'),
    claimants: '/claimants/',
    topics: '/topics/',
    outlets: '/outlets/',
  };
}
