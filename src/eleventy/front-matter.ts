// Front matter as Eleventy sees it. Verdicts are not Eleventy templates at all (their pages are
// paginated from the model, see pages.ts); the editors' other Markdown pages (content/about.md) are,
// but their YAML is read and checked by the model (content-files.ts) and nowhere else: Eleventy gets
// only data computed from it. So an editor's `layout:`, `permalink:` or `eleventyComputed:` cannot move
// or overwrite a page, and there is no second YAML parser with other rules.
import type { ContentPage } from '../content/content-files.ts';

/** The data Eleventy gets for a content page: its checked fields (src/content/content-files.ts), the layout the tool chooses and its URL. */
export function contentPageData(page: ContentPage): Record<string, string> {
  return {
    // about.md also lists the rating scale.
    layout: page.file === 'content/about.md' ? 'layouts/about.njk' : 'layouts/page.njk',
    permalink: page.url,
    title: page.title,
    ...(page.description !== undefined ? { description: page.description } : {}),
  };
}
