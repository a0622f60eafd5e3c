// Seeds: the source documents, `seeds/<id>.txt` with optional `seeds/<id>.yml` metadata. Read-only.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isCaptureFile } from './captures.ts';
import { SEED_ID_PATTERN } from './fields.ts';
import { invisibleInValue, invisibleTextProblems } from './invisible-text.ts';
import { didYouMean } from './suggest.ts';
import { MEGABYTE, readTextFile } from './text-file.ts';
import type { Position, Problem, Seed, SeedMeta, Span } from '../model/types.ts';
import { isIsoDate, shown, urlProblem, urlWarning } from './values.ts';
import { canonicalLanguage, languageProblem } from './site-settings.ts';
import { parseYaml } from './yaml/source.ts';
import { readableTitle } from './seed-title.ts';

export const SEED_SIZE_LIMIT = 64 * MEGABYTE;
/** Far more lines than any article or report has; a seed of millions of tiny lines would cost gigabytes in per-line work. */
export const SEED_LINE_LIMIT = 1_000_000;
const META_SIZE_LIMIT = MEGABYTE;

export interface LoadedSeeds {
  /** Sorted by id. */
  seeds: Seed[];
  problems: Problem[];
  /** Ids of seed files that exist but could not be loaded (each has an error in `problems`). */
  rejected: string[];
  /** Every file looked at (for the summary line). */
  files: string[];
}

const META_FIELDS = ['title', 'outlet', 'url', 'published', 'language', 'archived', 'captured'] as const;

/** Non-blank lines as [start, end) spans; CRLF, LF and a lone CR all end a line (as in lines.ts). */
export function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    if (/\S/.test(text.slice(start, end))) spans.push({ start, end });
    if (!match) return spans;
    start = match.index + match[0].length;
  }
}

/**
 * The 1-based number of the paragraph (`seed.paragraphs`: its non-blank lines, as its page shows them) that holds
 * `offset`, or of the first one after it when the offset is in the blank space between two; undefined past the last.
 * Readers are told where a passage is by paragraph; line numbers are for editors.
 */
export function paragraphNumber(seed: Pick<Seed, 'paragraphs'>, offset: number): number | undefined {
  const { paragraphs } = seed;
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < paragraphs.length ? lo + 1 : undefined;
}

/** Lines as lines.ts counts them: CRLF, LF and a lone CR each end one. */
function lineCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

function suggestedId(stem: string): string {
  const cleaned = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+/, '');
  return SEED_ID_PATTERN.test(cleaned) ? ` (for example seeds/${cleaned}.txt)` : '';
}

function loadMeta(root: string, file: string, problems: Problem[], positions: Record<string, Position> = {}): SeedMeta {
  const problem = (severity: Problem['severity'], rule: Problem['rule'], message: string, line = 1, column = 1) =>
    problems.push({ file, line, column, severity, rule, message });
  const read = readTextFile(join(root, file), META_SIZE_LIMIT);
  if (!read.ok) {
    problem('error', 'seed-invalid', `seed metadata ${file} ${read.message}.`, read.line, read.column);
    return {};
  }
  if (read.text.trim() === '') return {};
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    problem('error', 'seed-invalid', `${parsed.problem.message}.`, parsed.problem.line, parsed.problem.column);
    return {};
  }
  const { contents, positionOf } = parsed.yaml;
  if (contents?.kind !== 'map') {
    const { line, column } = positionOf(contents);
    problem('error', 'seed-invalid', `seed metadata must be a map of fields (${META_FIELDS.join(', ')}).`, line, column);
    return {};
  }
  const meta: SeedMeta = {};
  for (const pair of contents.pairs) {
    const key = pair.name;
    const { line, column } = positionOf(pair.value ?? pair.key);
    const value = pair.value?.kind === 'scalar' ? pair.value.value : pair.value;
    if (!(META_FIELDS as readonly string[]).includes(key)) {
      problem(
        'warning',
        'field-unknown',
        `unknown seed metadata field ${shown(key)}.${didYouMean(key, META_FIELDS)} Known fields: ${META_FIELDS.join(', ')}.`,
        line,
        column,
      );
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    if (typeof value !== 'string') {
      problem('error', 'seed-invalid', `seed metadata field "${key}" must be text; put the value in quotes.`, line, column);
      continue;
    }
    const field = key as (typeof META_FIELDS)[number];
    // (URLs have their own, stricter check below.)
    const hidden = field === 'url' || field === 'archived' ? undefined : invisibleInValue(value);
    if (hidden) {
      problem(
        'error',
        'seed-invalid',
        `seed metadata field "${key}" contains ${hidden}, an invisible control or bidi control; remove it.`,
        line,
        column,
      );
      continue;
    }
    const badUrl = field === 'url' || field === 'archived' ? urlProblem(value) : undefined;
    if (badUrl) {
      problem('error', 'seed-invalid', `seed metadata field "${key}": ${badUrl}.`, line, column);
      continue;
    }
    const lookAlike = field === 'url' || field === 'archived' ? urlWarning(value) : undefined;
    if (lookAlike) problem('warning', 'url-mixed-script', `seed metadata field "${key}": ${lookAlike}.`, line, column);
    const badLanguage = field === 'language' ? languageProblem(value) : undefined;
    if (badLanguage) {
      problem(
        'error',
        'seed-invalid',
        `seed metadata field "language": ${badLanguage}. It becomes the lang attribute of the seed's text.`,
        line,
        column,
      );
      continue;
    }
    if ((field === 'published' || field === 'captured') && !isIsoDate(value)) {
      problem(
        'error',
        'date-invalid',
        `seed metadata field "${field}" must be a date written YYYY-MM-DD, not ${shown(value)}.`,
        line,
        column,
      );
      continue;
    }
    meta[field] = field === 'language' ? canonicalLanguage(value) : value;
    positions[field] = { line, column };
  }
  return meta;
}

/** Reads every seed. Never writes, never throws on bad content (problems instead). */
export function loadSeeds(root: string): LoadedSeeds {
  const seeds: Seed[] = [];
  const problems: Problem[] = [];
  const rejected: string[] = [];
  const files: string[] = [];
  const names = readdirSync(join(root, 'seeds')).sort();
  const nameSet = new Set(names);
  const seenLowercase = new Map<string, string>();

  for (const name of names) {
    if (!name.endsWith('.txt') || isCaptureFile(name)) continue; // later captures: captures.ts
    const file = `seeds/${name}`;
    files.push(file);
    const id = name.slice(0, -'.txt'.length);
    const problem = (message: string, line = 1, column = 1) =>
      problems.push({ file, line, column, severity: 'error', rule: 'seed-invalid', message });
    if (!SEED_ID_PATTERN.test(id)) {
      problem(
        `seed id "${id}" is not allowed: ids are letters, digits, "_" and "-", starting with a letter or digit. Rename the file${suggestedId(id)}; it was skipped.`,
      );
      rejected.push(id);
      continue;
    }
    const clash = seenLowercase.get(id.toLowerCase());
    if (clash !== undefined) {
      problem(
        `seed id "${id}" differs from "${clash}" only in letter case; the two files collide on case-insensitive file systems. Rename one of them.`,
      );
    } else {
      seenLowercase.set(id.toLowerCase(), id);
    }
    const read = readTextFile(join(root, file), SEED_SIZE_LIMIT);
    if (!read.ok) {
      problem(`seed ${file} ${read.message}.`, read.line, read.column);
      rejected.push(id);
      continue;
    }
    const lines = lineCount(read.text);
    if (lines > SEED_LINE_LIMIT) {
      problem(
        `seed ${file} has ${lines} lines, over the limit of ${SEED_LINE_LIMIT} lines; it was skipped. A seed is one document's text: split it into several seeds.`,
      );
      rejected.push(id);
      continue;
    }
    if (read.text.trim() === '') {
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'seed-invalid',
        message: `seed ${file} is empty; no quote can be found in it.`,
      });
    }
    const metaName = `${id}.yml`;
    const metaFile = nameSet.has(metaName) ? `seeds/${metaName}` : undefined;
    const metaPositions: Record<string, Position> = {};
    const meta = metaFile ? loadMeta(root, metaFile, problems, metaPositions) : {};
    const seed: Seed = {
      id,
      file,
      text: read.text,
      sha256: createHash('sha256').update(read.bytes).digest('hex'),
      meta,
      ...readableTitle(id, read.text, meta),
      paragraphs: paragraphsOf(read.text),
    };
    if (metaFile) {
      seed.metaFile = metaFile;
      seed.metaPositions = metaPositions;
      files.push(metaFile);
    }
    seeds.push(seed);
    problems.push(...invisibleTextProblems(seed));
  }

  for (const name of names) {
    if (!name.endsWith('.yml') && !name.endsWith('.yaml')) continue;
    const stem = name.replace(/\.ya?ml$/, '');
    if (name.endsWith('.yml') && nameSet.has(`${stem}.txt`)) continue;
    const message = name.endsWith('.yaml')
      ? `seed metadata files end in .yml: rename ${name} to ${stem}.yml.`
      : `metadata file for a seed that does not exist (no seeds/${stem}.txt); it is ignored.`;
    problems.push({ file: `seeds/${name}`, line: 1, column: 1, severity: 'warning', rule: 'seed-invalid', message });
  }
  // File-name order is not id order: "a-b.txt" sorts before "a.txt", but id "a" before "a-b".
  seeds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { seeds, problems, rejected, files };
}
