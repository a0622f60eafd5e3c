// Verdicts: content/verdicts/<slug>.md, YAML front matter (read with source positions for every value, see
// yaml/source.ts) and a Markdown explanation. All field validation.
import { CORRECTION_FIELDS, MAX_LIST_ITEMS, SEED_ID_PATTERN, SLUG_PATTERN, SOURCE_FIELDS, VERDICT_FIELDS, type FieldDefinition } from './fields.ts';
import { didYouMean } from './suggest.ts';
import { MEGABYTE, readTextFile } from './text-file.ts';
import type { Correction, Position, Problem, RuleId, Severity, Source, Verdict } from '../model/types.ts';
import { isIsoDate, shown, urlProblem, urlWarning } from './values.ts';
import { parseYaml, textValue, type ParsedYaml, type YamlProblem } from './yaml/source.ts';
import type { YamlNode } from './yaml/tree.ts';
import { fieldInvisibleProblem, invisibleCodePoints, verdictInvisibleProblems } from './invisible-text.ts';

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

/** Where the front matter sits in the text, or why it cannot be read. */
export function locateFrontMatter(
  text: string,
  missing = 'a verdict must begin with front matter: a line "---", the fields (title, seed, quote, rating, sources, author, date), and another line "---".',
): { closeLine: number; closeOffset: number } | { problem: YamlProblem } {
  const at = (line: number, message: string) => ({ problem: { severity: 'error' as const, line, column: 1, message } });
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  if (!/^---[ \t]*$/.test(firstLine)) {
    return firstLine.startsWith('---')
      ? at(1, `the front matter must open with a line of exactly "---" (this one reads "${firstLine.slice(0, 40)}").`)
      : at(1, missing);
  }
  // gray-matter closes the front matter at the first line that begins with "---".
  const close = /\n---/g;
  close.lastIndex = firstLine.length;
  const found = close.exec(text);
  if (!found) return at(1, 'the front matter opened on line 1 is never closed: add a line "---" after the last field.');
  const closeLine = text.slice(0, found.index + 1).split('\n').length;
  const rest = /^[^\r\n]*/.exec(text.slice(found.index + 1))![0];
  if (!/^---[ \t]*$/.test(rest)) {
    return at(closeLine, `line ${closeLine} begins with "---", which ends the front matter, but it is not a line of exactly "---". Close the front matter with "---" on its own line.`);
  }
  return { closeLine, closeOffset: found.index + 1 };
}

/**
 * The YAML between the two "---" lines and the Markdown after them, split exactly as gray-matter (the
 * front matter reader Eleventy uses for the same files) splits them; no YAML when the block holds only
 * blank and comment lines, as gray-matter then calls no parser.
 */
export function splitFrontMatter(text: string, closeOffset: number): { yamlSource: string | undefined; body: string } {
  // From just after the opening "---" to the line break before the closing one. With CRLF endings that
  // ends in the "\r" of the last field's line, which YAML would keep in its value: dropping it moves no offset.
  const block = text.slice(3, closeOffset - 1).replace(/\r$/, '');
  let body = text.slice(closeOffset + 3);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  const empty = block.replace(/^\s*#[^\n]+/gm, '').trim() === '';
  return { yamlSource: empty ? undefined : block, body };
}

interface Reporter {
  problem(rule: RuleId, severity: Severity, position: Position, message: string): void;
}

type Shape = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'other'; described: string };

/**
 * Parses and validates one verdict's text (BOM already removed). `file` is project-relative.
 * Never throws on bad content. `fastPath: false` forces the `yaml` parser (to compare both paths).
 */
/** text-invisible errors for characters written as YAML escapes (dropped where the value is refused for another reason). */
const ESCAPED_INVISIBLE = new WeakSet<Problem>();

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
    report.problem('slug-invalid', 'error', start, `the file name "${name}" is not a safe slug (lowercase letters, digits and hyphens, starting with a letter or digit): it becomes the page's URL.${slugAdvice(slug)}`);
  }
  if (text.trim() === '') {
    report.problem('frontmatter-invalid', 'error', start, 'the file is empty. A verdict begins with front matter between two "---" lines (title, seed, quote, rating, sources, author, date), followed by the explanation.');
    return result;
  }
  const located = locateFrontMatter(text);
  if ('problem' in located) {
    report.problem('frontmatter-invalid', 'error', located.problem, located.problem.message);
    return result;
  }
  if (located.closeOffset > FRONT_MATTER_LIMIT) {
    report.problem('frontmatter-invalid', 'error', start, `the front matter is ${(located.closeOffset / MEGABYTE).toFixed(1)} MB, over the ${FRONT_MATTER_LIMIT / MEGABYTE} MB limit; it was not parsed.`);
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
    report.problem('frontmatter-invalid', 'error', yaml.yaml.positionOf(contents), `the front matter must be a map of fields ("title: ...", one per line), not ${what}.`);
    return result;
  }
  const verdict = readFields(slug, file, yaml?.ok ? yaml.yaml : undefined, report, result);
  // A value refused anyway (a URL, a seed id) needs no second error for the escape inside it.
  for (let i = problems.length - 1; i >= 0; i--) {
    const p = problems[i]!;
    if (ESCAPED_INVISIBLE.has(p) && problems.some((q) => q !== p && q.severity === 'error' && q.line === p.line && q.column === p.column)) problems.splice(i, 1);
  }
  verdict.body = body;
  verdict.bodyLine = located.closeLine + 1;
  result.verdict = verdict;
  return result;
}

function readFields(slug: string, file: string, yaml: ParsedYaml | undefined, report: Reporter, result: ParsedVerdict): Verdict {
  const { valid } = result;
  const positionOf = (node: YamlNode | null | undefined) => yaml?.positionOf(node) ?? { line: 1, column: 1 };
  const shape = (node: YamlNode | null | undefined): Shape => {
    if (node === null || node === undefined) return { kind: 'empty' };
    if (node.kind === 'seq') return { kind: 'other', described: 'a list' };
    if (node.kind === 'map') return { kind: 'other', described: 'a map' };
    if (node.value === null || node.value === '') return { kind: 'empty' };
    const text = textValue(node);
    return text === undefined ? { kind: 'other', described: 'a value of another type' } : { kind: 'text', text };
  };
  const pairsOf = (map: YamlNode | null | undefined): { name: string; key: YamlNode; value: YamlNode | null; at: Position }[] =>
    map?.kind === 'map'
      ? map.pairs.map(({ name, key, value }) => ({
          name,
          key,
          value,
          // An empty value (`claim:`) is reported at its key.
          at: positionOf(value?.kind === 'scalar' && value.value === null && value.start === value.end ? key : (value ?? key)),
        }))
      : [];

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

  const known = new Map(VERDICT_FIELDS.map((field) => [field.name, field]));
  const given = new Map<string, { value: YamlNode | null; at: Position }>();
  for (const pair of pairsOf(yaml?.contents)) {
    verdict.positions[pair.name] = pair.at;
    if (!known.has(pair.name)) {
      report.problem('field-unknown', 'warning', positionOf(pair.key), `unknown field ${shown(pair.name)}; it is ignored.${didYouMean(pair.name, known.keys())}`);
      continue;
    }
    given.set(pair.name, { value: pair.value, at: pair.at });
  }

  // Invisible characters typed into the front matter are reported where they are (verdictInvisibleProblems).
  const typed = invisibleCodePoints(yaml?.source ?? '');
  /** A text value, or undefined after reporting why there is none. */
  const text = (field: FieldDefinition | undefined, raw: YamlNode | null, at: Position, label: string, rules: { missing: RuleId; invalid: RuleId } = { missing: 'field-missing', invalid: 'field-invalid' }): string | undefined => {
    const value = shape(raw);
    if (value.kind === 'text' && value.text.trim() !== '') {
      const escaped = fieldInvisibleProblem(label.startsWith('"') ? `the field ${label}` : label, value.text, typed);
      if (escaped) {
        const problem: Problem = { file, ...at, severity: 'error', rule: 'text-invisible', message: `${escaped}.` };
        result.problems.push(problem);
        ESCAPED_INVISIBLE.add(problem);
      }
      return value.text;
    }
    if (value.kind === 'text') {
      report.problem(rules.invalid, 'error', at, `${label} contains only whitespace; write the text or remove the field.`);
    } else if (value.kind === 'other') {
      report.problem(rules.invalid, 'error', at, `${label} must be text, not ${value.described}.`);
    } else if (field?.required) {
      report.problem(rules.missing, 'error', at, `${label} is empty: ${field.description}`);
    }
    return undefined;
  };
  const date = (field: FieldDefinition | undefined, raw: YamlNode | null, at: Position, label: string): string | undefined => {
    const value = text(field, raw, at, label, { missing: 'field-missing', invalid: 'date-invalid' });
    if (value === undefined) return undefined;
    if (isIsoDate(value)) return value;
    report.problem('date-invalid', 'error', at, `${label} must be a real date written YYYY-MM-DD (for example 2024-03-01), not ${shown(value)}.`);
    return undefined;
  };
  const list = (node: YamlNode | null, at: Position, label: string, example: string): { raw: YamlNode; at: Position; index: number }[] | undefined => {
    if (node?.kind === 'seq') {
      if (node.items.length > MAX_LIST_ITEMS) {
        report.problem('field-invalid', 'error', at, `${label} has ${node.items.length} items, over the limit of ${MAX_LIST_ITEMS}; shorten the list.`);
        return undefined;
      }
      return node.items.map((item, index) => ({ raw: item, at: positionOf(item), index }));
    }
    if (shape(node).kind === 'empty') return [];
    report.problem('field-invalid', 'error', at, `${label} must be a list, for example ${example}.`);
    return undefined;
  };

  /**
   * `quote: He was #1 in polls` is the quote "He was": YAML reads " #" as the start of a comment. Legal,
   * but in a verdict almost always a value cut short, and a short quote can anchor to the wrong words.
   */
  const warnOfCutComment = (node: YamlNode | null, at: Position, label: string, value: string): void => {
    if (node?.kind !== 'scalar' || !node.plain || !yaml) return;
    const { end } = node;
    const lineEnd = yaml.source.indexOf('\n', end);
    if (!/^[ \t]+#/.test(yaml.source.slice(end, lineEnd === -1 ? undefined : lineEnd))) return;
    report.problem('field-invalid', 'warning', at, `${label} ends where " #" begins: YAML reads the rest of the line as a comment, so the value is ${shown(value)}. Put the whole value in quotes if the # belongs to it.`);
  };

  /** Puts a validated value where the Verdict keeps it. */
  const store = (name: string, value: string | string[] | boolean): void => {
    if (typeof value === 'boolean') verdict.draft = value;
    else if (Array.isArray(value)) {
      if (name === 'author') verdict.authors = value;
      else if (name === 'tags') verdict.tags = value;
      else if (name === 'redirect_from') verdict.redirectFrom = value;
    } else if (name === 'quote') verdict.selector.quote = value;
    else if (name === 'prefix') verdict.selector.prefix = value;
    else if (name === 'suffix') verdict.selector.suffix = value;
    else if (name === 'title' || name === 'seed' || name === 'claim' || name === 'rating' || name === 'date') verdict[name] = value;
    else if (name === 'claimant' || name === 'updated' || name === 'capture') verdict[name] = value;
  };

  for (const field of VERDICT_FIELDS) {
    const entry = given.get(field.name);
    if (!entry || shape(entry.value).kind === 'empty') {
      if (field.required) {
        const what = `${field.description[0]!.toLowerCase()}${field.description.slice(1)}`;
        const message = entry
          ? `required field "${field.name}" is empty; fill it in: ${what}`
          : `required field "${field.name}" is missing; add it to the front matter: ${what}`;
        report.problem('field-missing', 'error', entry?.at ?? { line: 1, column: 1 }, message);
      }
      continue;
    }
    const { value: raw, at } = entry;
    const label = `"${field.name}"`;
    let ok = true;
    const fail = () => (ok = false);
    switch (field.type) {
      case 'text': {
        const value = text(field, raw, at, label);
        if (value !== undefined) warnOfCutComment(raw, at, label, value);
        if (value === undefined) fail();
        else if (field.name === 'seed' && !SEED_ID_PATTERN.test(value)) {
          report.problem('field-invalid', 'error', at, `"seed" must be a seed id (the file name in seeds/ without ".txt"), not ${shown(value)}.`);
          fail();
        } else store(field.name, value);
        break;
      }
      case 'date': {
        const value = date(field, raw, at, label);
        if (value === undefined) fail();
        else store(field.name, value);
        break;
      }
      case 'boolean': {
        if (raw?.kind === 'scalar' && typeof raw.value === 'boolean') store(field.name, raw.value);
        else {
          report.problem('field-invalid', 'error', at, `${label} must be true or false.`);
          fail();
        }
        break;
      }
      case 'text-or-text-list':
      case 'text-list':
      case 'slug-list': {
        const single = field.type === 'text-or-text-list' && raw?.kind !== 'seq';
        const items = single ? [{ raw, at, index: -1 }] : list(raw, at, label, `${field.name}: [first, second]`);
        if (items === undefined) {
          fail();
          break;
        }
        const values: string[] = [];
        for (const item of items) {
          if (item.index >= 0) verdict.itemPositions[`${field.name}.${item.index}`] = item.at;
          const value = text({ ...field, required: true }, item.raw, item.at, item.index >= 0 ? `item ${item.index + 1} of ${label}` : label);
          if (value === undefined) fail();
          else if (field.type !== 'slug-list') values.push(value);
          else if (!SLUG_PATTERN.test(value)) {
            report.problem('field-invalid', 'error', item.at, `${label} lists old slugs (lowercase letters, digits and hyphens), not ${shown(value)}.`);
            fail();
          } else if (value === slug) {
            report.problem('field-invalid', 'error', item.at, `${label} lists this verdict's own slug "${value}"; remove it.`);
            fail();
          } else {
            values.push(value);
            result.redirectItems.push(item.index);
          }
        }
        if (field.required && items.length === 0) {
          report.problem('field-missing', 'error', at, `${label} needs at least one entry.`);
          fail();
        }
        store(field.name, values);
        break;
      }
      case 'source-list': {
        const items = list(raw, at, label, 'sources: [{title: ..., url: https://...}]');
        if (items === undefined) {
          fail();
          break;
        }
        if (items.length === 0) {
          report.problem('field-missing', 'error', at, `${label} needs at least one source: {title, url} or {seed: <id>}.`);
          fail();
        }
        for (const item of items) {
          const source = readSource(item.raw, item.index, item.at);
          if (source) {
            verdict.sources.push(source);
            result.sourceItems.push(item.index);
          } else fail();
        }
        break;
      }
      case 'correction-list': {
        const items = list(raw, at, label, 'corrections: [{date: 2024-03-01, note: ...}]');
        if (items === undefined) {
          fail();
          break;
        }
        for (const item of items) {
          const correction = readCorrection(item.raw, item.index, item.at);
          if (correction) verdict.corrections.push(correction);
          else fail();
        }
        break;
      }
    }
    if (ok) valid.add(field.name);
  }

  function subFields(node: YamlNode, index: number, at: Position, listName: string, allowed: readonly FieldDefinition[]) {
    verdict.itemPositions[`${listName}.${index}`] = at;
    if (node.kind !== 'map') return undefined;
    const fields = new Map<string, { value: YamlNode | null; at: Position }>();
    for (const pair of pairsOf(node)) {
      if (!allowed.some((field) => field.name === pair.name)) {
        const names = allowed.map((field) => field.name);
        report.problem('field-unknown', 'warning', positionOf(pair.key), `unknown field ${shown(pair.name)} in ${listName} item ${index + 1}; it is ignored.${didYouMean(pair.name, names)}`);
        continue;
      }
      verdict.itemPositions[`${listName}.${index}.${pair.name}`] = pair.at;
      fields.set(pair.name, { value: pair.value, at: pair.at });
    }
    return {
      /** The entry of a field that has a non-empty value. */
      present: (name: string) => {
        const entry = fields.get(name);
        return entry && shape(entry.value).kind !== 'empty' ? entry : undefined;
      },
      has: (name: string) => fields.has(name),
    };
  }

  function readSource(raw: YamlNode, index: number, at: Position): Source | undefined {
    const label = `source ${index + 1}`;
    const fields = subFields(raw, index, at, 'sources', SOURCE_FIELDS);
    if (!fields) {
      report.problem('source-invalid', 'error', at, `${label} must be a map: {title: ..., url: https://...} or {seed: <id>}.`);
      return undefined;
    }
    let ok = true;
    const rules = { missing: 'source-invalid', invalid: 'source-invalid' } as const;
    const optional = (name: string) => {
      const entry = fields.present(name);
      if (!entry) return undefined;
      const value = text(undefined, entry.value, entry.at, `the ${name} of source ${index + 1}`, rules);
      if (value === undefined) ok = false;
      return value;
    };
    const url = (name: string) => {
      const value = optional(name);
      const problem = value === undefined ? undefined : urlProblem(value);
      const lookAlike = value === undefined || problem !== undefined ? undefined : urlWarning(value);
      if (lookAlike) report.problem('url-mixed-script', 'warning', fields.present(name)!.at, `${label}: ${lookAlike}.`);
      if (problem === undefined) return value;
      report.problem('source-invalid', 'error', fields.present(name)!.at, `${label}: ${problem}.`);
      ok = false;
      return undefined;
    };

    if (fields.has('seed')) {
      if (fields.has('url')) {
        report.problem('source-invalid', 'error', at, `${label} gives both "seed" and "url": cite either a seed or a web document.`);
        return undefined;
      }
      const seed = optional('seed');
      const title = optional('title');
      if (!fields.present('seed')) report.problem('source-invalid', 'error', at, `${label} has an empty "seed": give a seed id.`);
      else if (seed !== undefined && !SEED_ID_PATTERN.test(seed)) {
        report.problem('source-invalid', 'error', fields.present('seed')!.at, `the seed of source ${index + 1} must be a seed id (the file name in seeds/ without ".txt"), not ${shown(seed)}.`);
        ok = false;
      }
      if (!ok || seed === undefined) return undefined;
      return title === undefined ? { kind: 'seed', seed } : { kind: 'seed', seed, title };
    }

    const title = optional('title');
    if (!fields.present('title')) report.problem('source-invalid', 'error', at, `${label} has no title: give the cited document's title.`);
    const address = url('url');
    if (!fields.present('url')) {
      report.problem('source-invalid', 'error', at, `${label} has no url: give the document's absolute http(s) address, or cite a seed with {seed: <id>}.`);
    }
    const archived = url('archived');
    const publisher = optional('publisher');
    const dateEntry = fields.present('date');
    const published = dateEntry ? date(undefined, dateEntry.value, dateEntry.at, `the date of source ${index + 1}`) : undefined;
    if (dateEntry && published === undefined) ok = false;
    if (!ok || title === undefined || address === undefined) return undefined;
    return {
      kind: 'web',
      title,
      url: address,
      ...(publisher !== undefined ? { publisher } : {}),
      ...(published !== undefined ? { date: published } : {}),
      ...(archived !== undefined ? { archived } : {}),
    };
  }

  function readCorrection(raw: YamlNode, index: number, at: Position): Correction | undefined {
    const label = `correction ${index + 1}`;
    const fields = subFields(raw, index, at, 'corrections', CORRECTION_FIELDS);
    if (!fields) {
      report.problem('field-invalid', 'error', at, `${label} must be a map: {date: YYYY-MM-DD, note: ...}.`);
      return undefined;
    }
    const values: Partial<Record<'date' | 'note', string>> = {};
    for (const field of CORRECTION_FIELDS) {
      const name = field.name as 'date' | 'note';
      const entry = fields.present(name);
      if (!entry) {
        report.problem('field-missing', 'error', at, `${label} has no ${name}: ${field.description}`);
        continue;
      }
      const lower = `the ${name} of correction ${index + 1}`;
      values[name] = name === 'date' ? date(field, entry.value, entry.at, lower) : text(field, entry.value, entry.at, lower);
      // "date" comes before "corrections" in the field table, so the verdict's own date is known here.
      if (name === 'date' && values.date !== undefined && verdict.date && values.date < verdict.date) {
        report.problem('date-invalid', 'error', entry.at, `${label} is dated ${values.date}, before the verdict's "date" (${verdict.date}).`);
      }
    }
    if (values.date === undefined || values.note === undefined) return undefined;
    return { date: values.date, note: values.note };
  }

  verdict.claim ||= verdict.selector.quote;
  // Dates compare as strings in YYYY-MM-DD form.
  if (verdict.date && verdict.updated && verdict.updated < verdict.date) {
    report.problem('date-invalid', 'error', verdict.positions.updated!, `"updated" (${verdict.updated}) is before the verdict's "date" (${verdict.date}).`);
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
      problems: [{ file, line: read.line, column: read.column, severity: 'error', rule: 'frontmatter-invalid', message: `the file ${read.message}.` }],
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
