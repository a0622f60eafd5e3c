// Site metadata: content/_data/site.json, validated with a position for every problem like any other
// content file, so `npm run check` refuses what the build would choke on (a language tag that becomes a
// file name in the search index, a URL that is not http(s)). The build reads the same settings.
import type { Position, Problem, RuleId } from '../model/types.ts';
import { readTextFile, MEGABYTE } from './text-file.ts';
import { shown, urlProblem } from './values.ts';
import { parseYaml } from './yaml/source.ts';
import type { YamlMap, YamlNode } from './yaml/tree.ts';

export const SITE_FILE = 'content/_data/site.json';

/**
 * A language tag becomes part of file names in Pagefind's index; Pagefind 1.5.2 panics on tags of 31
 * characters or more. Real tags are far shorter ("sr-Latn-RS", "ca-ES-valencia").
 */
export const MAX_LANGUAGE_LENGTH = 24;

/** site.json as written: the organisation's URL is left out when the file gives none. */
export interface SiteSettings {
  title: string;
  description: string;
  /** Absolute http(s) origin + path of the published site, without a trailing slash or the path prefix. */
  url: string;
  /** A canonical BCP 47 language tag. */
  language: string;
  organisation: { name: string; url?: string; logo?: string };
  /** The sentence every page shows under its header (e.g. that the content is a sample). */
  notice: string;
  /** Absolute http(s) URL of the licence of the site's structured data (the DataFeed's sdLicense); none is claimed without it. */
  license?: string;
}

const FIELDS = ['title', 'description', 'url', 'language', 'organisation', 'notice', 'license'] as const;
const ORGANISATION_FIELDS = ['name', 'url', 'logo'] as const;

/** Why `value` is not a usable language tag, or undefined when it is one. */
export function languageProblem(value: string): string | undefined {
  if (value.length > MAX_LANGUAGE_LENGTH) {
    return `the language tag ${shown(value)} is ${value.length} characters long, over the limit of ${MAX_LANGUAGE_LENGTH}; use a BCP 47 tag such as "en" or "pt-BR"`;
  }
  try {
    Intl.getCanonicalLocales(value);
    return undefined;
  } catch {
    return `${shown(value)} is not a BCP 47 language tag; use one such as "en", "uk" or "pt-BR"`;
  }
}

/** The canonical spelling of a valid tag ("EN-gb" -> "en-GB"). */
export function canonicalLanguage(value: string): string {
  return Intl.getCanonicalLocales(value)[0] ?? value;
}

export interface LoadedSiteSettings {
  /** Undefined when the file is missing or unusable as a whole; a valid field of a broken file is still read. */
  settings?: SiteSettings;
  problems: Problem[];
  /** Whether the project has its own site.json. */
  present: boolean;
}

/** JSON.parse's "at position N" (Node 20) or "(line L column C)" (Node 22) as a position in `text`. */
function jsonErrorPosition(text: string, message: string): Position {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Reads and validates the project's site.json (`root` is the project folder). Never throws; a project
 * without one builds with the tool's own (`present: false`).
 */
export function loadSiteSettings(root: string, file = SITE_FILE): LoadedSiteSettings {
  const problems: Problem[] = [];
  const problem = (position: Position, message: string, rule: RuleId = 'site-invalid', severity: Problem['severity'] = 'error') =>
    problems.push({ file, line: position.line, column: position.column, severity, rule, message });
  const start = { line: 1, column: 1 };
  const read = readTextFile(`${root}/${file}`, MEGABYTE);
  if (!read.ok) {
    if (/\(ENOENT\)/.test(read.message)) return { problems, present: false };
    problem({ line: read.line, column: read.column }, `${file} ${read.message}.`);
    return { problems, present: true };
  }
  try {
    JSON.parse(read.text);
  } catch (error) {
    const message = (error as Error).message;
    problem(
      jsonErrorPosition(read.text, message),
      `${file} is not valid JSON (${message.replace(/^[^:]*JSON[^:]*: /, '')}); check for a missing comma or quote.`,
    );
    return { problems, present: true };
  }
  // JSON is YAML: the YAML reader gives every value its position.
  const parsed = parseYaml(read.text);
  const contents = parsed.ok ? parsed.yaml.contents : null;
  if (!parsed.ok || contents?.kind !== 'map') {
    problem(
      start,
      `${file} must hold one JSON object: {"title": …, "description": …, "url": …, "language": …, "organisation": {"name": …}, "notice": …}.`,
    );
    return { problems, present: true };
  }
  const positionOf = (node: YamlNode | null | undefined) => parsed.yaml.positionOf(node);

  const fieldsOf = (map: YamlMap, known: readonly string[], where: string): Map<string, YamlNode | null> => {
    const fields = new Map<string, YamlNode | null>();
    for (const pair of map.pairs) {
      if (!known.includes(pair.name)) {
        problem(
          positionOf(pair.key),
          `unknown field ${shown(pair.name)} in ${where}; it is ignored. Known fields: ${known.join(', ')}.`,
          'field-unknown',
          'warning',
        );
        continue;
      }
      fields.set(pair.name, pair.value);
    }
    return fields;
  };
  const text = (fields: Map<string, YamlNode | null>, name: string, label: string, required: boolean, at: Position): string | undefined => {
    const node = fields.get(name);
    const value = node?.kind === 'scalar' ? node.value : node;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) problem(node ? positionOf(node) : at, `${label} is missing or empty; it must be a non-empty string.`);
      return undefined;
    }
    if (typeof value !== 'string') {
      problem(positionOf(node), `${label} must be a string in double quotes.`);
      return undefined;
    }
    return value;
  };
  const url = (fields: Map<string, YamlNode | null>, name: string, label: string, required: boolean, at: Position): string | undefined => {
    const value = text(fields, name, label, required, at);
    if (value === undefined) return undefined;
    const bad = urlProblem(value);
    if (bad) {
      problem(positionOf(fields.get(name)), `${label}: ${bad}.`);
      return undefined;
    }
    return value;
  };

  const fields = fieldsOf(contents, FIELDS, file);
  const title = text(fields, 'title', '"title"', true, start);
  const description = text(fields, 'description', '"description"', true, start);
  const notice = text(fields, 'notice', '"notice"', true, start);
  const siteUrl = url(fields, 'url', '"url"', true, start)?.replace(/\/+$/, '');
  // Optional (English by default), but a language given must be a tag.
  let language = text(fields, 'language', '"language"', fields.has('language'), start) ?? 'en';
  const badLanguage = languageProblem(language);
  if (badLanguage) {
    problem(
      positionOf(fields.get('language')),
      `"language": ${badLanguage}. It is the pages' lang attribute and names files of the search index.`,
    );
    language = 'en';
  } else language = canonicalLanguage(language);

  const license = url(fields, 'license', '"license"', false, start);
  let organisation: SiteSettings['organisation'] | undefined;
  const orgNode = fields.get('organisation');
  if (orgNode?.kind !== 'map') {
    problem(
      orgNode ? positionOf(orgNode) : start,
      `"organisation" must be an object with a "name" (and optionally "url", "logo"): the publisher named in ClaimReview.`,
    );
  } else {
    const org = fieldsOf(orgNode, ORGANISATION_FIELDS, '"organisation"');
    const at = positionOf(orgNode);
    const name = text(org, 'name', '"organisation.name"', true, at);
    const orgUrl = url(org, 'url', '"organisation.url"', false, at);
    const logo = url(org, 'logo', '"organisation.logo"', false, at);
    if (name !== undefined) organisation = { name, ...(orgUrl ? { url: orgUrl } : {}), ...(logo ? { logo } : {}) };
  }
  if (title === undefined || description === undefined || notice === undefined || siteUrl === undefined || organisation === undefined) {
    return { problems, present: true };
  }
  return {
    settings: { title, description, url: siteUrl, language, organisation, notice, ...(license ? { license } : {}) },
    problems,
    present: true,
  };
}
