// Where the published site lives (its origin, for every absolute URL: ClaimReview, canonical links, the
// sitemap, the feeds) and whether this build is a preview. Pure: it reads only the environment it is given.
//
// The origin, first match wins:
//   1. SITE_URL                          (set by hand, or by .github/workflows/deploy.yml for GitHub Pages)
//   2. Netlify: URL in production, DEPLOY_PRIME_URL in every other context (deploy previews, branch deploys)
//   3. Cloudflare Pages: CF_PAGES_URL    (the deployment's own *.pages.dev URL)
//   4. "url" in content/_data/site.json
// A deployment whose origin is still localhost would publish structured data that points nowhere, so a
// build that will be deployed (or any build with CI=true) fails instead; a local build only warns.
//
// A preview (PREVIEW=1) is not a deployment: it is built with a banner, noindex, a robots.txt that
// disallows everything and no ClaimReview, and it renders drafts (labelled, and in no feed). Netlify deploy
// previews set it in netlify.toml, the pull-request workflow sets it, and on Cloudflare Pages it is a
// variable of the Preview environment. `npm start` is a preview too unless PREVIEW=0 says otherwise: an
// editor sees a draft there before anyone else does.
import { SiteOriginError } from '../model/errors.ts';

export type Env = Record<string, string | undefined>;

export type OriginSource = 'SITE_URL' | 'URL' | 'DEPLOY_PRIME_URL' | 'CF_PAGES_URL' | 'site.json';

export interface Origin {
  /** Absolute http(s) URL, no trailing slash; undefined when the environment names none (site.json decides). */
  url?: string;
  /** Which variable gave it. */
  source: OriginSource;
}

const set = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);
const strip = (url: string): string => url.replace(/\/+$/, '');

/** The origin the environment names, or `{ source: 'site.json' }` when it names none. */
export function originFromEnv(env: Env): Origin {
  const siteUrl = set(env['SITE_URL']);
  if (siteUrl) return { url: strip(siteUrl), source: 'SITE_URL' };
  if (env['NETLIFY'] === 'true') {
    // Netlify sets URL (the site's main address) and DEPLOY_PRIME_URL (this deploy's own address) in every
    // context; only production is served at URL.
    const prime = set(env['DEPLOY_PRIME_URL']);
    if (set(env['CONTEXT']) !== 'production' && prime) return { url: strip(prime), source: 'DEPLOY_PRIME_URL' };
    const main = set(env['URL']);
    if (main) return { url: strip(main), source: 'URL' };
  }
  const cloudflare = set(env['CF_PAGES_URL']);
  if (cloudflare) return { url: strip(cloudflare), source: 'CF_PAGES_URL' };
  return { source: 'site.json' };
}

/**
 * PREVIEW=1 / true / yes makes a preview build, 0 / false / no a normal one; anything else is refused.
 * Unset, the dev server (`serving`: npm start) previews and a build does not.
 */
export function isPreview(env: Env, serving = false): boolean {
  const value = set(env['PREVIEW'])?.toLowerCase();
  if (value === undefined) return serving;
  if (['0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return true;
  throw new SiteOriginError(`PREVIEW must be 1 (a preview build) or 0, got ${JSON.stringify(env['PREVIEW'])}.`);
}

/** localhost, *.localhost, 127.0.0.0/8, 0.0.0.0 and [::1]: addresses no reader of the published site can reach. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '0.0.0.0' || host === '[::1]'
  );
}

/** Whether this build is headed for a host: CI=true, or a Netlify or Cloudflare Pages build. */
export function willBeDeployed(env: Env): boolean {
  return env['CI'] === 'true' || env['CI'] === '1' || env['NETLIFY'] === 'true' || env['CF_PAGES'] === '1';
}

export interface OriginVerdict {
  /** Stop the build with this one-line message. */
  error?: string;
  /** Print this one-line warning and go on. */
  warning?: string;
}

const HOW =
  'set SITE_URL=https://your-domain.example (GitHub Pages: the deploy workflow does; Netlify and Cloudflare Pages: their own URL variables do), change "url" in content/_data/site.json, or build a preview with PREVIEW=1';

/**
 * What to do about the origin `url` (as finally resolved) that came from `source`. A preview is never
 * stopped: it says on every page that it is not the published site.
 */
export function judgeOrigin(url: string, source: OriginSource, env: Env): OriginVerdict {
  if (!isLocalUrl(url)) return {};
  const from = source === 'site.json' ? '"url" in content/_data/site.json' : source;
  const what = `the site's origin is ${url} (from ${from}), so every ClaimReview, canonical link, sitemap entry and feed link would point at this machine`;
  if (isPreview(env)) return {};
  if (willBeDeployed(env)) return { error: `${what}; ${HOW}.` };
  return { warning: `${what}; fine for looking at it locally, but before deploying ${HOW}.` };
}
