// Verdicts: content/verdicts/<slug>.md, YAML front matter (read with source positions for every value, see
// yaml/source.ts) and a Markdown explanation. The file, its front matter and the order of its fields here;
// how each field is read, in verdict/ (field-table.ts says which reader and which property of the Verdict).
import { SLUG_PATTERN, VERDICT_FIELDS, type VerdictField } from './fields.ts';
import { locateFrontMatter, splitFrontMatter } from './front-matter.ts';
import { didYouMean } from './suggest.ts';
import { MEGABYTE, readTextFile } from './text-file.ts';
import type { Position, Problem, Verdict } from '../model/types.ts';
import { shown } from './values.ts';
import { parseYaml, type ParsedYaml } from './yaml/source.ts';
import { verdictInvisibleProblems } from './invisible-text.ts';
import { ESCAPED_INVISIBLE, FieldReader, type GivenField, type Reporter } from './verdict/field-reader.ts';
import { VERDICT_FIELD_TABLE, type FieldEntry } from './verdict/field-table.ts';

export const VERDICTS_DIR = 'content/verdicts';
export const VERDICT_SIZE_LIMIT = 4 * MEGABYTE;
export const FRONT_MATTER_LIMIT = MEGABYTE;

export interface ParsedVerdict {
  /** Present whenever the front matter is a map; invalid fields then hold empty defaults. */
  verdict?: Verdict;
  problems: Problem[];
  /** Fields that passed validation (the model anchors only verdicts whose seed and quote did). */
  valid: Set<string>;
  /** The file name is a safe slug (only such verdicts become pages). */
  slugValid: boolean;
  /** For each entry of `verdict.sources` / `verdict.redirectFrom`: its index in the file's list (invalid items are left out). */
  sourceItems: number[];
  redirectItems: number[];
}

function slugAdvice(stem: string): string {
  const suggestion = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SLUG_PATTERN.test(suggestion) ? ` Rename it to ${VERDICTS_DIR}/${suggestion}.md.` : '';
}

/**
 * Parses and validates one verdict's text (BOM already removed). `file` is project-relative.
 * Never throws on bad content. `fastPath: false` forces the `yaml` parser (to compare both paths).
 */
export function parseVerdict(file: string, source: string, { fastPath = true } = {}): ParsedVerdict {
  const text = source.replace(/^\uFEFF/, '');
  const problems: Problem[] = [];
  const valid = new Set<string>();
  const result: ParsedVerdict = { problems, valid, slugValid: true, sourceItems: [], redirectItems: [] };
  const report: Reporter = {
    problem: (rule, severity, { line, column }, message) => problems.push({ file, line, column, severity, rule, message }),
  };
  const start: Position = { line: 1, column: 1 };
  // Controls and bidi controls typed into the file (invisible-text.ts); those written as YAML escapes are found per field.
  problems.push(...verdictInvisibleProblems(file, text));
  const name = file.slice(file.lastIndexOf('/') + 1);
  const slug = name.replace(/\.md$/i, '');
  if (!SLUG_PATTERN.test(slug) || !name.endsWith('.md')) {
    result.slugValid = false;
    report.problem(
      'slug-invalid',
      'error',
      start,
      `the file name "${name}" is not a safe slug (lowercase letters, digits and hyphens, starting with a letter or digit): it becomes the page's URL.${slugAdvice(slug)}`,
    );
  }
  if (text.trim() === '') {
    report.problem(
      'frontmatter-invalid',
      'error',
      start,
      'the file is empty. A verdict begins with front matter between two "---" lines (title, seed, quote, rating, sources, author, date), followed by the explanation.',
    );
    return result;
  }
  const located = locateFrontMatter(text);
  if ('problem' in located) {
    report.problem('frontmatter-invalid', 'error', located.problem, located.problem.message);
    return result;
  }
  if (located.closeOffset > FRONT_MATTER_LIMIT) {
    report.problem(
      'frontmatter-invalid',
      'error',
      start,
      `the front matter is ${(located.closeOffset / MEGABYTE).toFixed(1)} MB, over the ${FRONT_MATTER_LIMIT / MEGABYTE} MB limit; it was not parsed.`,
    );
    return result;
  }
  const { yamlSource, body } = splitFrontMatter(text, located.closeOffset);
  const yaml = yamlSource === undefined ? undefined : parseYaml(yamlSource, { fastPath });
  if (yaml && !yaml.ok) {
    report.problem('frontmatter-invalid', 'error', yaml.problem, `${yaml.problem.message}.`);
    return result;
  }
  for (const warning of yaml?.yaml.warnings ?? []) report.problem('frontmatter-invalid', 'warning', warning, `${warning.message}.`);

  const contents = yaml?.yaml.contents;
  if (contents && contents.kind !== 'map') {
    const what = contents.kind === 'seq' ? 'a list' : 'a single value';
    report.problem(
      'frontmatter-invalid',
      'error',
      yaml.yaml.positionOf(contents),
      `the front matter must be a map of fields ("title: ...", one per line), not ${what}.`,
    );
    return result;
  }
  const verdict = readFields(slug, file, yaml?.ok ? yaml.yaml : undefined, report, result);
  // A value refused anyway (a URL, a seed id) needs no second error for the escape inside it.
  for (let i = problems.length - 1; i >= 0; i--) {
    const p = problems[i]!;
    if (ESCAPED_INVISIBLE.has(p) && problems.some((q) => q !== p && q.severity === 'error' && q.line === p.line && q.column === p.column))
      problems.splice(i, 1);
  }
  verdict.body = body;
  verdict.bodyLine = located.closeLine + 1;
  result.verdict = verdict;
  return result;
}

function readFields(slug: string, file: string, yaml: ParsedYaml | undefined, report: Reporter, result: ParsedVerdict): Verdict {
  const verdict: Verdict = {
    slug,
    file,
    title: '',
    seed: '',
    selector: { quote: '' },
    claim: '',
    rating: '',
    sources: [],
    authors: [],
    date: '',
    corrections: [],
    draft: false,
    tags: [],
    redirectFrom: [],
    body: '',
    bodyLine: 1,
    positions: {},
    itemPositions: {},
    appearances: [],
  };
  const reader = new FieldReader(file, yaml, report, result, verdict);

  const known = new Map<string, VerdictField>(VERDICT_FIELDS.map((field) => [field.name, field]));
  const given = new Map<string, GivenField>();
  for (const pair of reader.pairsOf(yaml?.contents)) {
    verdict.positions[pair.name] = pair.at;
    if (!known.has(pair.name)) {
      report.problem(
        'field-unknown',
        'warning',
        reader.positionOf(pair.key),
        `unknown field ${shown(pair.name)}; it is ignored.${didYouMean(pair.name, known.keys())}`,
      );
      continue;
    }
    given.set(pair.name, { value: pair.value, at: pair.at });
  }

  // In the contract's order: corrections are checked against the verdict's "date", read before them.
  for (const field of VERDICT_FIELDS) {
    const entry = given.get(field.name);
    if (!entry || reader.shape(entry.value).kind === 'empty') {
      if (field.required) {
        const what = `${field.description[0]!.toLowerCase()}${field.description.slice(1)}`;
        const message = entry
          ? `required field "${field.name}" is empty; fill it in: ${what}`
          : `required field "${field.name}" is missing; add it to the front matter: ${what}`;
        report.problem('field-missing', 'error', entry?.at ?? { line: 1, column: 1 }, message);
      }
      continue;
    }
    // Each entry reads and fills its own type of value; seen through `unknown`, they can share this loop.
    const reading: FieldEntry<unknown> = VERDICT_FIELD_TABLE[field.name];
    const { value, ok } = reading.read(reader, field, entry);
    if (value !== undefined) reading.fill(verdict, value);
    if (ok) result.valid.add(field.name);
  }

  verdict.claim ||= verdict.selector.quote;
  // Dates compare as strings in YYYY-MM-DD form.
  if (verdict.date && verdict.updated && verdict.updated < verdict.date) {
    report.problem(
      'date-invalid',
      'error',
      verdict.positions.updated!,
      `"updated" (${verdict.updated}) is before the verdict's "date" (${verdict.date}).`,
    );
  }
  return verdict;
}

/** Earlier parses by project-relative path, reused while the file's text is unchanged (watch mode). */
export type ParseCache = Map<string, { text: string; parsed: ParsedVerdict }>;

/** Reads and parses one verdict file (project-relative path). */
export function loadVerdict(root: string, file: string, cache?: ParseCache): ParsedVerdict {
  const read = readTextFile(`${root}/${file}`, VERDICT_SIZE_LIMIT);
  if (!read.ok) {
    return {
      problems: [
        {
          file,
          line: read.line,
          column: read.column,
          severity: 'error',
          rule: 'frontmatter-invalid',
          message: `the file ${read.message}.`,
        },
      ],
      valid: new Set(),
      slugValid: false,
      sourceItems: [],
      redirectItems: [],
    };
  }
  const cached = cache?.get(file);
  if (cached?.text === read.text) return cached.parsed;
  const parsed = parseVerdict(file, read.text);
  cache?.set(file, { text: read.text, parsed });
  return parsed;
}
