// The output boundary, as a property: whatever site settings and front matter a pull request proposes
// (languages, permalinks, content page names, redirects, verdict slugs), the real `npm run build`
//   - writes nothing outside its output folder and never touches the project,
//   - never replaces one of the site's own files (scripts, styles, icon, search index),
//   - fails only when `check` (the same model) reports an error, and then as check's report, never a stack trace.
// Each run is a real build (about a second), so `npm test` runs a few; `npm run fuzz` (FUZZ_RUNS) runs more.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { formatText } from '../src/model/report.ts';
import { fuzzSeed, listFiles, removeTempDirs, repoRoot, runs, tempDir } from './support/hostile.ts';
import { runCli } from './support/cli.ts';

afterAll(removeTempDirs);

const fixture = (file: string) => fs.readFileSync(path.join(repoRoot, 'test/fixtures/clean', file));
const SITE_ASSETS: Record<string, Buffer> = {
  'assets/search.js': fs.readFileSync(path.join(repoRoot, '_includes/js/search.js')),
  'assets/favicon.svg': fs.readFileSync(path.join(repoRoot, '_includes/icons/favicon.svg')),
};
const CSS = fs.readFileSync(path.join(repoRoot, '_includes/css/site.css'), 'utf8');

/** Mostly what an editor writes, sometimes what an attacker writes: both sides of the property get exercised. */
const mostly = <T>(fine: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fine, weight: 5 }, { arbitrary: hostile, weight: 1 });

/** Names and paths as an attacker writes them: traversal, the site's own folders, odd characters. */
const pathPart = fc.oneof(
  fc.constantFrom(
    'about',
    'team',
    'assets',
    'pagefind',
    'search',
    'seeds',
    'verdicts',
    'feed.xml',
    '..',
    '.',
    '.well-known',
    'index',
    'index.html',
    'search.js',
    '_headers',
    'A',
    '%2e%2e',
    'x.html',
  ),
  fc.stringMatching(/^[a-z0-9._~%-]{1,8}$/),
);
const permalink = mostly(
  fc.constantFrom('/methodology/', '/corrections-policy/', '/team.html', '/about/us/'),
  fc.oneof(
    fc
      .array(pathPart, { minLength: 0, maxLength: 4 })
      .chain((parts) =>
        fc.constantFrom(
          `/${parts.join('/')}/`,
          `/${parts.join('/')}`,
          `${parts.join('/')}/`,
          `/../${parts.join('/')}/`,
          `//${parts.join('/')}`,
        ),
      ),
    fc.constantFrom(
      '/assets/search.js',
      '/assets/favicon.svg',
      '/assets/site.css',
      '/pagefind/pagefind.js',
      '/search/',
      '/feed.xml',
      '/_redirects',
      '/404.html',
      '/',
    ),
  ),
);
const language = mostly(
  fc.constantFrom('en', 'uk', 'pt-BR', 'zh-Hans-CN', 'EN-gb', 'ca-ES-valencia'),
  fc.oneof(
    fc.constantFrom('', '../../x', '../../../../outside/pwned', 'x'.repeat(40), 'en-x-abcdefgh-abcdefgh-abcdefgh', 'de/../..', 'en\u202e'),
    fc.stringMatching(/^[a-zA-Z./-]{1,12}$/),
  ),
);
const slug = mostly(
  fc.constantFrom('sea-wall', 'assets', 'search', 'index', 'council-vote'),
  fc.oneof(fc.constantFrom('..', 'Sea-Wall', 'a.b'), fc.stringMatching(/^[a-z0-9.-]{1,10}$/)),
);
const pageName = mostly(
  fc.constantFrom('about', 'team', 'method/index', 'corrections'),
  fc.oneof(fc.constantFrom('index', 'search', 'assets/x', '404', 'A b', '.hidden'), fc.stringMatching(/^[a-z0-9-]{1,8}$/)),
);

const settings = fc.record({
  language,
  pages: fc.uniqueArray(fc.record({ name: pageName, permalink: fc.option(permalink, { nil: undefined, freq: 2 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (page) => page.name,
  }),
  verdictSlug: slug,
  redirects: fc.uniqueArray(slug, { maxLength: 2 }),
});

type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

function projectFiles(input: Settings): Record<string, string | Buffer> {
  const yamlString = (value: string) => JSON.stringify(value);
  const files: Record<string, string | Buffer> = {
    'seeds/alpha.txt': fixture('seeds/alpha.txt'),
    'content/_data/ratings.yml': fixture('content/_data/ratings.yml'),
    'content/_data/site.json': JSON.stringify({
      title: 'T',
      description: 'D',
      url: 'https://example.org',
      language: input.language,
      organisation: { name: 'N' },
      notice: 'Sample.',
    }),
    [`content/verdicts/${input.verdictSlug}.md`]: fixture('content/verdicts/sea-wall-vote.md')
      .toString('utf8')
      .replace(/^redirect_from: .*$/m, `redirect_from: [${input.redirects.map(yamlString).join(', ')}]`)
      .replace(/^ {2}- seed: beta\n/m, ''),
  };
  for (const page of input.pages) {
    files[`content/${page.name}.md`] =
      `---\ntitle: A page\n${page.permalink === undefined ? '' : `permalink: ${yamlString(page.permalink)}\n`}---\nText.\n`;
  }
  return files;
}

const STACK_TRACE = /\n\s+at .+[:(]\d+/;

describe('the output boundary (property)', () => {
  it('no build writes outside its output, replaces a site file, or fails where check passed', async () => {
    let built = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(settings, async (input) => {
        const parent = tempDir('boundary');
        const root = path.join(parent, 'project');
        const output = path.join(parent, 'out', '_site');
        for (const [file, content] of Object.entries(projectFiles(input))) {
          fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
          fs.writeFileSync(path.join(root, file), content);
        }
        const before = new Map(listFiles(root).map((file) => [file, fs.readFileSync(path.join(root, file))]));
        const errors = buildModel({ root }).problems.filter((p) => p.severity === 'error');
        const run = await runCli('build', ['--root', root, '--output', output]);

        // Nothing outside the output folder; the project exactly as it was.
        const outside = listFiles(parent).filter((file) => !file.startsWith('project/') && !file.startsWith('out/_site/'));
        expect(outside).toEqual([]);
        expect(listFiles(root)).toEqual([...before.keys()]);
        for (const [file, bytes] of before) expect(fs.readFileSync(path.join(root, file)).equals(bytes), file).toBe(true);
        expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);

        if (errors.length > 0) {
          // check's verdict is the build's: the same report, exit 1, no site.
          refused++;
          expect(run.status).toBe(1);
          expect(run.stdout).toBe(formatText(buildModel({ root }).problems));
          expect(fs.existsSync(output)).toBe(false);
          return;
        }
        built++;
        expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
        for (const [file, bytes] of Object.entries(SITE_ASSETS))
          expect(fs.readFileSync(path.join(output, file)).equals(bytes), file).toBe(true);
        expect(fs.readFileSync(path.join(output, 'assets/site.css'), 'utf8').startsWith(CSS)).toBe(true);
        expect(fs.readFileSync(path.join(output, 'pagefind/pagefind.js'), 'utf8')).not.toMatch(/<html/i);
      }),
      { numRuns: runs(12, 0.01), seed: fuzzSeed(20261201), endOnFailure: true },
    );
    // Both sides of the property were exercised.
    expect(built).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
