// Verdict pages are made from the model (SiteData.verdictPages, one virtual template), not from the
// verdict files as Eleventy templates. They keep the contract the Markdown-template pages met: one page
// per published verdict and none for a draft; the explanation rendered with the site's markdown-it setup,
// its headings starting at h3 under the page's h2, indented text not a code block, template syntax as
// text; the same HTML as the feed entry's content, whose links the feed makes absolute; a file in
// content/verdicts/ never runs as a template, whatever its front matter says.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarkdown } from '../src/eleventy/markdown.ts';
import { makeProject, removeProjects, verdictText } from './support/project.ts';
import { buildSite, byId, byTag, find, findAll, listFiles, readPage, text } from './support/site.ts';
import { parse, serialize } from 'parse5';

const fixture = (file: string) => fs.readFileSync(new URL(`fixtures/clean/${file}`, import.meta.url), 'utf8');

const BODY = [
  '# What we checked',
  '',
  'The minutes, see [the passage](#passage) and [the seed](/seeds/alpha/).',
  '',
  '    Four spaces in: a paragraph, not code.',
  '',
  '## Detail {{ 7 * 7 }} {% raw %}',
  '',
  'Done.',
  '',
].join('\n');

let root: string;
let site: string;

beforeAll(async () => {
  root = makeProject({
    'seeds/alpha.txt': fixture('seeds/alpha.txt'),
    'seeds/alpha.yml': fixture('seeds/alpha.yml'),
    'seeds/beta.txt': fixture('seeds/beta.txt'),
    // Eleventy's own keys are unknown fields to check (warnings): ignored, as Eleventy never reads the file.
    'content/verdicts/sea-wall.md': verdictText(
      { permalink: 'permalink: /elsewhere/', layout: 'layout: false', eleventyComputed: 'eleventyComputed:\n  title: "{{ 7 * 7 }}"' },
      BODY,
    ),
    'content/verdicts/engineering-report.md': fixture('content/verdicts/engineering-report.md'),
  });
  site = await buildSite(root, { env: { SITE_URL: 'https://news.example' } });
});
afterAll(removeProjects);

describe('a verdict page made from the model', () => {
  it('exists for each published verdict and not for a draft', () => {
    const pages = listFiles(site).filter((file) => file.startsWith('verdicts/'));
    expect(pages).toEqual(['verdicts/sea-wall/index.html']);
    expect(fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8')).not.toContain('engineering-report');
  });

  it('renders the explanation with the site’s Markdown: headings from h3, no code block, template syntax as text', () => {
    const explanation = find(
      readPage(site, 'verdicts/sea-wall/index.html'),
      (e) => e.tagName === 'section' && e.attrs.some((a) => a.value === 'explanation'),
    )!;
    const headings = findAll(explanation, (e) => /^h\d$/.test(e.tagName)).map((h) => `${h.tagName} ${text(h)}`);
    expect(headings).toEqual(['h2 Explanation', 'h3 What we checked', 'h4 Detail {{ 7 * 7 }} {% raw %}']);
    expect(findAll(explanation, byTag('pre'))).toEqual([]);
    expect(text(explanation)).toContain('Four spaces in: a paragraph, not code.');
  });

  it('has the same explanation HTML as its feed entry, whose links the feed makes absolute', () => {
    const feed = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    const content = /<content type="html">([\s\S]*?)<\/content>/.exec(feed)![1]!;
    const html = content
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(html).toContain('href="https://news.example/verdicts/sea-wall/#passage"');
    expect(html).toContain('href="https://news.example/seeds/alpha/"');
    const rendered = createMarkdown().render(BODY, { verdictSlug: 'sea-wall' });
    const normalise = (markup: string) => serialize(parse(markup));
    const relative = html
      .replaceAll('https://news.example/verdicts/sea-wall/#passage', '#passage')
      .replaceAll('https://news.example/seeds/alpha/', '/seeds/alpha/');
    expect(normalise(relative)).toBe(normalise(rendered));
    const page = fs.readFileSync(path.join(site, 'verdicts/sea-wall/index.html'), 'utf8');
    expect(page).toContain(rendered.trim());
  });

  it('ignores Eleventy keys in the verdict file: its URL, layout and title are the model’s', () => {
    expect(fs.existsSync(path.join(site, 'elsewhere'))).toBe(false);
    const page = readPage(site, 'verdicts/sea-wall/index.html');
    expect(text(find(page, byTag('title'))!)).toMatch(/^The council voted for a sea wall · /);
    expect(text(find(page, byTag('h1'))!)).toBe('The council voted for a sea wall');
    expect(find(page, byId('explanation'))).toBeDefined();
  });
});
