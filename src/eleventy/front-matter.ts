// Front matter as Eleventy sees it. A verdict's own YAML is read by the model (src/verdicts.ts) and
// nowhere else: for content/verdicts/<slug>.md Eleventy gets only data computed from the model (layout,
// permalink, title, date). So an editor's `permalink:`, `layout:` or `eleventyComputed:` cannot move or
// overwrite a page, and there is no second YAML parser with other rules for verdicts. Other Markdown
// pages (content/about.md) are parsed with the same `yaml` package the model uses.
import path from 'node:path';
import YAML from 'yaml';
import type { Verdict } from '../types.ts';
import { verdictUrl } from '../urls.ts';

/** content/verdicts/<slug>.md (directly in that folder) -> slug; anything else -> undefined. */
export function verdictSlugOf(inputDir: string, filePath: string): string | undefined {
  const relative = path.relative(path.resolve(inputDir), path.resolve(filePath)).split(path.sep).join('/');
  const match = /^verdicts\/([^/]+)\.md$/.exec(relative);
  return match?.[1];
}

export interface VerdictPageData {
  layout: string | false;
  permalink: string | false;
  eleventyExcludeFromCollections: boolean;
  title: string;
  date: string;
  /** Looked up in the model by the layout. */
  verdictSlug: string;
}

/**
 * The data Eleventy gets for a verdict's Markdown file. Drafts get no page. Only the feed's entries are in
 * Eleventy's collections: the pages list verdicts from the model, and Eleventy finds each collection item
 * with a linear search over all templates, quadratic in the number of verdicts.
 */
export function verdictPageData(verdict: Verdict, { inFeed }: { inFeed: boolean }): VerdictPageData {
  return {
    layout: verdict.draft ? false : 'layouts/verdict.njk',
    permalink: verdict.draft ? false : verdictUrl(verdict.slug),
    eleventyExcludeFromCollections: verdict.draft || !inFeed,
    title: verdict.title,
    date: verdict.date,
    verdictSlug: verdict.slug,
  };
}

/** The layout of a content page unless its front matter names one: about.md also lists the rating scale. */
export function pageLayout(inputDir: string, filePath: string): string {
  const relative = path.relative(path.resolve(inputDir), path.resolve(filePath)).split(path.sep).join('/');
  return relative === 'about.md' ? 'layouts/about.njk' : 'layouts/page.njk';
}

/**
 * What a content page's front matter may set. Any other key would steer Eleventy itself: `templateEngineOverride:
 * njk` runs the page's Markdown as a template (code), `permalinkBypassOutputDir` writes beside the project.
 */
const PAGE_FIELDS: Record<string, RegExp | undefined> = {
  title: undefined,
  description: undefined,
  layout: /^layouts\/[a-z0-9-]+\.njk$/,
  // A site path such as /about/: no "." or ".." segment, so the page cannot be written outside the site.
  permalink: /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/?)*$/,
};

/** A content page's front matter (a YAML mapping, or nothing), with its default layout. */
export function parsePageFrontMatter(text: string, inputDir: string, filePath: string): Record<string, unknown> {
  const data: unknown = YAML.parse(text);
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new Error(`${filePath}: the front matter must be a YAML mapping (key: value lines).`);
  }
  for (const [key, value] of Object.entries(data ?? {})) {
    if (!Object.hasOwn(PAGE_FIELDS, key)) {
      throw new Error(`${filePath}: the front matter field "${key}" is not allowed on a content page (allowed: ${Object.keys(PAGE_FIELDS).join(', ')}).`);
    }
    const pattern = PAGE_FIELDS[key];
    const allowed = typeof value === 'string' ? pattern?.test(value) !== false : pattern === undefined || (key === 'permalink' && value === false);
    if (!allowed) {
      throw new Error(`${filePath}: "${key}" must look like ${key === 'layout' ? 'layouts/page.njk' : '/about/ (a site path without "." or ".." parts)'}, not ${JSON.stringify(value)}.`);
    }
  }
  return { layout: pageLayout(inputDir, filePath), ...(data as Record<string, unknown> | null) };
}
