// Eleventy configuration: thin on purpose. Everything specific to fact-checks lives in the local plugin
// (src/eleventy/plugin.ts); this file only wires plugins and folders together.
//
// The project is the current folder (`npm run build -- --root DIR` changes into DIR first): its content/
// is Eleventy's input, while layouts, page templates and CSS come from this tool's _includes/.
// The published origin comes from SITE_URL or the host's own variables, else `url` in content/_data/site.json
// (src/site-origin.ts); PREVIEW=1 builds a preview.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { feedPlugin } from '@11ty/eleventy-plugin-rss';
import factcheckPlugin, { FEED_COLLECTION, FEED_ENTRIES } from './src/eleventy/plugin.ts';
import { readSiteSettings } from './src/eleventy/site-meta.ts';
import { isPreview, originFromEnv } from './src/site-origin.ts';
import { feedUrl } from './src/urls.ts';

const toolRoot = path.dirname(fileURLToPath(import.meta.url));

export default function (eleventyConfig: UserConfig) {
  const input = 'content';
  const site = readSiteSettings(process.cwd(), { defaultsRoot: toolRoot, siteUrl: originFromEnv(process.env).url });
  const preview = isPreview(process.env);

  // Rewrites every site-relative URL in the HTML for `--pathprefix=/factcheck/` (GitHub Pages project sites).
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(factcheckPlugin, { toolRoot, site, preview });
  eleventyConfig.addPlugin(feedPlugin, {
    type: 'atom',
    outputPath: feedUrl(),
    collection: { name: FEED_COLLECTION, limit: FEED_ENTRIES },
    metadata: {
      language: site.language,
      title: site.title,
      subtitle: site.description,
      base: `${site.url}/`,
      author: { name: site.organisation.name },
    },
  });

  return {
    // Editors' Markdown is never run through a template engine: `{{ }}` in a verdict stays text.
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    templateFormats: ['md', 'njk'],
    // The output folder is Eleventy's default, `_site`; `npm run build` passes a temporary folder instead.
    dir: {
      input,
      includes: path.relative(path.resolve(input), path.join(toolRoot, '_includes')),
      data: '_data',
    },
  };
}
