// The JSON Schema of verdict front matter, generated from the field table (src/content/fields.ts) so the
// editor's completion and inline errors and the validator can never disagree about a field.
// docs/verdict.schema.json is this module's output; test/schema-in-step.test.ts keeps it current.
import { CORRECTION_FIELDS, MAX_LIST_ITEMS, SEED_ID_PATTERN, SLUG_PATTERN, SOURCE_FIELDS, VERDICT_FIELDS } from './fields.ts';
import type { FieldDefinition, FieldType } from './fields.ts';
import { HTTP_URL_PATTERN } from './values.ts';

/** Where the generated schema lives, project-relative; scaffolded verdicts point at it. */
export const SCHEMA_FILE = 'docs/verdict.schema.json';
/** The line `npm run new` writes into front matter (relative to content/verdicts/). */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../../docs/verdict.schema.json';
/** How to regenerate SCHEMA_FILE after changing src/content/fields.ts or the rating scale. */
export const SCHEMA_COMMAND = 'npx tsx src/cli/schema.ts';

type JsonSchema = Record<string, unknown>;

// The validator reads a number or boolean written where text is expected as the text it is (`title: 1984`).
const text: JsonSchema = { type: ['string', 'number', 'boolean'], pattern: '\\S' };

function objectOf(fields: readonly FieldDefinition[], extra: Record<string, JsonSchema> = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.name] = { description: field.description, ...schemaOf(field.type), ...extra[field.name] };
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

// A source is either a web document or another seed: the `seed` field is what tells them apart.
const webSource = objectOf(SOURCE_FIELDS.filter((f) => f.name !== 'seed'));
const seedSource = objectOf(
  SOURCE_FIELDS.filter((f) => f.name === 'seed' || f.name === 'title').map((f) => ({ ...f, required: f.name === 'seed' })),
  { seed: { pattern: SEED_ID_PATTERN.source } },
);

/** A list field: at most MAX_LIST_ITEMS items, as the validator enforces. */
const list = (items: JsonSchema, minItems = 0): JsonSchema => ({
  type: 'array',
  items,
  ...(minItems > 0 ? { minItems } : {}),
  maxItems: MAX_LIST_ITEMS,
});

function schemaOf(type: FieldType): JsonSchema {
  switch (type) {
    case 'text':
      return text;
    case 'url':
      return { type: 'string', pattern: HTTP_URL_PATTERN.source };
    case 'date':
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'boolean':
      return { type: 'boolean' };
    case 'text-or-text-list':
      return { anyOf: [text, list(text, 1)] };
    case 'text-list':
      return list(text);
    case 'slug-list':
      return list({ type: 'string', pattern: SLUG_PATTERN.source });
    case 'source-list':
      return list({ anyOf: [webSource, seedSource] }, 1);
    case 'correction-list':
      return list(objectOf(CORRECTION_FIELDS));
  }
}

/** The schema for `content/verdicts/*.md` front matter; `ratingKeys` (the scale, best first) become the rating's enum. */
export function verdictSchema(ratingKeys: readonly string[]): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'verdict.schema.json',
    title: 'Fact-check verdict front matter',
    description: `Generated from src/content/fields.ts and the rating scale by \`${SCHEMA_COMMAND}\`; do not edit by hand.`,
    ...objectOf(VERDICT_FIELDS, {
      seed: { pattern: SEED_ID_PATTERN.source },
      rating: ratingKeys.length > 0 ? { enum: [...ratingKeys] } : {},
    }),
  };
}

/** The file's exact bytes: stable key order, two-space indent, trailing newline. */
export function schemaText(ratingKeys: readonly string[]): string {
  return JSON.stringify(verdictSchema(ratingKeys), null, 2) + '\n';
}
