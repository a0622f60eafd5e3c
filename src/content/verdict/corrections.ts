// A verdict's public corrections log: a list of {date, note}, none dated before the verdict itself.
import { CORRECTION_FIELDS } from '../fields.ts';
import type { Correction, Position } from '../../model/types.ts';
import type { YamlNode } from '../yaml/tree.ts';
import type { FieldReader, ReadField } from './field-reader.ts';

/** The list of corrections, each valid one kept. */
export const readCorrections: ReadField<Correction[]> = (reader, field, { value: raw, at }) => {
  const items = reader.list(raw, at, `"${field.name}"`, 'corrections: [{date: 2024-03-01, note: ...}]');
  if (items === undefined) return { ok: false };
  let ok = true;
  const corrections: Correction[] = [];
  for (const item of items) {
    const correction = readCorrection(reader, item.raw, item.index, item.at);
    if (correction) corrections.push(correction);
    else ok = false;
  }
  return { value: corrections, ok };
};

function readCorrection(reader: FieldReader, raw: YamlNode, index: number, at: Position): Correction | undefined {
  const label = `correction ${index + 1}`;
  const fields = reader.subFields(raw, index, at, 'corrections', CORRECTION_FIELDS);
  if (!fields) {
    reader.problem('field-invalid', 'error', at, `${label} must be a map: {date: YYYY-MM-DD, note: ...}.`);
    return undefined;
  }
  const { verdict } = reader;
  const values: Partial<Record<'date' | 'note', string>> = {};
  for (const field of CORRECTION_FIELDS) {
    const name = field.name as 'date' | 'note';
    const entry = fields.present(name);
    if (!entry) {
      reader.problem('field-missing', 'error', at, `${label} has no ${name}: ${field.description}`);
      continue;
    }
    const lower = `the ${name} of correction ${index + 1}`;
    values[name] = name === 'date' ? reader.date(field, entry.value, entry.at, lower) : reader.text(field, entry.value, entry.at, lower);
    // "date" comes before "corrections" in the field table, so the verdict's own date is known here.
    if (name === 'date' && values.date !== undefined && verdict.date && values.date < verdict.date) {
      reader.problem('date-invalid', 'error', entry.at, `${label} is dated ${values.date}, before the verdict's "date" (${verdict.date}).`);
    }
  }
  if (values.date === undefined || values.note === undefined) return undefined;
  return { date: values.date, note: values.note };
}
