// The Eleventy adapter: computes the model once per build (the same core `npm run check` runs), stops
// the build with check's messages when the content has errors, and hands the templates a SiteData.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { UserConfig } from '@11ty/eleventy';
import { buildModel, createModelCache, type CheckedModel, type ModelCache } from '../model/model.ts';
import { ContentErrors } from '../model/errors.ts';
import { countBySeverity, formatText, summary } from '../model/report.ts';
import { collectRedirects } from '../site/redirects.ts';
import { aboutUrl } from '../site/urls.ts';
import { createMarkdown } from './markdown.ts';
import { contentPageData } from './front-matter.ts';
import type { ContentPage } from '../content/content-files.ts';
import { SiteData } from './site-data.ts';
import { siteMeta, type SiteSettings } from './site-meta.ts';
import { registerPages } from './pages.ts';
import { ratingStyles } from './rating-styles.ts';
import { errorPageMiddleware, withDevScript, type ContentReport } from './dev-server.ts';
import { shareImageCacheDir, shareImageJobs, shareImagesEnabled } from './share-images.ts';
import { writeShareImages } from '../site/share-image.ts';
import { onlyContentChanged, RenderPlan, siteWideFingerprints } from './incremental.ts';
import { runOf } from './shards.ts';

export interface FactcheckPluginOptions {
  /** The folder holding this tool's `_includes/` (layouts, pages, CSS, JS). */
  toolRoot: string;
  /** site.json as read; the build's path prefix completes it (the organisation's default URL). */
  site: SiteSettings;
  /** A preview build (PREVIEW=1, see src/site/site-origin.ts): banner, noindex, no ClaimReview. */
  preview?: boolean;
}

/** The editors' content pages by absolute path (Eleventy names a template by its file). */
const pagesOf = (model: Pick<CheckedModel, 'root' | 'pages'>): Map<string, ContentPage> =>
  new Map(model.pages.map((page) => [path.resolve(model.root, page.file), page]));

const siteDataOfConfig = new WeakMap<UserConfig, SiteData>();

/** The `fc` of the builds run with this Eleventy config: `npm run build` indexes its records for search once Eleventy is done. */
export function siteDataOf(eleventyConfig: UserConfig): SiteData | undefined {
  return siteDataOfConfig.get(eleventyConfig);
}

export default function factcheckPlugin(eleventyConfig: UserConfig, options: FactcheckPluginOptions): void {
  const includes = path.join(options.toolRoot, '_includes');
  // A build in several runs (shards.ts): the first run computes the site data, the others reuse it.
  const run = runOf(eleventyConfig);
  const fc = run?.build.siteData ?? new SiteData();
  if (run) run.build.siteData = fc;
  siteDataOfConfig.set(eleventyConfig, fc);
  eleventyConfig.addGlobalData('fc', fc);
  // Watch mode (npm start) re-parses only the verdicts whose file changed, and re-anchors only those whose
  // quote or seed did; a one-shot build keeps nothing, so the seeds' normalised views are freed early.
  let cache: ModelCache | undefined;
  let pagesByPath = new Map<string, ContentPage>();
  // npm start: while the content has errors, the browser gets check's report instead of any page (dev-server.ts).
  let contentErrors: ContentReport | undefined;
  if (process.env['ELEVENTY_RUN_MODE'] === 'serve') {
    eleventyConfig.setServerOptions({ middleware: [errorPageMiddleware(() => contentErrors)] });
    eleventyConfig.addTransform('factcheck-dev-errors', function (this: { page: { outputPath?: string | false } }, content: string) {
      return typeof this.page.outputPath === 'string' && this.page.outputPath.endsWith('.html') ? withDevScript(content) : content;
    });
  }

  // Watch mode re-renders only the pages whose data changed after a save in content/ or seeds/ (incremental.ts).
  let renderAll = true;
  eleventyConfig.on('eleventy.beforeWatch', (changed: string[]) => {
    if (!onlyContentChanged(changed, process.cwd())) renderAll = true;
  });
  // A build that did not finish may have written only some of the pages it planned: render all next time.
  eleventyConfig.on('eleventy.after', () => {
    if (fc.plan) renderAll = false;
  });

  eleventyConfig.on('eleventy.before', ({ directories, runMode }) => {
    fc.shard = run?.shard;
    if (run && run.shard.index > 0) {
      pagesByPath = pagesOf(fc.model);
      return;
    }
    if (runMode !== 'build') cache ??= createModelCache();
    contentErrors = undefined;
    const inputDir = path.resolve(directories.input);
    const model = buildModel({ root: path.dirname(inputDir), cache });
    const problems = model.problems;
    if (countBySeverity(problems, 'error') > 0) {
      const errors = new ContentErrors(formatText(problems), summary(problems, model.files.length));
      contentErrors = { report: errors.report, summary: errors.summary };
      throw errors;
    }
    // Warnings do not stop a build, but an editor running it should still see them.
    if (problems.length > 0) process.stderr.write(formatText(problems));
    pagesByPath = pagesOf(model);
    const redirects = collectRedirects(model.verdicts);
    // A preview adds the styles of what only it shows (drafts), so a production build's CSS has none of them.
    const previewCss = options.preview ? fs.readFileSync(path.join(includes, 'css', 'preview.css'), 'utf8') : '';
    const css = fs.readFileSync(path.join(includes, 'css', 'site.css'), 'utf8') + ratingStyles(model.scale) + previewCss;
    fc.update({
      model,
      site: siteMeta(options.site, eleventyConfig.pathPrefix),
      pathPrefix: eleventyConfig.pathPrefix,
      inputDir,
      redirects,
      css,
      preview: options.preview ?? false,
    });
    if (runMode !== 'build') {
      fc.plan ??= new RenderPlan();
      fc.plan.begin({ full: renderAll, siteWide: siteWideFingerprints(fc), outputDir: path.resolve(directories.output) });
      renderAll = true;
    }
  });

  // Content pages get their page data from the model, never from their own YAML (see front-matter.ts).
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text, engineOptions) => {
        const file = engineOptions?.filePath ?? '';
        // The tool's own layouts and page templates (trusted code, in _includes/).
        if (path.resolve(file).startsWith(includes + path.sep)) return YAML.parse(text) as Record<string, unknown>;
        const page = pagesByPath.get(path.resolve(file));
        if (!page) throw new Error(`${file} is not a content page the model read; run \`npm run check\`.`);
        return contentPageData(page);
      },
    },
  });
  // No page is in Eleventy's collections: every listing, the feeds and the sitemap come from the model, and
  // Eleventy fills each collection item with a linear search over all templates.
  eleventyConfig.addGlobalData('eleventyExcludeFromCollections', true);

  // Page data comes from the model and the checked front matter only: no *.11tydata.json or *.11tydata.js files,
  // which could set templateEngineOverride (running Markdown as a template) or a permalink for a whole folder.
  eleventyConfig.setDataFileSuffixes([]);
  // Whatever set it, a page URL with a "." or ".." segment would be written outside the site folder.
  eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }) => {
    for (const [url, { inputPath }] of Object.entries(urlToInputPath)) {
      // `permalink: false` is listed under the key "false"; nothing is written for it.
      if (url === 'false') continue;
      if (!url.startsWith('/') || url.split('/').some((part) => part === '.' || part === '..')) {
        throw new Error(
          `${inputPath}: its page URL ${JSON.stringify(url)} leaves the site folder; permalinks are site paths such as /about/.`,
        );
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

  // Only the model's pages are built from content/: never a data file or a template an editor wrote
  // (`npm run check` reports those as errors; ignoring them here is the second lock on the same door).
  // Verdicts are not Eleventy templates: their pages are paginated from the model (pages.ts), so Eleventy
  // only watches their folder, like seeds/.
  for (const pattern of ['content/_data/**', 'content/verdicts/**', 'content/**/*.njk', 'content/**/.*'])
    eleventyConfig.ignores.add(pattern);
  eleventyConfig.setLibrary('md', createMarkdown());
  eleventyConfig.addWatchTarget('seeds/');
  eleventyConfig.addWatchTarget('content/verdicts/');
  // The scale, the site settings and the claimants: the model reads them, so a save there rebuilds too.
  eleventyConfig.addWatchTarget('content/_data/');
  eleventyConfig.addWatchTarget(path.join(includes, 'css'));
  // search.js and the site icon (a page naming no icon makes browsers ask for /favicon.ico, a 404).
  for (const folder of ['js', 'icons'])
    eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(includes, folder))]: 'assets' });

  // Share images are drawn after the pages, into the same output folder (cached by content hash).
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    if (!shareImagesEnabled() || (run && run.shard.index > 0)) return;
    await writeShareImages(shareImageJobs(fc, directories.output), shareImageCacheDir(path.dirname(fc.inputDir)));
  });

  registerPages(eleventyConfig);
}
