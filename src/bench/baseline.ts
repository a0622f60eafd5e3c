// The floor the site build is compared with: a bare Eleventy project with one Markdown page per
// published verdict and per seed, carrying the same body text, and a one-line layout. No plugins,
// no data files, no collections: only what Eleventy itself needs to write the same pages.
// The same pages are also written as a minimal Hugo site (config, one single-page layout, content),
// the anchor a newsroom that wants speed would pick instead.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';

const LAYOUT = '<!doctype html><html lang="en"><meta charset="utf-8"><title>{{ title }}</title><main>{{ content | safe }}</main></html>\n';
const HUGO_LAYOUT = '<!doctype html><html lang="en"><meta charset="utf-8"><title>{{ .Title }}</title><main>{{ .Content }}</main></html>\n';
// Only the single pages, as the baseline has: no home, section, taxonomy, feed, sitemap, robots or 404 page.
// Markdown as Eleventy's markdown-it renders it by default: raw HTML passed through, no typographer.
const HUGO_CONFIG = [
  'baseURL = "http://localhost/"',
  'languageCode = "en"',
  'title = "baseline"',
  'disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
  '[markup.goldmark.renderer]',
  'unsafe = true',
  '[markup.goldmark.extensions]',
  'typographer = false',
  '',
].join('\n');

interface Page {
  /** `verdicts` or `seeds`. */
  section: string;
  name: string;
  /** A YAML scalar (JSON-quoted). */
  title: string;
  body: string;
}

function pages(corpus: Corpus): Page[] {
  const out: Page[] = [];
  for (const verdict of corpus.verdicts) {
    if (verdict.draft) continue;
    const split = verdict.markdown.indexOf('\n---\n', 4);
    const frontMatter = verdict.markdown.slice(4, split);
    const title = /^title: (.*)$/m.exec(frontMatter)?.[1] ?? JSON.stringify(verdict.slug);
    const quote = /^quote: (.*)$/m.exec(frontMatter)?.[1] ?? '""';
    const body = verdict.markdown.slice(split + 5);
    out.push({ section: 'verdicts', name: verdict.slug, title, body: [`> ${JSON.parse(quote) as string}`, '', body].join('\n') });
  }
  for (const seed of corpus.seeds) {
    const paragraphs = seed.text.split(/\r?\n/).filter((line) => line.trim() !== '');
    out.push({ section: 'seeds', name: seed.id, title: JSON.stringify(seed.id), body: `${paragraphs.join('\n\n')}\n` });
  }
  return out;
}

/** Writes the bare-Eleventy project into `root` and, when `hugoRoot` is given, the same pages as a Hugo site there. */
export function writeBaseline(root: string, corpus: Corpus, hugoRoot?: string): { pages: number } {
  mkdirSync(join(root, '_includes'), { recursive: true });
  writeFileSync(join(root, '_includes', 'page.njk'), LAYOUT);
  // Like the site's config, Markdown is not run through a template engine first (Eleventy's default is Liquid).
  writeFileSync(join(root, 'eleventy.config.mjs'), 'export default function () {\n  return { markdownTemplateEngine: false };\n}\n');
  if (hugoRoot !== undefined) {
    mkdirSync(join(hugoRoot, 'layouts', '_default'), { recursive: true });
    writeFileSync(join(hugoRoot, 'layouts', '_default', 'single.html'), HUGO_LAYOUT);
    writeFileSync(join(hugoRoot, 'config.toml'), HUGO_CONFIG);
  }
  const all = pages(corpus);
  for (const section of new Set(all.map((page) => page.section))) {
    mkdirSync(join(root, section), { recursive: true });
    if (hugoRoot !== undefined) mkdirSync(join(hugoRoot, 'content', section), { recursive: true });
  }
  for (const page of all) {
    writeFileSync(
      join(root, page.section, `${page.name}.md`),
      ['---', `title: ${page.title}`, 'layout: page.njk', '---', page.body].join('\n'),
    );
    if (hugoRoot !== undefined)
      writeFileSync(
        join(hugoRoot, 'content', page.section, `${page.name}.md`),
        ['---', `title: ${page.title}`, '---', page.body].join('\n'),
      );
  }
  return { pages: all.length };
}
