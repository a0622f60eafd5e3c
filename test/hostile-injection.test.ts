// Injection: a corpus of XSS payloads in every field an editor, a seed or a scale file can fill, built into a
// real site with the real build command. No payload may reach a page as markup, an event handler or a live
// javascript:/data: URL; the JSON-LD must parse back to the payloads (no `</script>` breakout); feed.xml,
// sitemap.xml and claimreview.json must stay well-formed. Positive checks prove the payloads did reach
// the pages as text (an empty page would pass the negative ones).
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import {
  attr,
  auditHtml,
  elements,
  listFiles,
  removeTempDirs,
  tempDir,
  textOf,
  urlScheme,
  writeProject,
  type Element,
  type Node,
} from './support/hostile.ts';
import { runCli, STACK_TRACE } from './support/cli.ts';
import type { ClaimReviewFeed, ClaimReviewLd } from './support/claimreview-json.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/hostile-injection');
const corpus = JSON.parse(fs.readFileSync(path.join(fixtures, 'payloads.json'), 'utf8')) as {
  payloads: string[];
  urls: string[];
  refusedUrls: string[];
};
const BODY = fs.readFileSync(path.join(fixtures, 'body.md'), 'utf8');
const { payloads, urls, refusedUrls } = corpus;
const KEYS = ['accurate', 'mostly-accurate', 'mixed', 'misleading', 'false', 'unsupported'];

/** A YAML double-quoted scalar (JSON string syntax, which YAML reads the same), non-ASCII escaped. */
const q = (text: string): string =>
  JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const seedParagraph = (i: number, p: string) => ({
  prefix: `Lead ${p} marker ${i}: `,
  quote: `The statement number ${i} says ${p} and ends.`,
  suffix: ` Trail ${p} here.`,
});

/** Per payload i: one seed (text and metadata) and one verdict with the payload in every text field. */
function hostileProject(): { files: Record<string, string>; expected: { title: string; claim: string; claimant: string }[] } {
  const files: Record<string, string> = {};
  const expected: { title: string; claim: string; claimant: string }[] = [];
  const n = payloads.length;
  files['content/_data/ratings.yml'] = JSON.stringify(
    KEYS.map((key, j) => ({
      key,
      label: `Label ${j} ${payloads[j]}`,
      description: `Description ${payloads[(j + 6) % n]}`,
      value: key === 'unsupported' ? null : 5 - j,
      colour: '#116329',
    })),
    null,
    1,
  );
  payloads.forEach((p, i) => {
    const { prefix, quote, suffix } = seedParagraph(i, p);
    files[`seeds/s${i}.txt`] = `${prefix}${quote}${suffix}\n\nA second paragraph that carries ${p} on its own.\n\n${p}\n`;
    files[`seeds/s${i}.yml`] = [
      `title: ${q(p)}`,
      `outlet: ${q(`Outlet ${p}`)}`,
      // A language is a BCP 47 tag (refused otherwise: test/content-is-data.test.ts), so it carries no payload.
      'language: en',
      `url: ${q(urls[i % urls.length]!)}`,
      `archived: ${q(urls[(i + 1) % urls.length]!)}`,
      'published: "2024-01-01"',
    ].join('\n');
    const title = `Title ${i}: ${p}`;
    const claim = `Claim ${i}: ${p}`;
    expected.push({ title, claim, claimant: p });
    files[`content/verdicts/v${i}.md`] = [
      '---',
      `title: ${q(title)}`,
      `seed: s${i}`,
      `quote: ${q(quote)}`,
      `prefix: ${q(prefix)}`,
      `suffix: ${q(suffix)}`,
      `claim: ${q(claim)}`,
      `claimant: ${q(p)}`,
      `rating: ${q(KEYS[i % KEYS.length]!)}`,
      'sources:',
      `  - title: ${q(`Source ${i}: ${p}`)}`,
      `    url: ${q(urls[i % urls.length]!)}`,
      `    publisher: ${q(p)}`,
      '    date: 2024-01-02',
      `    archived: ${q(urls[(i + 2) % urls.length]!)}`,
      `  - seed: s${(i + 1) % n}`,
      `    title: ${q(`Seed source: ${p}`)}`,
      `author: [${q(p)}, "Editor ${i}"]`,
      'date: 2024-02-01',
      'updated: 2024-02-03',
      'corrections:',
      '  - date: 2024-02-03',
      `    note: ${q(`Note: ${p}`)}`,
      `tags: [${q(p)}, "tag-${i}"]`,
      '---',
      BODY.replace('PAYLOAD', p),
    ].join('\n');
  });
  return { files, expected };
}

/** Text fields per verdict carrying a payload, and per seed; for the report's count. */
const VERDICT_FIELDS = [
  'title',
  'seed text/quote',
  'prefix',
  'suffix',
  'claim',
  'claimant',
  'source title',
  'source url',
  'publisher',
  'archived',
  'seed source title',
  'author',
  'corrections note',
  'tags',
  'body (raw HTML)',
];
const SEED_FIELDS = ['text', 'title', 'outlet', 'url', 'archived'];

let site = '';
let root = '';
let expected: ReturnType<typeof hostileProject>['expected'] = [];

beforeAll(async () => {
  const project = hostileProject();
  expected = project.expected;
  root = writeProject(project.files, 'injection');
  site = path.join(tempDir('injection-site'), '_site');
  const run = await runCli('build', ['--root', root, '--output', site]);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  console.info(
    `injection: ${payloads.length} payloads x ${VERDICT_FIELDS.length} verdict fields + ${SEED_FIELDS.length} seed fields + 2 scale fields, ` +
      `${urls.length} hostile-but-valid URLs, body with ${BODY.match(/\]\(|<[a-z]+:/gi)?.length} hostile links; built in ${(run.ms / 1000).toFixed(1)} s`,
  );
}, 300_000);

afterAll(removeTempDirs);

const page = (relative: string): Node => parse(fs.readFileSync(path.join(site, relative), 'utf8'));
/** HTML entities decoded, as a browser reads text (a textarea's content is text with entities). */
const decodeEntities = (text: string): string => textOf(parseFragment(`<textarea>${text}</textarea>`));
const byClass = (node: Node, cls: string): Element[] => elements(node).filter((e) => (attr(e, 'class') ?? '').split(' ').includes(cls));

describe('XSS payloads in every field', () => {
  it('the content checks clean: every payload is accepted as text and anchored exactly', () => {
    const model = buildModel({ root });
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(model.verdicts).toHaveLength(payloads.length);
    for (const verdict of model.verdicts) expect(verdict.anchor?.method).toBe('exact');
  });

  it('no built page contains a payload as markup, an event handler or a live non-http(s) URL', () => {
    const pages = listFiles(site).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(payloads.length * 2);
    const findings = pages.flatMap((file) => auditHtml(page(file), file));
    expect(findings).toEqual([]);
  });

  it('every payload reaches its verdict page as text, and the JSON-LD parses back to it', () => {
    payloads.forEach((p, i) => {
      const doc = page(`verdicts/v${i}/index.html`);
      const { title, claim, claimant } = expected[i]!;
      expect(textOf(elements(doc).find((e) => e.tagName === 'h1')!)).toBe(title);
      expect(textOf(byClass(doc, 'claim')[0]!).trim()).toBe(claim);
      expect(textOf(byClass(doc, 'claimant')[0]!)).toBe(`Claimed by ${claimant}`);
      expect(textOf(elements(doc).find((e) => e.tagName === 'title')!)).toContain(title);
      const explanation = textOf(byClass(doc, 'prose')[0]!);
      // Markdown reads `*`, backticks and entities (`&lt;` is "<", shown as text): compare what it shows.
      const plain = (text: string) => text.replace(/[*`]/g, '');
      expect(plain(explanation)).toContain(plain(decodeEntities(p)));
      expect(explanation).toContain(`<script>alert('body-script')</script>`);
      // The marked passage is the seed's own text, payload included.
      const spaced = (text: string) => text.replace(/\s+/g, ' ');
      expect(spaced(textOf(byClass(doc, 'passage')[0]!.childNodes.find((c) => c.nodeName === 'blockquote')!))).toContain(
        spaced(seedParagraph(i, p).quote),
      );

      const scripts = elements(doc).filter((e) => e.tagName === 'script');
      expect(scripts.map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
      const jsonLd = JSON.parse(textOf(scripts[0]!)) as ClaimReviewLd;
      expect(jsonLd.claimReviewed).toBe(claim);
      expect(jsonLd.itemReviewed.author.name).toBe(claimant);
      expect(jsonLd.reviewRating.alternateName).toBe(`Label ${i % KEYS.length} ${payloads[i % KEYS.length]}`);
      expect(jsonLd.itemReviewed.appearance[0].headline).toBe(p);
    });
  });

  it('Markdown links: only http(s) ones are links; javascript:, data:, vbscript:, file: and // stay text; images are links', () => {
    const doc = page('verdicts/v0/index.html');
    const links = elements(byClass(doc, 'prose')[0]!).filter((e) => e.tagName === 'a');
    expect(links.map((a) => attr(a, 'href'))).toEqual(['https://evil.example/tracker.png', 'https://example.org/minutes']);
    expect(elements(doc).some((e) => e.tagName === 'img')).toBe(false);
  });

  it('hostile-but-valid http(s) URLs stay inside their attribute (escaped, not broken out of)', () => {
    const doc = page('verdicts/v0/index.html');
    const hrefs = elements(doc)
      .filter((e) => e.tagName === 'a')
      .map((a) => attr(a, 'href'));
    expect(hrefs).toContain(urls[0]);
    expect(hrefs).toContain(urls[2]);
    const seedPage = page('seeds/s0/index.html');
    const seedHrefs = elements(seedPage)
      .filter((e) => e.tagName === 'a')
      .map((a) => attr(a, 'href'));
    expect(seedHrefs).toContain(urls[0]);
    expect(seedHrefs).toContain(urls[1]);
  });

  it('seed pages show the seed text, payloads included, as text', () => {
    payloads.forEach((p, i) => {
      const doc = page(`seeds/s${i}/index.html`);
      const body = elements(doc).find((e) => attr(e, 'data-seed') === `s${i}`)!;
      expect(attr(body, 'lang')).toBe('en');
      const stripped = textOf(body).replace(/\s+/g, ' ');
      const { prefix, quote, suffix } = seedParagraph(i, p);
      expect(stripped).toContain(`${prefix}${quote}${suffix}`.replace(/\s+/g, ' '));
      expect(textOf(elements(doc).find((e) => e.tagName === 'h1')!)).toBe(p.trim());
    });
  });

  it("feed.xml: every tag is an Atom tag, and each entry's HTML content is clean", () => {
    const feed = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    const atom = new Set([
      '?xml',
      'feed',
      'title',
      'subtitle',
      'link',
      'updated',
      'id',
      'author',
      'name',
      'entry',
      'content',
      'summary',
      'published',
      'category',
      'email',
      'uri',
    ]);
    const tags = [...feed.matchAll(/<\/?([?!]?[A-Za-z][\w:.-]*)/g)].map((m) => m[1]!);
    expect(tags.filter((t) => !atom.has(t))).toEqual([]);
    const entries = [...feed.matchAll(/<content type="html">([^<]*)<\/content>/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(payloads.length);
    const findings = entries.flatMap((html, i) => auditHtml(parseFragment(decodeEntities(html)) as unknown as Node, `feed entry ${i}`));
    expect(findings).toEqual([]);
    const titles = [...feed.matchAll(/<entry>\s*<title>([^<]*)<\/title>/g)].map((m) => decodeEntities(m[1]!));
    expect(new Set(titles)).toEqual(new Set(expected.map((e) => e.title)));
  });

  it('sitemap.xml holds only http(s) URLs in <loc>, dates in <lastmod> and no other markup', () => {
    const sitemap = fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8');
    const tags = new Set([...sitemap.matchAll(/<\/?([?!]?[A-Za-z][\w:.-]*)/g)].map((m) => m[1]!));
    expect([...tags].sort()).toEqual(['?xml', 'lastmod', 'loc', 'url', 'urlset']);
    for (const m of sitemap.matchAll(/<lastmod>([^<]*)<\/lastmod>/g)) expect(m[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(payloads.length);
    for (const loc of locs) expect(urlScheme(loc)).toMatch(/^https?$/);
  });

  it('claimreview.json parses back to the payloads and has no raw "<" (safe to inline anywhere)', () => {
    const text = fs.readFileSync(path.join(site, 'claimreview.json'), 'utf8');
    expect(text).not.toContain('<');
    const feed = JSON.parse(text) as ClaimReviewFeed;
    const reviewed = feed.dataFeedElement.map((e: { item: { claimReviewed: string } }) => e.item.claimReviewed);
    expect(new Set(reviewed)).toEqual(new Set(expected.map((e) => e.claim)));
  });

  it('no payload reaches _headers or _redirects', () => {
    for (const file of ['_headers', '_redirects']) {
      const text = fs.readFileSync(path.join(site, file), 'utf8');
      expect(text).not.toMatch(/alert|<|javascript/i);
    }
  });
});

describe('URLs that are not absolute http(s) are refused by check', () => {
  const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it.each(refusedUrls.map((url) => [JSON.stringify(url), url] as const))(
    '%s as source url, archived copy, seed url and seed archived copy',
    (_, url) => {
      const verdict = [
        '---',
        'title: t',
        'seed: alpha',
        'quote: The council voted',
        'rating: accurate',
        'sources:',
        '  - title: a source',
        `    url: ${q(url)}`,
        '  - title: another',
        '    url: https://example.org/ok',
        `    archived: ${q(url)}`,
        'author: A',
        'date: 2024-03-01',
        '---',
        '',
      ].join('\n');
      const meta = `url: ${q(url)}\narchived: ${q(url)}\n`;
      const root = writeProject({
        'content/_data/ratings.yml': fs.readFileSync(path.join(import.meta.dirname, 'fixtures/clean/content/_data/ratings.yml'), 'utf8'),
        'seeds/alpha.txt': 'The council voted on Tuesday.\n',
        'seeds/alpha.yml': meta,
        'content/verdicts/x.md': verdict,
      });
      const model = buildModel({ root });
      const brief = model.problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.rule}`);
      expect(brief).toEqual([
        'content/verdicts/x.md:8 error source-invalid',
        'content/verdicts/x.md:11 error source-invalid',
        // the refused URL is not used: the structured data has no url for the seed, and check says so
        'seeds/alpha.yml:1 warning seed-meta-missing',
        'seeds/alpha.yml:1 error seed-invalid',
        'seeds/alpha.yml:2 error seed-invalid',
      ]);
      expect(line(verdict, 'archived')).toBe(11);
      expect(
        model.verdicts[0]?.sources.every((s) => s.kind !== 'web' || (s.url === 'https://example.org/ok' && s.archived === undefined)),
      ).toBe(true);
    },
  );

  it("the build refuses them too, with check's messages and no stack trace", async () => {
    const root = writeProject({
      'content/_data/ratings.yml': fs.readFileSync(path.join(import.meta.dirname, 'fixtures/clean/content/_data/ratings.yml'), 'utf8'),
      'seeds/alpha.txt': 'The council voted on Tuesday.\n',
      'content/verdicts/x.md': `---\ntitle: t\nseed: alpha\nquote: The council voted\nrating: accurate\nsources:\n  - title: s\n    url: "javascript:alert(1)"\nauthor: A\ndate: 2024-03-01\n---\n`,
    });
    const output = path.join(tempDir('refused-site'), '_site');
    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/verdicts\/x\.md:8:\d+: error: .*javascript: URLs are refused.* \[source-invalid\]$/m);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(fs.existsSync(output)).toBe(false);
  });
});
