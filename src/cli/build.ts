// npm run build [-- --pathprefix=/factcheck/] [--root DIR] [--output DIR]
// Builds the site with Eleventy into a temporary folder beside the output, indexes it with Pagefind,
// and only then swaps it in: a failed or interrupted build leaves the previous site untouched.
// Exit status: 0 built, 1 the content has errors (printed like `npm run check`) or the build failed,
// 2 the build could not run (bad arguments, not a project folder).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ModelSetupError } from '../model/errors.ts';
import { parseOptions } from './command.ts';
import { buildSite, BuildFailure } from './build-site.ts';
import { readSiteSettings } from '../eleventy/site-meta.ts';
import { isPreview, judgeOrigin, originFromEnv, SiteOriginError } from '../site/site-origin.ts';

const USAGE = `Usage: npm run build -- [--pathprefix=/factcheck/] [--root DIR] [--output DIR]

Checks the content (like npm run check), builds the static site and its search index, and replaces the
output folder only when everything succeeded.
  --pathprefix=/sub/  publish under a sub-path, e.g. a GitHub Pages project site (default: /)
  --root DIR          the project folder with seeds/ and content/ (default: the current folder)
  --output DIR        where the site goes (default: _site in the project folder)
Environment:
  SITE_URL=https://…  the published origin used in absolute URLs (feed, sitemap, ClaimReview); without it
                      Netlify's URL / DEPLOY_PRIME_URL or Cloudflare Pages' CF_PAGES_URL, else "url" in
                      content/_data/site.json. With CI=true (or on Netlify / Cloudflare Pages) a localhost
                      origin stops the build; locally it is a warning.
  PREVIEW=1           a preview build: a banner on every page, noindex, robots.txt disallowing all, no
                      ClaimReview (pull-request and deploy previews).
Exit status: 0 built, 1 content errors or a failed build, 2 the build could not run.`;

const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string, status: number, withUsage = false): never {
  process.stderr.write(`build: ${message}\n${withUsage ? `\n${USAGE}\n` : ''}`);
  process.exit(status);
}

/**
 * Stops a deployment whose origin is localhost before anything is built; for a local build, returns the
 * warning to print once it has succeeded.
 */
function checkOrigin(root: string): string | undefined {
  const origin = originFromEnv(process.env);
  let url: string;
  try {
    isPreview(process.env);
    url = readSiteSettings(root, { defaultsRoot: toolRoot, siteUrl: origin.url }).url;
  } catch (error) {
    if (error instanceof SiteOriginError) fail(error.message, 2);
    return undefined; // an unreadable site.json or a bad SITE_URL is reported by the build itself, with its own message
  }
  const judged = judgeOrigin(url, origin.source, process.env);
  if (judged.error) fail(judged.error, 1);
  return judged.warning;
}

async function main(): Promise<void> {
  let values;
  try {
    values = parseOptions(process.argv.slice(2), {
      pathprefix: { type: 'string', default: '/' },
      root: { type: 'string', default: '.' },
      output: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    });
  } catch (error) {
    fail((error as Error).message, 2, true);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = path.resolve(values.root);
  if (!fs.existsSync(path.join(root, 'seeds')) || !fs.existsSync(path.join(root, 'content'))) {
    fail(`${root} is not a project folder (it needs seeds/ and content/); is --root right?`, 2);
  }
  const output = path.resolve(values.output ?? path.join(root, '_site'));
  const originWarning = checkOrigin(root);
  const started = performance.now();
  const result = await buildSite({ toolRoot, root, output, pathPrefix: values.pathprefix });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `Built ${result.pages} pages (${result.indexed} indexed for search) into ${path.relative(process.cwd(), output) || '.'} in ${seconds} s.\n`,
  );
  if (originWarning) process.stderr.write(`build: warning: ${originWarning}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof BuildFailure && error.report !== undefined) {
    process.stdout.write(error.report);
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof ModelSetupError) fail(error.message, 2);
  if (process.env['BUILD_DEBUG']) console.error(error);
  // Content errors are caught above by the same model `npm run check` runs; anything else is a gap in check.
  const hint = error instanceof BuildFailure
    ? 'hint: npm run check passed this content, so check missed what broke the build; please report this line with the file it names (BUILD_DEBUG=1 prints the stack trace).'
    : 'hint: this is a bug in factcheck-site, not in your content; BUILD_DEBUG=1 prints the stack trace.';
  fail(`${(error as Error)?.message ?? String(error)} (the previous site was left as it was).\n${hint}`, 1);
});
