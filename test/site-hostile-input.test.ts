// XSS payloads in every field of a verdict, in a seed's text and in its metadata (test/fixtures/site-hostile):
// none may reach a page as markup or as a live URL, and the JSON-LD must not be broken out of.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, byTag, find, findAll, listFiles, readPage, repoRoot, sharedBuild, text } from './support/site.ts';
import type { ClaimReviewLd } from './support/claimreview-json.ts';

const fixture = path.join(repoRoot, 'test/fixtures/site-hostile');
let site: string;
let pages: string[];

beforeAll(async () => {
  site = await sharedBuild(fixture);
  pages = listFiles(site).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
});

const OWN_SCRIPTS = new Set(['/pagefind/pagefind-ui.js', '/assets/search.js']);

describe('hostile content', () => {
  it('never becomes a script, an event handler, an embedded element or a javascript:/data: URL', () => {
    for (const file of pages) {
      const page = readPage(site, file);
      for (const script of findAll(page, byTag('script'))) {
        if (attr(script, 'type') === 'application/ld+json') continue;
        expect(OWN_SCRIPTS.has(attr(script, 'src') ?? ''), `${file}: ${attr(script, 'src')}`).toBe(true);
        expect(text(script), file).toBe('');
      }
      for (const element of findAll(page, () => true)) {
        expect(['img', 'iframe', 'svg', 'object', 'embed', 'b'], file).not.toContain(element.tagName);
        for (const { name, value } of element.attrs) {
          expect(name.startsWith('on'), `${file}: <${element.tagName} ${name}>`).toBe(false);
          if (name === 'href' || name === 'src') expect(value, file).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        }
      }
    }
  });

  it('shows the payloads as text', () => {
    const page = readPage(site, 'verdicts/payload/index.html');
    expect(text(find(page, byTag('h1'))!)).toBe('<script>alert("title")</script> Title with "quotes" & ampersand');
    const body = text(page);
    for (const payload of [
      '<script>alert("body")</script>',
      '<img src=x onerror=alert("claimant")>',
      '<script>alert("correction")</script>',
      '{{ 7*7 }}',
    ]) {
      expect(body).toContain(payload);
    }
    const seed = readPage(site, 'seeds/evil/index.html');
    expect(text(find(seed, (e) => attr(e, 'data-seed') === 'evil')!)).toContain('<script>alert("seed")</script>');
  });

  it('keeps the JSON-LD one parseable data block holding the payload as a string', () => {
    const html = fs.readFileSync(path.join(site, 'verdicts/payload/index.html'), 'utf8');
    const page = readPage(site, 'verdicts/payload/index.html');
    const blocks = findAll(page, (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json');
    expect(blocks).toHaveLength(1);
    expect((JSON.parse(text(blocks[0]!)) as ClaimReviewLd).claimReviewed).toBe('</script><script>alert("claim")</script><!-- claim');
    expect(html.match(/<\/script>/g)).toHaveLength(findAll(page, byTag('script')).length);
  });

  it('gives a hostile claimant, tag and outlet a page at a slug of letters, digits and hyphens, showing the name as text there and in the links to it', () => {
    const names = ['<img src=x onerror=alert("claimant")>', '</title><script>alert("outlet")</script>', '<script>alert("tag")</script>'];
    const expected: Record<string, string> = {
      'claimants/img-src-x-onerror-alert-claimant/index.html': names[0]!,
      'outlets/title-script-alert-outlet-script/index.html': names[1]!,
      'topics/script-alert-tag-script/index.html': names[2]!,
    };
    expect(pages.filter((f) => /^(claimants|topics|outlets)\/[^/]+\/index\.html$/.test(f)).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, name] of Object.entries(expected)) expect(text(find(readPage(site, file), byTag('h1'))!), file).toContain(name);
    const links = find(readPage(site, 'verdicts/payload/index.html'), (e) => attr(e, 'class') === 'archive-links')!;
    expect(findAll(links, byTag('a')).map((a) => [attr(a, 'href'), text(a)])).toEqual([
      ['/claimants/img-src-x-onerror-alert-claimant/', names[0]],
      ['/topics/script-alert-tag-script/', names[2]],
      ['/outlets/title-script-alert-outlet-script/', names[1]],
    ]);
  });

  it("ignores an editor's Eleventy keys: permalink, layout and eleventyComputed cannot move or replace a page", () => {
    const home = readPage(site, 'index.html');
    expect(text(find(home, byTag('h1'))!)).toBe('Latest fact-checks');
    expect(listFiles(site)).toContain('verdicts/payload/index.html');
    expect(text(readPage(site, 'verdicts/payload/index.html'))).not.toContain('49');
  });

  it('drops Markdown links to javascript:, data: and vbscript: URLs and loads no images', () => {
    const page = readPage(site, 'verdicts/payload/index.html');
    const explanation = find(page, (e) => (attr(e, 'class') ?? '').includes('prose'))!;
    // The only link left is the image's https URL, now a plain link: nothing is loaded from it.
    expect(findAll(explanation, byTag('a')).map((a) => attr(a, 'href'))).toEqual(['https://tracker.example.com/pixel.png']);
    expect(findAll(explanation, byTag('img'))).toHaveLength(0);
    expect(text(explanation)).toContain('[a javascript link](javascript:alert("mdlink"))');
    expect(text(explanation)).toContain('[a data link](data:text/html;base64,');
  });
});
