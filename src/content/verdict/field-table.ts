// For every field of the front-matter contract (VERDICT_FIELDS in ../fields.ts): how its value is read and
// validated, and where the Verdict keeps it. The table is keyed by the contract's field names and typed by
// its field types, so a field without an entry, an entry for no field, a reader of the wrong kind of value
// or a property of the wrong type does not compile.
import type { FieldType, VerdictField } from '../fields.ts';
import type { Correction, Source, Verdict } from '../../model/types.ts';
import type { ReadField } from './field-reader.ts';
import { readBoolean, readDate, readSeedId, readSlugList, readText, readTextList, readTextOrTextList } from './field-values.ts';
import { readSources } from './sources.ts';
import { readCorrections } from './corrections.ts';

/** The value each type of field is read into. */
type FieldValue<T extends FieldType> = {
  text: string;
  url: string;
  date: string;
  boolean: boolean;
  'text-or-text-list': string[];
  'text-list': string[];
  'slug-list': string[];
  'source-list': Source[];
  'correction-list': Correction[];
}[T];

export interface FieldEntry<T> {
  read: ReadField<T>;
  /** Puts a read value where the Verdict keeps it. */
  fill(verdict: Verdict, value: T): void;
}

export const VERDICT_FIELD_TABLE: { [F in VerdictField as F['name']]: FieldEntry<FieldValue<F['type']>> } = {
  title: { read: readText, fill: (verdict, value) => (verdict.title = value) },
  seed: { read: readSeedId, fill: (verdict, value) => (verdict.seed = value) },
  quote: { read: readText, fill: (verdict, value) => (verdict.selector.quote = value) },
  prefix: { read: readText, fill: (verdict, value) => (verdict.selector.prefix = value) },
  suffix: { read: readText, fill: (verdict, value) => (verdict.selector.suffix = value) },
  claim: { read: readText, fill: (verdict, value) => (verdict.claim = value) },
  claimant: { read: readText, fill: (verdict, value) => (verdict.claimant = value) },
  rating: { read: readText, fill: (verdict, value) => (verdict.rating = value) },
  sources: { read: readSources, fill: (verdict, value) => (verdict.sources = value) },
  author: { read: readTextOrTextList, fill: (verdict, value) => (verdict.authors = value) },
  date: { read: readDate, fill: (verdict, value) => (verdict.date = value) },
  capture: { read: readDate, fill: (verdict, value) => (verdict.capture = value) },
  updated: { read: readDate, fill: (verdict, value) => (verdict.updated = value) },
  corrections: { read: readCorrections, fill: (verdict, value) => (verdict.corrections = value) },
  draft: { read: readBoolean, fill: (verdict, value) => (verdict.draft = value) },
  tags: { read: readTextList, fill: (verdict, value) => (verdict.tags = value) },
  redirect_from: { read: readSlugList, fill: (verdict, value) => (verdict.redirectFrom = value) },
};
