// A verdict's `sources`: each a web document {title, url} with optional publisher, date and archived copy,
// or another seed {seed: <id>} with an optional title.
import { SEED_ID_PATTERN, SOURCE_FIELDS } from '../fields.ts';
import type { Position, Source } from '../../model/types.ts';
import { shown, urlProblem, urlWarning } from '../values.ts';
import type { YamlNode } from '../yaml/tree.ts';
import type { FieldReader, ReadField } from './field-reader.ts';

/** The list of sources: at least one, each valid one kept with its index in `result.sourceItems`. */
export const readSources: ReadField<Source[]> = (reader, field, { value: raw, at }) => {
  const label = `"${field.name}"`;
  const items = reader.list(raw, at, label, 'sources: [{title: ..., url: https://...}]');
  if (items === undefined) return { ok: false };
  let ok = true;
  if (items.length === 0) {
    reader.problem('field-missing', 'error', at, `${label} needs at least one source: {title, url} or {seed: <id>}.`);
    ok = false;
  }
  const sources: Source[] = [];
  for (const item of items) {
    const source = readSource(reader, item.raw, item.index, item.at);
    if (source) {
      sources.push(source);
      reader.result.sourceItems.push(item.index);
    } else ok = false;
  }
  return { value: sources, ok };
};

function readSource(reader: FieldReader, raw: YamlNode, index: number, at: Position): Source | undefined {
  const label = `source ${index + 1}`;
  const fields = reader.subFields(raw, index, at, 'sources', SOURCE_FIELDS);
  if (!fields) {
    reader.problem('source-invalid', 'error', at, `${label} must be a map: {title: ..., url: https://...} or {seed: <id>}.`);
    return undefined;
  }
  let ok = true;
  const rules = { missing: 'source-invalid', invalid: 'source-invalid' } as const;
  const optional = (name: string) => {
    const entry = fields.present(name);
    if (!entry) return undefined;
    const value = reader.text(undefined, entry.value, entry.at, `the ${name} of source ${index + 1}`, rules);
    if (value === undefined) ok = false;
    return value;
  };
  const url = (name: string) => {
    const value = optional(name);
    const problem = value === undefined ? undefined : urlProblem(value);
    const lookAlike = value === undefined || problem !== undefined ? undefined : urlWarning(value);
    if (lookAlike) reader.problem('url-mixed-script', 'warning', fields.present(name)!.at, `${label}: ${lookAlike}.`);
    if (problem === undefined) return value;
    reader.problem('source-invalid', 'error', fields.present(name)!.at, `${label}: ${problem}.`);
    ok = false;
    return undefined;
  };

  if (fields.has('seed')) {
    if (fields.has('url')) {
      reader.problem('source-invalid', 'error', at, `${label} gives both "seed" and "url": cite either a seed or a web document.`);
      return undefined;
    }
    const seed = optional('seed');
    const title = optional('title');
    if (!fields.present('seed')) reader.problem('source-invalid', 'error', at, `${label} has an empty "seed": give a seed id.`);
    else if (seed !== undefined && !SEED_ID_PATTERN.test(seed)) {
      reader.problem(
        'source-invalid',
        'error',
        fields.present('seed')!.at,
        `the seed of source ${index + 1} must be a seed id (the file name in seeds/ without ".txt"), not ${shown(seed)}.`,
      );
      ok = false;
    }
    if (!ok || seed === undefined) return undefined;
    return title === undefined ? { kind: 'seed', seed } : { kind: 'seed', seed, title };
  }

  const title = optional('title');
  if (!fields.present('title')) reader.problem('source-invalid', 'error', at, `${label} has no title: give the cited document's title.`);
  const address = url('url');
  if (!fields.present('url')) {
    reader.problem(
      'source-invalid',
      'error',
      at,
      `${label} has no url: give the document's absolute http(s) address, or cite a seed with {seed: <id>}.`,
    );
  }
  const archived = url('archived');
  const publisher = optional('publisher');
  const dateEntry = fields.present('date');
  const published = dateEntry ? reader.date(undefined, dateEntry.value, dateEntry.at, `the date of source ${index + 1}`) : undefined;
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
