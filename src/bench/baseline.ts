// The floor the site build is compared with: a bare Eleventy project with one Markdown page per
// published verdict and per seed, carrying the same body text, and a one-line layout. No plugins,
// no data files, no collections: only what Eleventy itself needs to write the same pages.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';

const LAYOUT = '<!doctype html><html lang="en"><meta charset="utf-8"><title>{{ title }}</title><main>{{ content | safe }}</main></html>\n';

export function writeBaseline(root: string, corpus: Corpus): { pages: number } {
  mkdirSync(join(root, '_includes'), { recursive: true });
  mkdirSync(join(root, 'verdicts'), { recursive: true });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  writeFileSync(join(root, '_includes', 'page.njk'), LAYOUT);
  // Like the site's config, Markdown is not run through a template engine first (Eleventy's default is Liquid).
  writeFileSync(join(root, 'eleventy.config.mjs'), 'export default function () {\n  return { markdownTemplateEngine: false };\n}\n');
  let pages = 0;
  for (const verdict of corpus.verdicts) {
    if (verdict.draft) continue;
    const split = verdict.markdown.indexOf('\n---\n', 4);
    const frontMatter = verdict.markdown.slice(4, split);
    const title = /^title: (.*)$/m.exec(frontMatter)?.[1] ?? JSON.stringify(verdict.slug);
    const quote = /^quote: (.*)$/m.exec(frontMatter)?.[1] ?? '""';
    const body = verdict.markdown.slice(split + 5);
    const page = ['---', `title: ${title}`, 'layout: page.njk', '---', `> ${JSON.parse(quote) as string}`, '', body].join('\n');
    writeFileSync(join(root, 'verdicts', `${verdict.slug}.md`), page);
    pages++;
  }
  for (const seed of corpus.seeds) {
    const paragraphs = seed.text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const page = ['---', `title: ${JSON.stringify(seed.id)}`, 'layout: page.njk', '---', paragraphs.join('\n\n'), ''].join('\n');
    writeFileSync(join(root, 'seeds', `${seed.id}.md`), page);
    pages++;
  }
  return { pages };
}
