// npm run build [-- --pathprefix=/factcheck/] [--root DIR] [--output DIR]
// Builds the site with Eleventy into a temporary folder beside the output, indexes it with Pagefind,
// and only then swaps it in: a failed or interrupted build leaves the previous site untouched.
// Exit status: 0 built, 1 the content has errors (printed like `npm run check`) or the build failed,
// 2 the build could not run (bad arguments, not a project folder).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { bugHint, InputError, main, parseOptions, SetupError, type Command, type CommandIO } from './command.ts';
import { buildSite } from './build-site.ts';
import { BuildFailure, SiteOriginError } from '../model/errors.ts';
import { readSiteSettings } from '../eleventy/site-meta.ts';
import { isPreview, judgeOrigin, originFromEnv } from '../site/site-origin.ts';

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

/** The hint after a build that failed once it had started, for a reason check did not see. */
const CHECK_MISSED =
  'npm run check passed this content, so check missed what broke the build; please report this line with the file it names (BUILD_DEBUG=1 prints the stack trace).';

/**
 * Stops a deployment whose origin is localhost before anything is built; for a local build, returns the
 * warning to print once it has succeeded.
 */
function checkOrigin(root: string, env: CommandIO['env']): string | undefined {
  const origin = originFromEnv(env);
  let url: string;
  try {
    isPreview(env);
    url = readSiteSettings(root, { defaultsRoot: toolRoot, siteUrl: origin.url }).url;
  } catch (error) {
    if (error instanceof SiteOriginError) throw error;
    return undefined; // an unreadable site.json or a bad SITE_URL is reported by the build itself, with its own message
  }
  const judged = judgeOrigin(url, origin.source, env);
  if (judged.error) throw new InputError(judged.error);
  return judged.warning;
}

export const build: Command = {
  name: 'build',
  usage: USAGE,
  async run(argv, io) {
    const values = parseOptions(argv, {
      pathprefix: { type: 'string', default: '/' },
      root: { type: 'string', default: '.' },
      output: { type: 'string' },
    });
    const root = path.resolve(io.cwd, values.root);
    if (!fs.existsSync(path.join(root, 'seeds')) || !fs.existsSync(path.join(root, 'content'))) {
      throw new SetupError(`${root} is not a project folder (it needs seeds/ and content/); is --root right?`);
    }
    const output = path.resolve(io.cwd, values.output ?? path.join(root, '_site'));
    const originWarning = checkOrigin(root, io.env);
    const started = performance.now();
    let result;
    try {
      result = await buildSite({ toolRoot, root, output, pathPrefix: values.pathprefix });
    } catch (error) {
      if (error instanceof BuildFailure && error.report !== undefined) {
        // The content's errors, printed as `npm run check` prints them.
        io.stdout.write(error.report);
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      if (error instanceof SetupError) throw error;
      // Content errors are caught above by the same model `npm run check` runs; anything else is a gap in check.
      const message = `${error instanceof Error ? error.message : String(error)} (the previous site was left as it was).`;
      throw new BuildFailure(message, { hint: error instanceof BuildFailure ? CHECK_MISSED : bugHint('build'), cause: error });
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr.write(
      `Built ${result.pages} pages (${result.indexed} indexed for search) into ${path.relative(io.cwd, output) || '.'} in ${seconds} s.\n`,
    );
    if (originWarning) io.stderr.write(`build: warning: ${originWarning}\n`);
    return 0;
  },
};

main(build, 'src/cli/build.ts');
