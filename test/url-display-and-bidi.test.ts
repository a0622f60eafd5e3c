// URLs of verdict sources and seed metadata: invisible format characters (bidi controls, zero-width characters,
// \p{Cf}) are refused; a host whose labels mix scripts is a warning naming its punycoded form; URLs are shown as
// a browser's address bar shows them, with the host punycoded.
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import type { Problem } from '../src/model/types.ts';
import { displayUrl, mixedScriptHost, urlProblem } from '../src/content/values.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

afterAll(removeProjects);

// seed-meta-missing (what the structured data lacks) is beside the point here.
const brief = (problems: Problem[]) =>
  problems.filter((p) => p.rule !== 'seed-meta-missing').map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);

describe('invisible characters in URLs', () => {
  it.each([
    ['a right-to-left override', 'https://evil.example/\u202Egro.elpmaxe.lautcer//:sptth'],
    ['an isolate', 'https://example.org/\u2066a\u2069'],
    ['a left-to-right mark', 'https://example.org/\u200Ea'],
    ['a zero-width space', 'https://exa\u200Bmple.org/'],
    ['a zero-width joiner in the path', 'https://example.org/a\u200Db'],
    ['a byte-order mark', 'https://example.org/\uFEFF'],
    ['a soft hyphen', 'https://exam\u00ADple.org/'],
    ['a tag character', 'https://example.org/\u{E0041}'],
  ])('refuses %s', (_, url) => {
    expect(urlProblem(url)).toMatch(/invisible format character U\+[0-9A-F]{4,5}/);
  });

  it('still accepts ordinary international URLs', () => {
    expect(urlProblem('https://пример.рф/путь?q=1')).toBeUndefined();
    expect(urlProblem('https://例え.jp/')).toBeUndefined();
    expect(urlProblem('https://example.org/caf%C3%A9')).toBeUndefined();
  });

  it('is an error on a verdict source and in seed metadata', () => {
    const bidi = 'https://evil.example/\u202Egro.elpmaxe';
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha.yml': `url: "${bidi}"\n`,
      'content/verdicts/x.md': verdictText({ sources: `sources:\n  - title: Minutes\n    url: "${bidi}"` }),
    });
    // (the override typed into the verdict is also a text-invisible error at its own column)
    expect(brief(buildModel({ root }).problems)).toEqual([
      'content/verdicts/x.md:8:10 error source-invalid',
      'content/verdicts/x.md:8:32 error text-invisible',
      'seeds/alpha.yml:1:6 error seed-invalid',
    ]);
  });
});

describe('mixed-script hosts', () => {
  it('finds a label that mixes scripts, and names the punycoded host', () => {
    expect(mixedScriptHost('https://\u0430pple.com/')).toEqual({
      host: '\u0430pple.com',
      punycode: 'xn--pple-43d.com',
      scripts: ['Cyrillic', 'Latin'],
    });
    expect(mixedScriptHost('https://paypa\u04CF.com/')?.punycode).toMatch(/^xn--paypa-[a-z0-9]+\.com$/);
    expect(mixedScriptHost('https://g\u03BFogle.com/')).toMatchObject({ scripts: ['Greek', 'Latin'] });
  });

  it('accepts single-script labels, digits and hyphens, and Japanese (Han with kana)', () => {
    for (const url of [
      'https://example.org/',
      'https://пример.рф/',
      'https://пример.com/',
      'https://xn--80ak6aa92e.com/',
      'https://日本語テキスト.jp/',
      'https://a-1.例え.jp/',
      'https://127.0.0.1:8080/',
      'https://한국어.kr/',
    ]) {
      expect(mixedScriptHost(url), url).toBeUndefined();
    }
  });

  it('is a url-mixed-script warning on a verdict source and in seed metadata', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha.yml': 'url: https://\u0430pple.com/news\n',
      'content/verdicts/x.md': verdictText({ sources: 'sources:\n  - title: Minutes\n    url: https://\u0430pple.com/minutes' }),
    });
    const { problems } = buildModel({ root });
    expect(brief(problems)).toEqual([
      'content/verdicts/x.md:8:10 warning url-mixed-script',
      'seeds/alpha.yml:1:6 warning url-mixed-script',
    ]);
    expect(problems[0]!.message).toContain('xn--pple-43d.com');
    expect(problems[0]!.message).toContain('Cyrillic and Latin');
  });
});

describe('displayed URLs', () => {
  it('shows the host punycoded and the rest as written', () => {
    expect(displayUrl('https://\u0430pple.com/news?q=1#x')).toBe('https://xn--pple-43d.com/news?q=1#x');
    expect(displayUrl('https://Example.ORG')).toBe('https://example.org');
    expect(displayUrl('https://user@пример.рф:8443/путь')).toBe('https://user@xn--e1afmkfd.xn--p1ai:8443/путь');
    expect(displayUrl('http://example.org/a b')).toBe('http://example.org/a b');
  });

  it('leaves ordinary URLs exactly as written', () => {
    for (const url of [
      'https://example.org/port-ellery/sea-wall',
      'https://web.archive.org/web/2024/https://example.org/a',
      'http://localhost:8080/x?y=1&z=2',
    ]) {
      expect(displayUrl(url)).toBe(url);
    }
  });
});
