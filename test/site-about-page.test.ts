// The IFCN Code of Principles asks fact-checkers to publish their methodology, rating scale and corrections
// policy: /about/, written in content/about.md. A project without it gets a warning from the build, and its
// pages do not link to a page that is not there; once the page exists, header, footer, 404 page and each
// verdict's corrections line link to it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, findAll, listFiles, readPage, repoRoot, tempDir } from './support/site.ts';
import { runCli } from './support/cli.ts';

const fixture = path.join(repoRoot, 'test/fixtures/site-overlap');

async function build(root: string): Promise<{ site: string; stderr: string }> {
  const site = path.join(tempDir('about'), '_site');
  const run = await runCli('build', ['--root', root, '--output', site]);
  expect(run.status, run.stderr).toBe(0);
  return { site, stderr: run.stderr };
}

/** Every page that links to /about/, by file. */
function linksToAbout(site: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of listFiles(site).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
    const count = findAll(readPage(site, file), (e) => e.tagName === 'a' && attr(e, 'href') === '/about/').length;
    if (count > 0) found.set(file, count);
  }
  return found;
}

describe('the about page', () => {
  it('missing: the build warns, names the file to write, and no page links to /about/', async () => {
    expect(fs.existsSync(path.join(fixture, 'content/about.md'))).toBe(false);
    const { site, stderr } = await build(fixture);
    expect(stderr).toMatch(/warning: no page at \/about\/.*content\/about\.md/s);
    expect(fs.existsSync(path.join(site, 'about/index.html'))).toBe(false);
    expect([...linksToAbout(site).keys()]).toEqual([]);
  });

  it('written: no warning, and header, footer, the 404 page and the corrections line link to it', async () => {
    const root = tempDir('about-project');
    fs.cpSync(fixture, root, { recursive: true });
    fs.writeFileSync(path.join(root, 'content/about.md'), '---\ntitle: About\n---\n## Methodology\n\nHow we check.\n');
    const { site, stderr } = await build(root);
    expect(stderr).not.toMatch(/warning: no page at/);
    expect(fs.existsSync(path.join(site, 'about/index.html'))).toBe(true);
    const links = linksToAbout(site);
    expect(links.get('index.html')).toBe(2); // header and footer
    expect(links.get('404.html')).toBe(3); // header, footer and the list of ways on
    const verdict = listFiles(site).find((f) => /^verdicts\/[^/]+\/index\.html$/.test(f))!;
    expect(links.get(verdict)).toBeGreaterThanOrEqual(2);
  });
});
