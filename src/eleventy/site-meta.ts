// Site metadata: content/_data/site.json, with the published origin overridable at build time
// (SITE_URL=https://factcheck.example.net npm run build), because the same content is built for
// previews, sub-path hosting and production.
import fs from 'node:fs';
import path from 'node:path';
import type { SiteMeta } from '../types.ts';
import { absoluteUrl } from '../urls.ts';

export const SITE_FILE = 'content/_data/site.json';

export class SiteMetaError extends Error {
  override name = 'SiteMetaError';
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function text(data: Record<string, unknown>, key: string, fallback?: string): string {
  const value = data[key] ?? fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SiteMetaError(`${SITE_FILE}: "${key}" must be a non-empty string.`);
  }
  return value;
}

/** site.json as written: the organisation's URL is left out when the file gives none. */
export type SiteSettings = Omit<SiteMeta, 'organisation'> & {
  organisation: Omit<SiteMeta['organisation'], 'url'> & { url?: string };
  notice: string;
};

/**
 * Reads the project's site.json (falling back to `defaultsRoot`'s, so a project with only seeds/ and
 * verdicts still builds) and applies `siteUrl` (the SITE_URL environment variable) when given.
 */
export function readSiteSettings(root: string, options: { defaultsRoot?: string; siteUrl?: string } = {}): SiteSettings {
  let file = path.join(root, SITE_FILE);
  if (!fs.existsSync(file) && options.defaultsRoot) file = path.join(options.defaultsRoot, SITE_FILE);
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the file must hold a JSON object');
    data = parsed as Record<string, unknown>;
  } catch (error) {
    throw new SiteMetaError(`${SITE_FILE}: cannot be read: ${(error as Error).message}.`);
  }
  const url = options.siteUrl?.trim() || data['url'];
  if (!isHttpUrl(url)) {
    const from = options.siteUrl ? 'SITE_URL' : `"url" in ${SITE_FILE}`;
    throw new SiteMetaError(`${from} must be an absolute http(s) URL such as https://factcheck.example.net, got ${JSON.stringify(url)}.`);
  }
  const org = data['organisation'];
  if (!org || typeof org !== 'object' || Array.isArray(org)) {
    throw new SiteMetaError(`${SITE_FILE}: "organisation" must be an object with a "name" (and optionally "url", "logo").`);
  }
  const orgData = org as Record<string, unknown>;
  const orgUrl = orgData['url'];
  if (orgUrl !== undefined && !isHttpUrl(orgUrl)) throw new SiteMetaError(`${SITE_FILE}: "organisation.url" must be an absolute http(s) URL.`);
  const license = data['license'];
  if (license !== undefined && !isHttpUrl(license)) throw new SiteMetaError(`${SITE_FILE}: "license" must be the absolute http(s) URL of the licence of the site's structured data.`);
  const logo = orgData['logo'];
  if (logo !== undefined && !isHttpUrl(logo)) throw new SiteMetaError(`${SITE_FILE}: "organisation.logo" must be an absolute http(s) URL.`);
  return {
    title: text(data, 'title'),
    description: text(data, 'description'),
    url: url.replace(/\/+$/, ''),
    language: text(data, 'language', 'en'),
    organisation: { name: text(orgData, 'name'), ...(orgUrl ? { url: orgUrl } : {}), ...(logo ? { logo } : {}) },
    notice: text(data, 'notice'),
    ...(license ? { license } : {}),
  };
}

/**
 * The site's metadata for a build under `pathPrefix`. Without its own URL the organisation is the site
 * itself: its home page, prefix included (so SITE_URL and --pathprefix move both).
 */
export function siteMeta(settings: SiteSettings, pathPrefix = '/'): SiteMeta & { notice: string } {
  const { organisation } = settings;
  return { ...settings, organisation: { ...organisation, url: organisation.url ?? absoluteUrl(settings, '/', pathPrefix) } };
}
