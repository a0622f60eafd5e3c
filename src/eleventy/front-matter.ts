// Front matter as Eleventy sees it. A verdict's own YAML is read by the model (src/verdicts.ts) and
// nowhere else: for content/verdicts/<slug>.md Eleventy gets only data computed from the model (layout,
// permalink, title, date). So an editor's `permalink:`, `layout:` or `eleventyComputed:` cannot move or
// overwrite a page, and there is no second YAML parser with other rules for verdicts. The same holds for
// the editors' other Markdown pages (content/about.md): the model reads and checks them (content-files.ts).
import path from 'node:path';
import type { ContentPage } from '../content-files.ts';
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

/** The data Eleventy gets for a content page: its checked fields (src/content-files.ts), the layout the tool chooses and its URL. */
export function contentPageData(page: ContentPage): Record<string, string> {
  return {
    // about.md also lists the rating scale.
    layout: page.file === 'content/about.md' ? 'layouts/about.njk' : 'layouts/page.njk',
    permalink: page.url,
    title: page.title,
    ...(page.description !== undefined ? { description: page.description } : {}),
  };
}
