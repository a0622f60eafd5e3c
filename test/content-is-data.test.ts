// Content is data, never code: every reproduction of the trust-boundary issue is refused by `check` with a
// file:line:col message, and so by the build, which runs the same model first. Before the fix each of these
// passed `check` with 0 errors (and the data files ran template code during `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import type { Problem } from '../src/model/types.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { listFiles, repoRoot, tempDir } from './support/site.ts';
import { runCli } from './support/cli.ts';

afterAll(removeProjects);

const ABOUT = '---\ntitle: About\n---\nHow we check.\n';

function project(files: Record<string, string>): string {
  return makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/sea-wall.md': verdictText(), 'content/about.md': ABOUT, ...files });
}

function errors(root: string): Problem[] {
  return buildModel({ root }).problems.filter((p) => p.severity === 'error');
}

const line = (p: Problem) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.rule}]`;

describe('content/_data/ holds only the files the tool reads', () => {
  const attacks: Record<string, string> = {
    'eleventyComputed.json': JSON.stringify({ pageTitle: '{{ range.constructor("return process.exit(7)")() }}Search' }),
    'templateEngineOverride.json': '"njk,md"',
    'layout.json': '"pages/verdict.njk"',
    'helpers.js': 'export default { x: 1 };',
    'extra.yml': 'a: 1\n',
  };
  for (const [name, text] of Object.entries(attacks)) {
    it(`refuses content/_data/${name}, naming it`, () => {
      const [problem, ...rest] = errors(project({ [`content/_data/${name}`]: text }));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ file: `content/_data/${name}`, line: 1, column: 1, rule: 'data-file-unknown' });
      expect(problem!.message).toMatch(/site\.json, ratings\.yml, claimants\.yml/);
    });
  }

  it('refuses a folder inside content/_data/', () => {
    expect(errors(project({ 'content/_data/nested/x.json': '{}' })).map((p) => [p.file, p.rule])).toEqual([
      ['content/_data/nested', 'data-file-unknown'],
    ]);
  });

  it("a build with such a file fails with check's report and runs none of its code", async () => {
    const root = project({ 'content/_data/eleventyComputed.json': attacks['eleventyComputed.json']! });
    const output = path.join(tempDir('data-attack'), '_site');
    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/_data\/eleventyComputed\.json:1:1: error: .*\[data-file-unknown\]$/m);
    expect(run.stderr).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe("Eleventy's own global data", () => {
  it('is read from a folder that does not exist: the second lock behind check', async () => {
    const { default: configure } = await import('../eleventy.config.ts');
    const calls = new Proxy({}, { get: () => () => undefined }) as Parameters<typeof configure>[0];
    const { dir } = configure(Object.assign(calls, { pathPrefix: '/', ignores: new Set<string>() }));
    const data = path.resolve(repoRoot, dir.input, dir.data);
    expect(path.relative(repoRoot, data)).not.toMatch(/^content/);
    expect(fs.existsSync(data)).toBe(false);
  });
});

describe('content/ holds Markdown pages, never templates or scripts', () => {
  for (const file of [
    'content/evil.njk',
    'content/evil.11ty.js',
    'content/notes/page.html',
    'content/verdicts/evil.njk',
    'content/verdicts/evil.liquid',
  ]) {
    it(`refuses ${file}`, () => {
      expect(errors(project({ [file]: '{{ 7 * 7 }}' })).map((p) => [p.file, p.rule])).toEqual([[file, 'content-file-unknown']]);
    });
  }

  it('ignores hidden files such as .gitkeep and .DS_Store', () => {
    expect(errors(project({ 'content/.gitkeep': '', 'content/notes/.DS_Store': 'x' }))).toEqual([]);
  });
});

describe("a content page's front matter", () => {
  it('may not choose a layout or any other Eleventy setting', () => {
    const root = project({
      'content/about.md':
        '---\ntitle: About\nlayout: pages/verdict.njk\ntemplateEngineOverride: njk\neleventyComputed:\n  title: "{{ 7 * 7 }}"\n---\nText.\n',
    });
    expect(errors(root).map(line)).toEqual([
      expect.stringMatching(/^content\/about\.md:3:1: error: "layout" is one of Eleventy's own settings.*\[field-invalid\]$/),
      expect.stringMatching(
        /^content\/about\.md:4:1: error: "templateEngineOverride" is one of Eleventy's own settings.*\[field-invalid\]$/,
      ),
      expect.stringMatching(/^content\/about\.md:5:1: error: "eleventyComputed" is one of Eleventy's own settings.*\[field-invalid\]$/),
    ]);
  });

  it('needs a title, warns of unknown fields, and needs front matter at all', () => {
    const root = project({
      'content/about.md': '---\ndescription: What we do\nsubtitle: x\n---\nText.\n',
      'content/bare.md': 'No front matter.\n',
    });
    const problems = buildModel({ root }).problems;
    expect(problems.map((p) => [p.file, p.line, p.rule, p.severity])).toEqual([
      ['content/about.md', 1, 'field-missing', 'error'],
      ['content/about.md', 3, 'field-unknown', 'warning'],
      ['content/bare.md', 1, 'frontmatter-invalid', 'error'],
    ]);
  });

  it('gives the page its URL: a checked permalink, or the file name', () => {
    const model = buildModel({
      root: project({
        'content/method/index.md': '---\ntitle: Method\n---\n',
        'content/team.md': '---\ntitle: Team\npermalink: /who-we-are/\n---\n',
      }),
    });
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(model.pages.map((p) => [p.file, p.url])).toEqual([
      ['content/about.md', '/about/'],
      ['content/method/index.md', '/method/'],
      ['content/team.md', '/who-we-are/'],
    ]);
  });
});

describe('a permalink is a free site path', () => {
  const cases: [string, string][] = [
    ['/assets/search.js', 'permalink-invalid'],
    ['/assets/favicon.svg', 'permalink-invalid'],
    ['/assets/site.html', 'url-collision'],
    ['/Assets/', 'url-collision'],
    ['/search/', 'url-collision'],
    ['/search/index.html', 'url-collision'],
    ['/verdicts/sea-wall/', 'url-collision'],
    ['/seeds/alpha/', 'url-collision'],
    ['/ratings/', 'url-collision'],
    ['/pagefind/x/', 'url-collision'],
    ['/feed.xml', 'permalink-invalid'],
    ['/', 'url-collision'],
    ['/404.html', 'url-collision'],
    ['/_headers', 'permalink-invalid'],
    ['/../outside/', 'permalink-invalid'],
    ['/a/./b/', 'permalink-invalid'],
    ['//evil.example/', 'permalink-invalid'],
    ['https://evil.example/', 'permalink-invalid'],
    ['/.well-known/', 'permalink-invalid'],
    ['about/', 'permalink-invalid'],
  ];
  for (const [permalink, rule] of cases) {
    it(`refuses ${permalink} (${rule}) at the permalink's line and column`, () => {
      const [problem, ...rest] = errors(project({ 'content/about.md': `---\ntitle: About\npermalink: "${permalink}"\n---\nText.\n` }));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ file: 'content/about.md', line: 3, column: 12, rule });
    });
  }

  it('refuses a page whose file name gives a site URL, and two pages at one URL', () => {
    const root = project({
      'content/index.md': '---\ntitle: Home\n---\n',
      'content/team.md': '---\ntitle: Team\npermalink: /About/\n---\n',
    });
    expect(errors(root).map((p) => [p.file, p.line, p.rule])).toEqual([
      ['content/index.md', 1, 'url-collision'],
      ['content/team.md', 3, 'url-collision'],
    ]);
  });

  it('refuses a file name that is not a slug', () => {
    expect(errors(project({ 'content/About Us.md': '---\ntitle: About us\n---\n' })).map((p) => [p.file, p.rule])).toEqual([
      ['content/About Us.md', 'slug-invalid'],
    ]);
  });

  it('a build never replaces an asset: the attempt fails with the report and leaves no output', async () => {
    const root = project({ 'content/about.md': '---\ntitle: About\npermalink: /assets/search.js\n---\n<script>alert(1)</script>\n' });
    const output = path.join(tempDir('asset-attack'), '_site');
    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/about\.md:3:12: error: .*\[permalink-invalid\]$/m);
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe('site.json is checked like any other content file', () => {
  const site = (overrides: Record<string, unknown>) =>
    JSON.stringify(
      {
        title: 'T',
        description: 'D',
        url: 'https://example.org',
        language: 'en',
        organisation: { name: 'N' },
        notice: 'Sample.',
        ...overrides,
      },
      null,
      2,
    );

  it('accepts the sample and canonicalises the language tag', () => {
    const model = buildModel({ root: project({ 'content/_data/site.json': site({ language: 'PT-br' }) }) });
    expect(model.problems).toEqual([]);
    expect(model.site?.language).toBe('pt-BR');
  });

  for (const language of ['../../../../../outside/pwned', '../../../x', 'en_GB', 'x'.repeat(35), 'en-x-abcdefgh-abcdefgh-abcdefgh', '']) {
    it(`refuses the language ${JSON.stringify(language.slice(0, 40))} at its line and column`, () => {
      const [problem, ...rest] = errors(project({ 'content/_data/site.json': site({ language }) }));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ file: 'content/_data/site.json', line: 5, column: 15, rule: 'site-invalid' });
    });
  }

  it('refuses a URL that is not http(s), a missing organisation name and broken JSON, with positions', () => {
    const bad = errors(project({ 'content/_data/site.json': site({ url: 'javascript:alert(1)', organisation: {} }) }));
    expect(bad.map((p) => [p.line, p.rule])).toEqual([
      [4, 'site-invalid'],
      [6, 'site-invalid'],
    ]);
    const broken = errors(
      project({ 'content/_data/site.json': '{\n  "title": "T",\n  "url": "https://example.org"\n  "notice": "x"\n}\n' }),
    );
    expect(broken).toEqual([expect.objectContaining({ file: 'content/_data/site.json', line: 4, rule: 'site-invalid' })]);
  });

  it('a build with a hostile language writes nothing outside its output folder', async () => {
    const parent = tempDir('language-attack');
    const root = path.join(parent, 'project');
    fs.cpSync(project({ 'content/_data/site.json': site({ language: '../../x' }) }), root, { recursive: true });
    const run = await runCli('build', ['--root', root, '--output', path.join(parent, 'out', '_site')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/_data\/site\.json:5:15: error: .*\[site-invalid\]$/m);
    expect(listFiles(parent).filter((f) => !f.startsWith('project/'))).toEqual([]);
  });
});

describe("a seed's language", () => {
  it('is a BCP 47 tag, refused at its line and column otherwise, and canonicalised', () => {
    const bad = errors(project({ 'seeds/alpha.yml': 'title: Alpha\nlanguage: "en\\" onload=\\"x"\n' }));
    expect(bad.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([['seeds/alpha.yml', 2, 11, 'seed-invalid']]);
    const good = buildModel({ root: project({ 'seeds/alpha.yml': 'language: EN-gb\n' }) });
    expect(good.problems.filter((p) => p.rule !== 'seed-meta-missing')).toEqual([]);
    expect(good.seedsById.get('alpha')?.meta.language).toBe('en-GB');
  });
});

describe('invisible characters in a content page', () => {
  it('are errors, typed or written as a YAML escape, at their position', () => {
    const typed = errors(project({ 'content/about.md': '---\ntitle: About\n---\nWe check \u001B[2Kclaims.\n' }));
    expect(typed.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([['content/about.md', 4, 10, 'text-invisible']]);
    const escaped = errors(project({ 'content/about.md': '---\ntitle: "About \\u202Eus"\n---\nText.\n' }));
    expect(escaped.map((p) => [p.file, p.line, p.rule])).toEqual([['content/about.md', 2, 'text-invisible']]);
  });
});
