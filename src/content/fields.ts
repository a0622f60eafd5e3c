// The verdict front-matter contract, in one table. The validator (verdicts.ts, with how each field is read
// in verdict/field-table.ts) and the JSON Schema generator read it; a field added here is known to both, and
// is a compile error until field-table.ts says how to read it.

/** The shape a field's value must have. */
export type FieldType =
  | 'text' // a non-empty string
  | 'url' // an absolute http(s) URL (values.ts urlProblem)
  | 'date' // 'YYYY-MM-DD' (UTC calendar date)
  | 'boolean'
  | 'text-or-text-list' // a string, or a non-empty list of strings
  | 'text-list' // a list of strings
  | 'slug-list' // a list of slugs (lowercase letters, digits, hyphens)
  | 'source-list' // a non-empty list of sources (see SOURCE_FIELDS)
  | 'correction-list'; // a list of {date, note} (see CORRECTION_FIELDS)

export interface FieldDefinition {
  name: string;
  required: boolean;
  type: FieldType;
  description: string;
}

/** Items in one list field (sources, tags...): far above any real verdict, low enough that one file cannot flood the report. */
export const MAX_LIST_ITEMS = 1000;

export const VERDICT_FIELDS = [
  { name: 'title', required: true, type: 'text', description: "The verdict's headline." },
  {
    name: 'seed',
    required: true,
    type: 'text',
    description: 'Id of the seed that carries the passage (its file name in seeds/ without .txt).',
  },
  { name: 'quote', required: true, type: 'text', description: 'The passage, as copied from the seed.' },
  { name: 'prefix', required: false, type: 'text', description: 'Text right before the passage, to pick one of several occurrences.' },
  { name: 'suffix', required: false, type: 'text', description: 'Text right after the passage, to pick one of several occurrences.' },
  { name: 'claim', required: false, type: 'text', description: 'The claim as the fact-checker restates it (defaults to the quote).' },
  { name: 'claimant', required: false, type: 'text', description: 'Who made the claim.' },
  { name: 'rating', required: true, type: 'text', description: 'A key of the rating scale (content/_data/ratings.yml).' },
  {
    name: 'sources',
    required: true,
    type: 'source-list',
    description: 'At least one source: {title, url} with optional publisher, date, archived; or {seed: <id>} to cite another seed.',
  },
  { name: 'author', required: true, type: 'text-or-text-list', description: 'Reviewing editor(s): a name or a list of names.' },
  { name: 'date', required: true, type: 'date', description: 'Publication date of the verdict, YYYY-MM-DD.' },
  {
    name: 'capture',
    required: false,
    type: 'date',
    description:
      'Date of the capture of the seed that was checked, YYYY-MM-DD (seeds/<id>@<date>.txt, or `captured:` of the first); defaults to the capture current on `date`.',
  },
  { name: 'updated', required: false, type: 'date', description: 'Date of the last substantive change, YYYY-MM-DD.' },
  { name: 'corrections', required: false, type: 'correction-list', description: 'The public corrections log: a list of {date, note}.' },
  {
    name: 'draft',
    required: false,
    type: 'boolean',
    description:
      'true keeps the verdict out of the published site (it is still checked; npm start and preview builds show it, labelled as a draft).',
  },
  { name: 'tags', required: false, type: 'text-list', description: 'A list of tags.' },
  {
    name: 'redirect_from',
    required: false,
    type: 'slug-list',
    description: 'Old slugs of this verdict whose URLs must keep working (redirects are emitted for them).',
  },
] as const satisfies readonly FieldDefinition[];

/** A field of VERDICT_FIELDS, with its name and type as literal types (verdict/field-table.ts is keyed by them). */
export type VerdictField = (typeof VERDICT_FIELDS)[number];

/** Fields of a `{title, url}` source; a `{seed}` source has `seed` and an optional `title`. */
export const SOURCE_FIELDS: readonly FieldDefinition[] = [
  { name: 'title', required: true, type: 'text', description: 'Title of the cited document (optional for a {seed} source).' },
  { name: 'url', required: true, type: 'url', description: 'Absolute http(s) URL of the document.' },
  { name: 'publisher', required: false, type: 'text', description: 'Who published the document.' },
  { name: 'date', required: false, type: 'date', description: 'Publication date of the document, YYYY-MM-DD.' },
  { name: 'archived', required: false, type: 'url', description: 'Absolute http(s) URL of an archived copy.' },
  { name: 'seed', required: false, type: 'text', description: 'Id of a seed to cite instead of a web document (then url is not given).' },
];

export const CORRECTION_FIELDS: readonly FieldDefinition[] = [
  { name: 'date', required: true, type: 'date', description: 'Date of the correction, YYYY-MM-DD.' },
  { name: 'note', required: true, type: 'text', description: 'What was corrected and why.' },
];

/** A verdict slug (file stem) and a `redirect_from` entry: safe in a URL and on any file system. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** A seed id (file stem in seeds/). */
export const SEED_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
