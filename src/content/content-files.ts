// Everything in content/ besides the verdicts: the editors' own Markdown pages (content/about.md...) and the
// data files. Content is data, never code: a page's front matter may set only a few documented fields (the
// tool picks its layout), its URL must be a free site path, and content/_data/ holds only the files the tool
// reads itself. Anything else there would steer Eleventy (a global `eleventyComputed.json` runs template code,
// `templateEngineOverride.json` turns every page into Nunjucks), so it is an error, not a file to ignore.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SLUG_PATTERN } from './fields.ts';
import { invisibleInValue, verdictInvisibleProblems } from './invisible-text.ts';
import { MEGABYTE, readTextFile } from './text-file.ts';
import type { Position, Problem, RuleId } from '../model/types.ts';
import { siteOwnerOf } from '../site/urls.ts';
import { shown } from './values.ts';
import { locateFrontMatter, splitFrontMatter } from './front-matter.ts';
import { VERDICTS_DIR } from './verdicts.ts';
import { parseYaml, textValue } from './yaml/source.ts';

export const DATA_DIR = 'content/_data';
/** The only files content/_data/ may hold; each has its own validating loader. */
export const DATA_FILES = ['site.json', 'ratings.yml', 'claimants.yml'] as const;
const PAGE_SIZE_LIMIT = 4 * MEGABYTE;

/** An editor's Markdown page, e.g. content/about.md at /about/. */
export interface ContentPage {
  file: string;
  /** The page's site path: its `permalink`, or the one its file name gives (`content/about.md` -> `/about/`). */
  url: string;
  title: string;
  description?: string;
  /** The Markdown after the front matter. */
  body: string;
  bodyLine: number;
  positions: Record<string, Position>;
}

/** What a content page's front matter may set. */
export const PAGE_FIELDS = [
  { name: 'title', required: true, description: "The page's heading and title." },
  { name: 'description', required: false, description: 'One sentence for search engines and link previews.' },
  { name: 'permalink', required: false, description: "The page's site path, such as /methodology/ (default: from the file name)." },
] as const;

/**
 * Eleventy's own data keys (https://www.11ty.dev/docs/data-configuration/ and the pages they link): set
 * from content, each one changes how Eleventy builds (run code, pick an engine or a layout, move output).
 */
export const ELEVENTY_KEYS = new Set([
  'layout',
  'eleventyComputed',
  'templateEngineOverride',
  'pagination',
  'eleventyImport',
  'eleventyExcludeFromCollections',
  'eleventyNavigation',
  'eleventyDataSchema',
  'eleventyAllowMissingExtension',
  'permalinkBypassOutputDir',
  'dynamicPermalink',
  'tags',
  'date',
  'collections',
  'page',
  'content',
  'eleventy',
  'pkg',
]);

/**
 * A site path for a page: folders ending in "/", or a final `.html` file; every segment a plain name (no "."
 * or ".." segment, no hidden file), so the page is written inside the site folder and nowhere else.
 */
const PERMALINK = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\.html)?$/;

export interface LoadedContent {
  pages: ContentPage[];
  problems: Problem[];
  /** Every content page and data file looked at (for the summary line). */
  files: string[];
}

/** The URL Eleventy gives a page by default: content/about.md -> /about/, content/a/index.md -> /a/. */
function defaultUrl(file: string): string {
  const stem = file.slice('content/'.length, -'.md'.length);
  const path = stem === 'index' ? '' : stem.replace(/\/index$/, '');
  return path === '' ? '/' : `/${path}/`;
}

function problemAt(
  problems: Problem[],
  file: string,
  rule: RuleId,
  position: Position,
  message: string,
  severity: Problem['severity'] = 'error',
): void {
  problems.push({ file, line: position.line, column: position.column, severity, rule, message });
}

/** One content page, parsed and validated; undefined when it cannot be built (its problems say why). */
function loadPage(root: string, file: string, problems: Problem[]): ContentPage | undefined {
  const start = { line: 1, column: 1 };
  const problem = (rule: RuleId, position: Position, message: string, severity: Problem['severity'] = 'error') =>
    problemAt(problems, file, rule, position, message, severity);
  const segments = file.slice('content/'.length, -'.md'.length).split('/');
  const badSegment = segments.find((segment) => !SLUG_PATTERN.test(segment));
  if (badSegment !== undefined) {
    problem(
      'slug-invalid',
      start,
      `the name ${shown(badSegment)} in ${file} is not a safe slug (lowercase letters, digits and hyphens): the page's URL is made from it. Rename the file or folder.`,
    );
    return undefined;
  }
  const read = readTextFile(join(root, file), PAGE_SIZE_LIMIT);
  if (!read.ok) {
    problem('frontmatter-invalid', { line: read.line, column: read.column }, `the file ${read.message}.`);
    return undefined;
  }
  // An editor's page, like a verdict: an invisible character typed into it is an error (not evidence to keep).
  const invisible = verdictInvisibleProblems(file, read.text, 'the page');
  problems.push(...invisible);
  const located = locateFrontMatter(
    read.text,
    'a content page must begin with front matter: a line "---", "title: …" (and optionally "description: …", "permalink: /path/"), and another line "---".',
  );
  if ('problem' in located) {
    problem('frontmatter-invalid', located.problem, located.problem.message);
    return undefined;
  }
  const { yamlSource, body } = splitFrontMatter(read.text, located.closeOffset);
  const parsed = yamlSource === undefined ? undefined : parseYaml(yamlSource);
  if (parsed && !parsed.ok) {
    problem('frontmatter-invalid', parsed.problem, `${parsed.problem.message}.`);
    return undefined;
  }
  const contents = parsed?.yaml.contents ?? null;
  if (contents && contents.kind !== 'map') {
    problem(
      'frontmatter-invalid',
      parsed!.yaml.positionOf(contents),
      'the front matter must be a map of fields ("title: ...", one per line).',
    );
    return undefined;
  }
  const positions: Record<string, Position> = {};
  const values: Record<string, string> = {};
  let ok = true;
  const known = PAGE_FIELDS.map((field) => field.name as string);
  for (const pair of contents?.pairs ?? []) {
    const at = parsed!.yaml.positionOf(pair.value ?? pair.key);
    positions[pair.name] = at;
    if (ELEVENTY_KEYS.has(pair.name)) {
      problem(
        'field-invalid',
        parsed!.yaml.positionOf(pair.key),
        `${shown(pair.name)} is one of Eleventy's own settings, which content may not set (the tool chooses every page's layout and data). Remove it; a content page may set ${known.join(', ')}.`,
      );
      ok = false;
      continue;
    }
    if (!known.includes(pair.name)) {
      problem(
        'field-unknown',
        parsed!.yaml.positionOf(pair.key),
        `unknown field ${shown(pair.name)}; it is ignored. A content page may set ${known.join(', ')}.`,
        'warning',
      );
      continue;
    }
    const text = textValue(pair.value);
    if (text === undefined || text.trim() === '') {
      problem('field-invalid', at, `"${pair.name}" must be text${pair.name === 'permalink' ? ', a site path such as /methodology/' : ''}.`);
      ok = false;
      continue;
    }
    const hidden = invisibleInValue(text);
    if (hidden !== undefined && invisible.length === 0) {
      problem('text-invisible', at, `"${pair.name}" contains ${hidden}, written as a YAML escape; remove it.`);
      ok = false;
      continue;
    }
    values[pair.name] = text;
  }
  if (values['title'] === undefined && !('title' in positions)) {
    problem('field-missing', start, 'required field "title" is missing; add it to the front matter: the page\'s heading and title.');
    ok = false;
  }
  const permalink = values['permalink'];
  if (permalink !== undefined && !PERMALINK.test(permalink)) {
    problem(
      'permalink-invalid',
      positions['permalink']!,
      `"permalink" must be a site path such as /methodology/ or /methodology.html (plain names, no "." or ".." parts, a folder ending in "/" or an .html file), not ${shown(permalink)}.`,
    );
    ok = false;
  }
  if (!ok || invisible.length > 0 || values['title'] === undefined) return undefined;
  return {
    file,
    url: permalink ?? defaultUrl(file),
    title: values['title'],
    ...(values['description'] !== undefined ? { description: values['description'] } : {}),
    body,
    bodyLine: located.closeLine + 1,
    positions,
  };
}

/** The files of a folder, by project-relative path; hidden files (".gitkeep", ".DS_Store") are neither read nor published. */
function entriesOf(root: string, relative: string): { file: string; directory: boolean }[] {
  return (
    readdirSync(join(root, relative), { withFileTypes: true })
      // Symbolic links are reported by the model (they would publish files from outside the project).
      .filter((entry) => !entry.name.startsWith('.') && !entry.isSymbolicLink())
      .map((entry) => ({ file: `${relative}/${entry.name}`, directory: entry.isDirectory() }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  );
}

function checkDataFolder(root: string, problems: Problem[], files: string[]): void {
  let entries: { file: string; directory: boolean }[];
  try {
    entries = entriesOf(root, DATA_DIR);
  } catch {
    return; // no content/_data/: the tool's defaults apply
  }
  for (const { file, directory } of entries) {
    const name = file.slice(DATA_DIR.length + 1);
    if (!directory && (DATA_FILES as readonly string[]).includes(name)) {
      files.push(file);
      continue;
    }
    problemAt(
      problems,
      file,
      'data-file-unknown',
      { line: 1, column: 1 },
      `${file}${directory ? '/' : ''} is not one of the data files the tool reads (${DATA_FILES.join(', ')}). Global data files steer Eleventy (a key such as eleventyComputed or templateEngineOverride runs template code on every page), so no other is allowed: remove it.`,
    );
  }
}

/** Content pages and data files: reads content/ (verdicts excluded, their loader reads them) and validates every file. */
export function loadContent(root: string): LoadedContent {
  const problems: Problem[] = [];
  const files: string[] = [];
  const pages: ContentPage[] = [];
  checkDataFolder(root, problems, files);
  const visit = (relative: string) => {
    for (const { file, directory } of entriesOf(root, relative)) {
      if (file === DATA_DIR) continue;
      if (file === VERDICTS_DIR) {
        for (const entry of entriesOf(root, VERDICTS_DIR)) {
          // Folders there are reported by the verdict loader; any file not a verdict would be an Eleventy template or nothing.
          if (!entry.directory && !/\.md$/i.test(entry.file)) {
            problemAt(
              problems,
              entry.file,
              'content-file-unknown',
              { line: 1, column: 1 },
              `${entry.file} is not a verdict (content/verdicts/<slug>.md); only Markdown is read from content/. Remove it, or rename it to .md if it is a verdict.`,
            );
          }
        }
        continue;
      }
      if (directory) visit(file);
      else if (file.endsWith('.md')) {
        files.push(file);
        const page = loadPage(root, file, problems);
        if (page) pages.push(page);
      } else {
        problemAt(
          problems,
          file,
          'content-file-unknown',
          { line: 1, column: 1 },
          `${file} is not a content page: content/ holds Markdown pages (.md), the verdicts and ${DATA_DIR}/ (${DATA_FILES.join(', ')}). Templates, scripts and other files are code or nothing to the site; remove it.`,
        );
      }
    }
  };
  visit('content');
  problems.push(...urlCollisions(pages));
  return { pages, problems, files };
}

/** Pages at a URL the site owns, and pages sharing one URL (compared without letter case, as file systems may). */
function urlCollisions(pages: ContentPage[]): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, ContentPage>();
  for (const page of pages) {
    const at = page.positions['permalink'] ?? { line: 1, column: 1 };
    const how = 'permalink' in page.positions ? `its permalink ${shown(page.url)}` : `its file name gives it the URL ${page.url}`;
    const owner = siteOwnerOf(page.url);
    if (owner !== undefined) {
      problemAt(
        problems,
        page.file,
        'url-collision',
        at,
        `${how}, which belongs to ${owner}; the page would replace it. Choose another permalink, such as /${page.file.slice('content/'.length, -'.md'.length).replace(/\/index$/, '')}-page/.`,
      );
      continue;
    }
    const key = (page.url.endsWith('/') ? `${page.url}index.html` : page.url).toLowerCase();
    const other = taken.get(key);
    if (other) {
      problemAt(
        problems,
        page.file,
        'url-collision',
        at,
        `${how}, the URL of ${other.file} too; one would overwrite the other. Give one of them another permalink.`,
      );
    } else taken.set(key, page);
  }
  return problems;
}
