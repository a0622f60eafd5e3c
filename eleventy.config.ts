// Eleventy configuration: thin on purpose. Everything specific to fact-checks lives in the local plugin
// (src/eleventy/plugin.ts); this file only wires plugins and folders together.
//
// The project is the current folder (`npm run build -- --root DIR` changes into DIR first): its content/
// is Eleventy's input, while layouts, page templates and CSS come from this tool's _includes/.
// The published origin comes from SITE_URL or the host's own variables, else `url` in content/_data/site.json
// (src/site/site-origin.ts); PREVIEW=1 builds a preview, as npm start does unless PREVIEW=0.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { rssPlugin } from '@11ty/eleventy-plugin-rss';
import factcheckPlugin from './src/eleventy/plugin.ts';
import { readSiteSettings } from './src/eleventy/site-meta.ts';
import { SERVE_OUTPUT } from './src/eleventy/dev-server.ts';
import { isPreview, originFromEnv } from './src/site/site-origin.ts';

const toolRoot = path.dirname(fileURLToPath(import.meta.url));
/** The dev server's folder was emptied once in this process (the config runs again when it changes). */
let cleaned = false;

export default function (eleventyConfig: UserConfig) {
  const input = 'content';
  const site = readSiteSettings(process.cwd(), { defaultsRoot: toolRoot, siteUrl: originFromEnv(process.env).url });
  const serving = process.env['ELEVENTY_RUN_MODE'] === 'serve' || process.env['ELEVENTY_RUN_MODE'] === 'watch';
  // npm start is a preview (drafts have pages, labelled) unless PREVIEW=0.
  const preview = isPreview(process.env, serving);

  // Rewrites every site-relative URL in the HTML for `--pathprefix=/factcheck/` (GitHub Pages project sites).
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(factcheckPlugin, { toolRoot, site, preview });
  // The feed's filters (dateToRfc3339, getNewestCollectionItemDate); /feed.xml itself is one of the
  // plugin's pages (_includes/pages/feed.njk), made from the model.
  eleventyConfig.addPlugin(rssPlugin);

  // `npm start` (--serve, or --watch) writes to .cache/serve/, never into the _site/ `npm run build` made,
  // and starts from an empty folder so no page of an earlier session (a renamed verdict) is served.
  if (serving && !cleaned) {
    fs.rmSync(path.resolve(SERVE_OUTPUT), { recursive: true, force: true });
    cleaned = true;
  }

  return {
    // Editors' Markdown is never run through a template engine: `{{ }}` in a verdict stays text.
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    templateFormats: ['md', 'njk'],
    // The output folder is Eleventy's default, `_site`, but for npm start; `npm run build` passes a temporary folder.
    dir: {
      ...(serving ? { output: SERVE_OUTPUT } : {}),
      input,
      includes: path.relative(path.resolve(input), path.join(toolRoot, '_includes')),
      // Content is data, never code: Eleventy reads no global data files at all (a `_data/eleventyComputed.json`
      // would run template code on every page). The model reads content/_data/ itself and checks it; the
      // templates get everything through the plugin's `fc` global. This folder does not exist.
      data: path.relative(path.resolve(input), path.join(toolRoot, 'src', 'eleventy', 'no-global-data')),
    },
  };
}
