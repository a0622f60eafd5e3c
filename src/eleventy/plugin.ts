// The Eleventy adapter: computes the model once per build (the same core `npm run check` runs), stops
// the build with check's messages when the content has errors, and hands the templates a SiteData.
import fs from 'node:fs';
import path from 'node:path';
import type { CollectionItem, UserConfig } from '@11ty/eleventy';
import { buildModel, createModelCache, type ModelCache } from '../model.ts';
import { countBySeverity, formatText, summary } from '../report.ts';
import { collectRedirects } from '../redirects.ts';
import { aboutUrl } from '../urls.ts';
import { newestFirst } from '../order.ts';
import { createMarkdown } from './markdown.ts';
import { parsePageFrontMatter, verdictPageData, verdictSlugOf } from './front-matter.ts';
import { FEED_ENTRIES, SiteData } from './site-data.ts';
import { siteMeta, type SiteSettings } from './site-meta.ts';
import { registerPages } from './pages.ts';
import { ratingStyles } from './rating-styles.ts';
import { shareImageCacheDir, shareImageJobs, shareImagesEnabled } from './share-images.ts';
import { writeShareImages } from '../share-image.ts';

/** The Atom feed lists the FEED_ENTRIES newest verdicts, from the collection FEED_COLLECTION. */
export const FEED_COLLECTION = 'feedVerdicts';
export { FEED_ENTRIES };

/** Thrown when the content has errors; `report` is the text `npm run check` prints for them. */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
  constructor(
    /** One line per problem, exactly as `npm run check` prints them on stdout. */
    readonly report: string,
    /** check's summary line, e.g. "2 errors, 1 warning in 17 files". */
    readonly summary: string,
  ) {
    super(`${report}${summary}`);
  }
}

export interface FactcheckPluginOptions {
  /** The folder holding this tool's `_includes/` (layouts, pages, CSS, JS). */
  toolRoot: string;
  /** site.json as read; the build's path prefix completes it (the organisation's default URL). */
  site: SiteSettings;
  /** A preview build (PREVIEW=1, see src/site-origin.ts): banner, noindex, no ClaimReview. */
  preview?: boolean;
}

export default function factcheckPlugin(eleventyConfig: UserConfig, options: FactcheckPluginOptions): void {
  const includes = path.join(options.toolRoot, '_includes');
  const fc = new SiteData();
  eleventyConfig.addGlobalData('fc', fc);
  // Watch mode (npm start) re-parses only the verdicts whose file changed, and re-anchors only those whose
  // quote or seed did; a one-shot build keeps nothing, so the seeds' normalised views are freed early.
  let cache: ModelCache | undefined;

  eleventyConfig.on('eleventy.before', ({ directories, runMode }) => {
    if (runMode !== 'build') cache ??= createModelCache();
    const inputDir = path.resolve(directories.input);
    const model = buildModel({ root: path.dirname(inputDir), cache });
    const problems = model.problems;
    if (countBySeverity(problems, 'error') > 0) throw new ContentErrors(formatText(problems), summary(problems, model.files.length));
    // Warnings do not stop a build, but an editor running it should still see them.
    if (problems.length > 0) process.stderr.write(formatText(problems));
    const redirects = collectRedirects(model.verdicts);
    const css = fs.readFileSync(path.join(includes, 'css', 'site.css'), 'utf8') + ratingStyles(model.scale);
    fc.update({ model, site: siteMeta(options.site, eleventyConfig.pathPrefix), pathPrefix: eleventyConfig.pathPrefix, inputDir, redirects, css, preview: options.preview ?? false });
  });

  // Verdicts get their page data from the model, never from their own YAML (see front-matter.ts).
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text, engineOptions) => {
        const file = engineOptions?.filePath ?? '';
        const slug = verdictSlugOf(fc.inputDir, file);
        if (slug === undefined) return parsePageFrontMatter(text, fc.inputDir, file);
        const verdict = fc.anyVerdict(slug);
        if (!verdict) throw new Error(`${file} is not in the model; run \`npm run check\`.`);
        return verdictPageData(verdict, { inFeed: fc.feedSlugs.has(slug) });
      },
    },
  });

  // Page data comes from the model and the checked front matter only: no *.11tydata.json or *.11tydata.js files,
  // which could set templateEngineOverride (running Markdown as a template) or a permalink for a whole folder.
  eleventyConfig.setDataFileSuffixes([]);
  // Whatever set it, a page URL with a "." or ".." segment would be written outside the site folder.
  eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }) => {
    for (const [url, { inputPath }] of Object.entries(urlToInputPath)) {
      // `permalink: false` (a draft verdict) is listed under the key "false"; nothing is written for it.
      if (url === 'false') continue;
      if (!url.startsWith('/') || url.split('/').some((part) => part === '.' || part === '..')) {
        throw new Error(`${inputPath}: its page URL ${JSON.stringify(url)} leaves the site folder; permalinks are site paths such as /about/.`);
      }
    }
    // Templates link to the methodology page only when this build has one (it is the editors' own Markdown).
    fc.hasAbout = Object.hasOwn(urlToInputPath, aboutUrl());
    if (!fc.hasAbout) {
      process.stderr.write(
        `warning: no page at ${aboutUrl()}: the IFCN Code of Principles asks fact-checkers to publish their methodology, rating scale and corrections policy; write them in content/about.md. Until then no page links to ${aboutUrl()}.\n`,
      );
    }
  });

  eleventyConfig.setLibrary('md', createMarkdown());
  eleventyConfig.addWatchTarget('seeds/');
  eleventyConfig.addWatchTarget(path.join(includes, 'css'));
  // search.js and the site icon (a page naming no icon makes browsers ask for /favicon.ico, a 404).
  for (const folder of ['js', 'icons']) eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(includes, folder))]: 'assets' });

  // The feed's entries, oldest first (the feed template reverses them): the only verdicts in collections.
  const entry = (item: CollectionItem) => ({ date: item.date.toISOString(), slug: String(item.data['verdictSlug']) });
  eleventyConfig.addCollection(FEED_COLLECTION, (api) =>
    api
      .getAll()
      .filter((item) => typeof item.data['verdictSlug'] === 'string')
      .sort((a, b) => newestFirst(entry(b), entry(a)))
      .slice(-FEED_ENTRIES),
  );

  // Share images are drawn after the pages, into the same output folder (cached by content hash).
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    if (!shareImagesEnabled()) return;
    await writeShareImages(shareImageJobs(fc, directories.output), shareImageCacheDir(path.dirname(fc.inputDir)));
  });

  registerPages(eleventyConfig);
}
