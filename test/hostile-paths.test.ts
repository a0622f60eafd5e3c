// Paths: seed ids and slugs with "..", absolute paths, NUL bytes or only a difference in letter case, symbolic
// links out of the project, and permalinks or Eleventy data that would move a page: nothing is read from or
// written to outside the project (or outside the site folder), and each case is a clear error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, ModelSetupError } from '../src/model/model.ts';
import { formatText } from '../src/model/report.ts';
import type { Problem } from '../src/model/types.ts';
import { listFiles, removeTempDirs, repoRoot, tempDir, writeProject } from './support/hostile.ts';
import { runCli, STACK_TRACE } from './support/cli.ts';

afterAll(removeTempDirs);

const fixture = (file: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', file), 'utf8');
const BASE = {
  'content/_data/ratings.yml': fixture('clean/content/_data/ratings.yml'),
  'seeds/alpha.txt': fixture('clean/seeds/alpha.txt'),
  // url and published: check has nothing to say about what the structured data lacks
  'seeds/alpha.yml': fixture('clean/seeds/alpha.yml'),
  'content/verdicts/good.md': fixture('hostile-mutations/minimal.md'),
};
const SECRET = 'TOPSECRET-7f3a';
const brief = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.rule}`);

/** A folder outside every project, holding files a hostile project might point at. */
function outside(): string {
  const dir = tempDir('outside');
  fs.writeFileSync(path.join(dir, 'leak.txt'), `${SECRET} The council of Port Ellery voted on Tuesday.\n`);
  fs.writeFileSync(path.join(dir, 'leak.md'), `# ${SECRET}\n`);
  fs.writeFileSync(
    path.join(dir, 'site.json'),
    JSON.stringify({ title: SECRET, description: SECRET, url: 'https://example.org', organisation: { name: SECRET }, notice: SECRET }),
  );
  return dir;
}

/**
 * Runs a CLI under Node's permission model: it may read only this repository, the project and the output
 * folder, and write only the output folder (and tsx's compile cache). Any read elsewhere fails loudly.
 */
function sandboxed(name: 'check' | 'build', root: string, args: string[], output = tempDir('sandbox-out')) {
  const tsxCache = path.join(os.tmpdir(), `tsx-${process.getuid?.() ?? 0}`);
  fs.mkdirSync(tsxCache, { recursive: true });
  const reads = [repoRoot, repoRoot.toUpperCase(), tsxCache, root, output];
  const flags = [
    '--no-warnings',
    '--experimental-permission',
    ...reads.map((dir) => `--allow-fs-read=${dir}`),
    `--allow-fs-write=${tsxCache}`,
    `--allow-fs-write=${output}`,
    '--allow-worker',
    '--allow-child-process',
  ];
  return runCli(name, ['--root', root, ...args], { nodeOptions: flags });
}

describe('seed ids and slugs that try to leave seeds/', () => {
  const hostile = [
    '../outside',
    '../../../../etc/passwd',
    '/etc/passwd',
    '..\\..\\windows',
    'C:\\Windows\\win.ini',
    'alpha/../alpha',
    'alpha.txt',
    '"%2e%2e%2falpha"',
    '"alpha\\0"',
    '"\\0"',
    '~/x',
    '.',
    '..',
  ];

  it.each(hostile)('%s as the seed and as a cited seed: refused, nothing anchored', (id) => {
    const verdict = fixture('hostile-mutations/minimal.md')
      .replace('seed: alpha', `seed: ${id}`)
      .replace('  - seed: alpha', `  - seed: ${id}`);
    const root = writeProject({ ...BASE, 'content/verdicts/x.md': verdict });
    const model = buildModel({ root });
    expect(brief(model.problems)).toEqual(['content/verdicts/x.md:3 error field-invalid', 'content/verdicts/x.md:7 error source-invalid']);
    expect(model.verdicts.find((v) => v.slug === 'x')?.anchor).toBeUndefined();
  });

  it('a seed id differing only in case is not found, with the real id suggested', () => {
    const root = writeProject({
      ...BASE,
      'content/verdicts/x.md': fixture('hostile-mutations/minimal.md').replace('seed: alpha', 'seed: ALPHA'),
    });
    const problems = buildModel({ root }).problems;
    expect(brief(problems)).toEqual(['content/verdicts/x.md:3 error seed-not-found']);
    expect(problems[0]!.message).toContain('alpha');
  });

  it('the real check reads nothing outside the repository and the project (Node permission model)', async () => {
    const files = Object.fromEntries(
      hostile.map((id, i) => [
        `content/verdicts/h${i}.md`,
        fixture('hostile-mutations/minimal.md').replace('seed: alpha', `seed: ${id}`).replace('  - seed: alpha', `  - seed: ${id}`),
      ]),
    );
    const root = writeProject({ ...BASE, ...files });
    const run = await sandboxed('check', root, []);
    expect(run.stderr).not.toMatch(/ERR_ACCESS_DENIED|restricted/);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(formatText(buildModel({ root }).problems));
    expect(run.stdout.match(/\[field-invalid\]/g)).toHaveLength(hostile.length);
  });
});

describe('file names in seeds/ and content/verdicts/', () => {
  it.each(['..x', '.hidden', 'a b', 'a\nb', '-x', 'x\\y', 'ünïcode', 'x.y'])('seeds/%s.txt is skipped with a one-line error', (stem) => {
    const root = writeProject({ ...BASE, [`seeds/${stem}.txt`]: 'Text.\n' });
    const problems = buildModel({ root }).problems;
    expect(problems.map((p) => p.rule)).toEqual(['seed-invalid']);
    expect(formatText(problems).split('\n')).toHaveLength(2);
  });

  it('two seeds differing only in letter case are an error', () => {
    const root = writeProject({
      ...BASE,
      'seeds/Alpha.txt': fixture('clean/seeds/alpha.txt'),
      'seeds/Alpha.yml': fixture('clean/seeds/alpha.yml'),
    });
    const problems = buildModel({ root }).problems;
    expect(brief(problems)).toEqual(['seeds/alpha.txt:1 error seed-invalid']);
    expect(problems[0]!.message).toMatch(/differs from "Alpha" only in letter case/);
  });

  it('two verdicts whose slugs collide on a case-insensitive file system are an error', () => {
    const text = fixture('hostile-mutations/minimal.md');
    const root = writeProject({
      ...BASE,
      'content/verdicts/claim.md': text,
      'content/verdicts/CLAIM.md': text,
      'content/verdicts/Claim.md': text,
    });
    const problems = buildModel({ root }).problems.filter((p) => p.file !== 'content/verdicts/good.md');
    expect(brief(problems.filter((p) => p.rule === 'duplicate-slug'))).toEqual([
      'content/verdicts/Claim.md:1 error duplicate-slug',
      'content/verdicts/claim.md:1 error duplicate-slug',
    ]);
    expect(problems.find((p) => p.rule === 'duplicate-slug')!.message).toMatch(/collides with content\/verdicts\/CLAIM\.md/);
  });
});

describe('symbolic links out of the project', () => {
  it('seeds/ as a link to another folder stops check with a clear message (exit 2), reading nothing there', async () => {
    const away = outside();
    const root = writeProject(BASE);
    fs.rmSync(path.join(root, 'seeds'), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/clean/seeds/alpha.txt'), path.join(away, 'alpha.txt'));
    fs.symlinkSync(away, path.join(root, 'seeds'));
    expect(() => buildModel({ root })).toThrow(ModelSetupError);
    expect(() => buildModel({ root })).toThrow(/seeds\/ in .* is a symbolic link; seeds\/ and content\/ must be real folders/);
    const run = await runCli('check', ['--root', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^check: seeds\/ in .* is a symbolic link/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  });

  it.each([
    ['a seed', 'seeds/leak.txt', 'leak.txt', 'seed-invalid'],
    ['a content page', 'content/leak.md', 'leak.md', 'slug-invalid'],
    ['a folder of content pages', 'content/pages', '.', 'slug-invalid'],
    ['the site data', 'content/_data/site.json', 'site.json', 'site-invalid'],
    ['a verdict', 'content/verdicts/leak.md', 'leak.md', 'frontmatter-invalid'],
  ])('a link to %s outside is an error, and the build publishes nothing from it', async (_, link, target, rule) => {
    const away = outside();
    const root = writeProject(BASE);
    fs.symlinkSync(path.join(away, target), path.join(root, link));
    const problems = buildModel({ root }).problems;
    expect(brief(problems)).toEqual([`${link}:1 error ${rule}`]);
    expect(problems[0]!.message).toMatch(/symbolic link/);
    if (link !== 'content/leak.md') return; // one real build is enough: the model's errors stop every build
    const output = path.join(tempDir('link-site'), '_site');
    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(formatText(problems));
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe('pages that would be written outside the site', () => {
  const page = (frontMatter: string, body = 'A page.\n') => `---\ntitle: A page\n${frontMatter}---\n${body}`;
  const TEMPLATE_PROBE = 'HOME is {{ range.constructor("return process.env.HOME")() }}\n';

  it.each([
    [
      'a permalink with ..',
      { 'content/evil.md': page('permalink: ../../escape/x.html\n') },
      /^content\/evil\.md:3:12: error: "permalink" must be a site path/m,
    ],
    [
      'a permalink that bypasses the output folder',
      { 'content/evil.md': page('permalink: /escape.html\npermalinkBypassOutputDir: true\n') },
      /^content\/evil\.md:4:1: error: "permalinkBypassOutputDir" is one of Eleventy's own settings/m,
    ],
    [
      'templateEngineOverride (Markdown run as Nunjucks: code)',
      { 'content/evil.md': page('templateEngineOverride: njk,md\n', TEMPLATE_PROBE) },
      /^content\/evil\.md:3:1: error: "templateEngineOverride" is one of Eleventy's own settings/m,
    ],
    [
      'eleventyComputed',
      { 'content/evil.md': page('eleventyComputed:\n  permalink: ../../escape/y.html\n') },
      /^content\/evil\.md:3:1: error: "eleventyComputed" is one of Eleventy's own settings/m,
    ],
    [
      'a layout outside _includes',
      { 'content/evil.md': page('layout: ../../../../etc/passwd\n') },
      /^content\/evil\.md:3:1: error: "layout" is one of Eleventy's own settings/m,
    ],
    [
      'a global data permalink',
      { 'content/evil.md': page(''), 'content/_data/permalink.json': '"../../escape/z.html"' },
      /^content\/_data\/permalink\.json:1:1: error: .*\[data-file-unknown\]$/m,
    ],
  ])('%s: the build fails naming the file, writes nothing outside and keeps the previous site', async (_, files, message) => {
    const root = writeProject({ ...BASE, ...files });
    const parent = tempDir('escape-site');
    const output = path.join(parent, 'out', '_site');
    fs.mkdirSync(output, { recursive: true });
    fs.writeFileSync(path.join(output, 'index.html'), 'the previous site');
    const before = listFiles(root);
    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status).toBe(1);
    // check's report, on stdout as `npm run check` prints it: the model refuses these before Eleventy runs.
    expect(run.stdout).toMatch(message);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(listFiles(parent)).toEqual(['out/_site/index.html']);
    expect(listFiles(root)).toEqual(before);
    expect(`${run.stdout}${run.stderr}`).not.toContain(os.homedir());
  });

  it('*.11tydata.json folder data is refused by check, and the build runs none of it', async () => {
    const root = writeProject({
      ...BASE,
      'content/evil.md': page('', TEMPLATE_PROBE),
      'content/evil.11tydata.json': JSON.stringify({ templateEngineOverride: 'njk,md', permalink: '../../escape/w.html' }),
      'content/content.11tydata.json': JSON.stringify({ templateEngineOverride: 'njk,md' }),
    });
    expect(brief(buildModel({ root }).problems)).toEqual([
      'content/content.11tydata.json:1 error content-file-unknown',
      'content/evil.11tydata.json:1 error content-file-unknown',
    ]);
    const parent = tempDir('data-site');
    const output = path.join(parent, '_site');
    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status).toBe(1);
    expect(listFiles(parent)).toEqual([]);
  });

  it('new refuses slugs that are paths, and writes nothing', async () => {
    const root = writeProject(BASE);
    const before = listFiles(root);
    for (const slug of ['../escape', '/tmp/escape', 'a/b', '..', 'UPPER', 'a\\b']) {
      const run = await runCli('new', ['--root', root, '--seed', 'alpha', '--quote', 'The wall will be finished by 2026', '--slug', slug]);
      expect(run.status, slug).toBe(2);
      expect(run.stderr).toMatch(/is not a slug/);
    }
    const seed = await runCli('new', ['--root', root, '--seed', '../alpha', '--quote', 'The wall will be finished by 2026']);
    expect(seed.status).toBe(1);
    expect(listFiles(root)).toEqual(before);
  });

  it('the build refuses an output folder inside seeds/ or content/', async () => {
    const root = writeProject(BASE);
    for (const folder of ['seeds', 'content', 'content/verdicts']) {
      const run = await runCli('build', ['--root', root, '--output', path.join(root, folder, '_site')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/may not be inside (?:seeds|content)\//);
    }
    expect(listFiles(root)).toEqual(listFiles(writeProject(BASE)));
  });
});
