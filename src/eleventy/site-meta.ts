// Site metadata for the build: content/_data/site.json as the core reads and validates it
// (src/content/site-settings.ts), with the published origin overridable at build time
// (SITE_URL=https://factcheck.example.net npm run build), because the same content is built for
// previews, sub-path hosting and production.
import path from 'node:path';
import fs from 'node:fs';
import { SiteMetaError } from '../model/errors.ts';
import type { SiteMeta } from '../model/types.ts';
import { absoluteUrl } from '../site/urls.ts';
import { loadSiteSettings, SITE_FILE, type SiteSettings } from '../content/site-settings.ts';
import { urlProblem } from '../content/values.ts';

export { SITE_FILE, type SiteSettings };

/**
 * Reads the project's site.json (falling back to `defaultsRoot`'s, so a project with only seeds/ and
 * verdicts still builds) and applies `siteUrl` (the SITE_URL environment variable) when given.
 */
export function readSiteSettings(root: string, options: { defaultsRoot?: string; siteUrl?: string } = {}): SiteSettings {
  const own = fs.existsSync(path.join(root, SITE_FILE));
  const from = own || !options.defaultsRoot ? root : options.defaultsRoot;
  const { settings, problems } = loadSiteSettings(from);
  if (!settings) {
    const first = problems.find((p) => p.severity === 'error');
    const where = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : `${SITE_FILE} is missing.`;
    throw new SiteMetaError(`${where} Run npm run check for every problem.`);
  }
  const siteUrl = options.siteUrl?.trim();
  if (!siteUrl) return settings;
  const bad = urlProblem(siteUrl);
  if (bad) throw new SiteMetaError(`SITE_URL must be an absolute http(s) URL such as https://factcheck.example.net: ${bad}.`);
  return { ...settings, url: siteUrl.replace(/\/+$/, '') };
}

/**
 * The site's metadata for a build under `pathPrefix`. Without its own URL the organisation is the site
 * itself: its home page, prefix included (so SITE_URL and --pathprefix move both).
 */
export function siteMeta(settings: SiteSettings, pathPrefix = '/'): SiteMeta & { notice: string } {
  const { organisation } = settings;
  return { ...settings, organisation: { ...organisation, url: organisation.url ?? absoluteUrl(settings, '/', pathPrefix) } };
}
