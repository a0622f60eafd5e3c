// Helpers for the hostile-input tests: throwaway projects (in ./temp.ts folders), tree hashes, and a
// parsed-HTML audit that finds any markup or live URL an editor or a seed could have smuggled in.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DefaultTreeAdapterMap } from 'parse5';
import { repoRoot } from './cli.ts';
import { listFiles } from './site.ts';
import { removeTempDirs, tempDir } from './temp.ts';

export { listFiles, removeTempDirs, repoRoot, tempDir };

/**
 * fast-check runs: `fast` for `npm test`; under `npm run fuzz` (FUZZ_RUNS=n) `share` of n, at least `fast`.
 */
export function runs(fast: number, share = 1): number {
  const fuzz = Number(process.env['FUZZ_RUNS']);
  return Number.isInteger(fuzz) && fuzz > 0 ? Math.max(fast, Math.round(fuzz * share)) : fast;
}

/**
 * The fast-check seed: fixed for `npm test`; under `npm run fuzz` a new one each run unless FUZZ_SEED replays
 * one (fast-check prints the seed and the shrunk counterexample of any failure).
 */
export function fuzzSeed(fixed: number): number {
  const replay = Number(process.env['FUZZ_SEED']);
  if (Number.isInteger(replay)) return replay;
  if (!process.env['FUZZ_RUNS']) return fixed;
  const seed = Date.now() ^ (process.pid << 8);
  console.info(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return seed;
}

/** Writes `files` (project-relative path -> content) under a new temporary folder and returns it. */
export function writeProject(files: Record<string, string | Uint8Array>, name = 'project'): string {
  const root = tempDir(name);
  fs.mkdirSync(path.join(root, 'seeds'), { recursive: true });
  fs.mkdirSync(path.join(root, 'content/verdicts'), { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
  return root;
}

/** Copies the sample project (seeds/ and content/) of this repository into a new temporary folder. */
export function copySampleProject(name = 'sample'): string {
  const root = tempDir(name);
  for (const folder of ['seeds', 'content']) fs.cpSync(path.join(repoRoot, folder), path.join(root, folder), { recursive: true });
  return root;
}

/** SHA-256 of every file under `dir`, by relative path. */
export function hashTree(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

// ---- The HTML audit ----

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function elements(node: Node): Element[] {
  const found: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n)) found.push(n);
    for (const child of 'childNodes' in n ? n.childNodes : []) visit(child);
    if (isElement(n) && n.tagName === 'template') visit((n as unknown as { content: Node }).content);
  };
  visit(node);
  return found;
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ('childNodes' in node ? node.childNodes : []).map(textOf).join('');
}

/** Every tag the site's layouts and the Markdown renderer (raw HTML off, images off) can produce. */
const SITE_TAGS = new Set(
  (
    'html head body title meta link script noscript header nav main footer article section aside div span p a ul ol li ' +
    'dl dt dd h1 h2 h3 h4 h5 h6 blockquote figure figcaption mark cite time code pre em strong s hr br table thead tbody ' +
    'caption tr th td details summary'
  ).split(' '),
);
/** Attributes whose value a browser follows or loads as a URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'srcset',
  'ping',
  'manifest',
  'codebase',
  'longdesc',
]);
/** The only scripts the site itself ships: Pagefind's UI and our search glue. */
const SITE_SCRIPTS = /^(?:\/[^/]+)*\/(?:pagefind\/pagefind-ui\.js|assets\/search\.js)$/;

/** The scheme a browser would see in `value` (it ignores ASCII tabs/newlines anywhere and leading C0/space), or undefined for a relative URL. */
export function urlScheme(value: string): string | undefined {
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * What in a parsed page could run or load something no template asked for: unexpected elements, event
 * handler or style attributes, scripts other than the site's own and JSON-LD, URLs with a scheme other than
 * http(s), meta refresh, JSON-LD that does not parse. Empty means clean.
 */
export function auditHtml(document: Node, where: string): string[] {
  const findings: string[] = [];
  const report = (element: Element, what: string) => findings.push(`${where}: <${element.tagName}> ${what}`);
  for (const element of elements(document)) {
    if (!SITE_TAGS.has(element.tagName)) report(element, 'is not an element the site produces');
    for (const { name, value } of element.attrs) {
      if (/^on/i.test(name)) report(element, `has an event handler ${name}="${value}"`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction') report(element, `has a ${name} attribute`);
      if (URL_ATTRIBUTES.has(name)) {
        for (const url of name === 'srcset' ? value.split(',') : [value]) {
          const scheme = urlScheme(url);
          if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
            report(element, `has a live ${scheme}: URL in ${name}="${value}"`);
        }
      }
    }
    if (element.tagName === 'script') {
      const type = attr(element, 'type');
      const src = attr(element, 'src');
      if (type === 'application/ld+json') {
        if (src !== undefined) report(element, 'JSON-LD with a src');
        try {
          JSON.parse(textOf(element));
        } catch (error) {
          report(element, `JSON-LD that does not parse (${(error as Error).message})`);
        }
      } else if (type !== undefined || src === undefined || !SITE_SCRIPTS.test(src)) {
        report(element, `script that is not the site's own (type=${type}, src=${src})`);
      }
    }
    if (element.tagName === 'meta') {
      const name = attr(element, 'name');
      const property = attr(element, 'property');
      // Open Graph and Twitter card tags: a key and a content, nothing else; the ones that name a URL, http(s) only
      const share =
        (property?.startsWith('og:') || name?.startsWith('twitter:')) &&
        element.attrs.length === 2 &&
        attr(element, 'content') !== undefined;
      if (
        share &&
        /^(og:url|og:image|twitter:image)$/.test(property ?? name ?? '') &&
        !/^https?$/.test(urlScheme(attr(element, 'content')!) ?? '')
      ) {
        report(element, `share tag with a URL that is not http(s): ${attr(element, 'content')}`);
      }
      if (!(attr(element, 'charset') !== undefined || name === 'viewport' || name === 'description' || name === 'robots' || share)) {
        report(element, `unexpected meta ${JSON.stringify(element.attrs)}`);
      }
    }
    if (element.tagName === 'link' && !['stylesheet', 'icon', 'alternate', 'canonical'].includes(attr(element, 'rel') ?? '')) {
      report(element, `unexpected link rel=${attr(element, 'rel')}`);
    }
  }
  return findings;
}
