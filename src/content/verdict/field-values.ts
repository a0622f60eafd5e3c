// How the verdict's plain fields are read: text (a seed id among them), dates, true/false and lists of text.
import { SEED_ID_PATTERN, SLUG_PATTERN, type FieldDefinition } from '../fields.ts';
import { shown } from '../values.ts';
import type { Position } from '../../model/types.ts';
import type { YamlNode } from '../yaml/tree.ts';
import type { FieldReader, GivenField, Read, ReadField } from './field-reader.ts';

export const readText: ReadField<string> = (reader, field, { value: raw, at }) => {
  const label = `"${field.name}"`;
  const value = reader.text(field, raw, at, label);
  if (value === undefined) return { ok: false };
  reader.warnOfCutComment(raw, at, label, value);
  return { value, ok: true };
};

/** The id of a seed: its file name in seeds/ without ".txt". */
export const readSeedId: ReadField<string> = (reader, field, given) => {
  const read = readText(reader, field, given);
  if (read.value === undefined || SEED_ID_PATTERN.test(read.value)) return read;
  reader.problem(
    'field-invalid',
    'error',
    given.at,
    `"seed" must be a seed id (the file name in seeds/ without ".txt"), not ${shown(read.value)}.`,
  );
  return { ok: false };
};

export const readDate: ReadField<string> = (reader, field, { value: raw, at }) => {
  const value = reader.date(field, raw, at, `"${field.name}"`);
  return value === undefined ? { ok: false } : { value, ok: true };
};

export const readBoolean: ReadField<boolean> = (reader, field, { value: raw, at }) => {
  if (raw?.kind === 'scalar' && typeof raw.value === 'boolean') return { value: raw.value, ok: true };
  reader.problem('field-invalid', 'error', at, `"${field.name}" must be true or false.`);
  return { ok: false };
};

/** A list of text. */
export const readTextList: ReadField<string[]> = (reader, field, given) => readList(reader, field, given.at, listed(reader, field, given));

/** One text, or a list of them. */
export const readTextOrTextList: ReadField<string[]> = (reader, field, given) =>
  readList(
    reader,
    field,
    given.at,
    given.value?.kind === 'seq' ? listed(reader, field, given) : [{ raw: given.value, at: given.at, index: -1 }],
  );

/** Old slugs of the verdict, each kept with its index in `result.redirectItems`. */
export const readSlugList: ReadField<string[]> = (reader, field, given) =>
  readList(reader, field, given.at, listed(reader, field, given), (value, item) => {
    const label = `"${field.name}"`;
    if (!SLUG_PATTERN.test(value)) {
      reader.problem(
        'field-invalid',
        'error',
        item.at,
        `${label} lists old slugs (lowercase letters, digits and hyphens), not ${shown(value)}.`,
      );
      return false;
    }
    if (value === reader.verdict.slug) {
      reader.problem('field-invalid', 'error', item.at, `${label} lists this verdict's own slug "${value}"; remove it.`);
      return false;
    }
    reader.result.redirectItems.push(item.index);
    return true;
  });

const listed = (reader: FieldReader, field: FieldDefinition, { value, at }: GivenField) =>
  reader.list(value, at, `"${field.name}"`, `${field.name}: [first, second]`);

/**
 * The text items of a list field (undefined: it is not a list, already reported), each checked by
 * `accepts` when given; the valid ones are kept even when others are refused. An item at index -1 is
 * the one value written in place of a list.
 */
function readList(
  reader: FieldReader,
  field: FieldDefinition,
  at: Position,
  items: readonly { raw: YamlNode | null; at: Position; index: number }[] | undefined,
  accepts?: (value: string, item: { at: Position; index: number }) => boolean,
): Read<string[]> {
  if (items === undefined) return { ok: false };
  const label = `"${field.name}"`;
  let ok = true;
  const values: string[] = [];
  for (const item of items) {
    if (item.index >= 0) reader.verdict.itemPositions[`${field.name}.${item.index}`] = item.at;
    const value = reader.text(
      { ...field, required: true },
      item.raw,
      item.at,
      item.index >= 0 ? `item ${item.index + 1} of ${label}` : label,
    );
    if (value === undefined) ok = false;
    else if (!accepts || accepts(value, item)) values.push(value);
    else ok = false;
  }
  if (field.required && items.length === 0) {
    reader.problem('field-missing', 'error', at, `${label} needs at least one entry.`);
    ok = false;
  }
  return { value: values, ok };
}
