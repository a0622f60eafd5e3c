// The JSON Schema editors get completion from must say what the validator says: it is regenerated
// from the field table and compared with the committed file, every sample verdict satisfies it, and
// for a set of broken front matters the schema rejects exactly what the validator reports.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS } from '../src/content/fields.ts';
import { loadScale } from '../src/content/ratings.ts';
import { SCHEMA_COMMAND, SCHEMA_FILE, schemaText, verdictSchema } from '../src/content/schema.ts';
import { parseVerdict } from '../src/content/verdicts.ts';

const root = path.resolve(import.meta.dirname, '..');
const ratingKeys = loadScale(root).scale.levels.map((level) => level.key);
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(verdictSchema(ratingKeys));

function frontMatter(source: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error('no front matter');
  return match[1]!;
}

const samples = readdirSync(path.join(root, 'content/verdicts'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, source: readFileSync(path.join(root, 'content/verdicts', name), 'utf8') }));

describe('docs/verdict.schema.json', () => {
  it(`is what ${SCHEMA_COMMAND} generates from src/content/fields.ts and the scale (run it after changing either)`, () => {
    expect(readFileSync(path.join(root, SCHEMA_FILE), 'utf8')).toBe(schemaText(ratingKeys));
  });

  it('offers the scale keys as the rating values', () => {
    const schema = JSON.parse(readFileSync(path.join(root, SCHEMA_FILE), 'utf8')) as { properties: { rating: { enum: string[] } } };
    expect(schema.properties.rating.enum).toEqual(ratingKeys);
    expect(ratingKeys.length).toBeGreaterThan(0);
  });

  it('accepts the front matter of every sample verdict', () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
    for (const { name, source } of samples) {
      const ok = validate(parse(frontMatter(source)));
      expect(ok ? [] : validate.errors, name).toEqual([]);
    }
  });
});

const BASE = [
  'title: The council voted for a sea wall',
  'seed: alpha',
  'quote: The council voted on Tuesday',
  'rating: accurate',
  'sources:',
  '  - title: Council minutes',
  '    url: https://example.org/minutes',
  'author: Test Editor',
  'date: 2024-03-01',
];

/** Front matter lines with `key`'s line(s) replaced (null removes them), plus extra lines. */
function variant(changes: Record<string, string | null>, extra: string[] = []): string {
  const lines: string[] = [];
  for (let i = 0; i < BASE.length; i++) {
    const line = BASE[i]!;
    const key = line.slice(0, line.indexOf(':'));
    if (!(key in changes)) {
      lines.push(line);
      continue;
    }
    while (BASE[i + 1]?.startsWith('  ')) i++; // the key's nested lines go with it
    const replacement = changes[key];
    if (replacement !== null && replacement !== undefined) lines.push(replacement);
  }
  return [...lines, ...extra].join('\n');
}

/** A YAML flow list of `n` items made by `item`. */
const flowList = (n: number, item: (i: number) => string): string => `[${Array.from({ length: n }, (_, i) => item(i)).join(', ')}]`;
const source = (i: number) => `{title: Minutes ${i}, url: "https://example.org/${i}"}`;
const correction = (i: number) => `{date: 2024-03-02, note: Fix ${i}.}`;

const CASES: { name: string; yaml: string }[] = [
  { name: 'valid', yaml: variant({}) },
  {
    name: 'valid with every optional field',
    yaml: variant({}, [
      'prefix: Port Ellery',
      'suffix: to build',
      'claim: A claim',
      'claimant: The mayor',
      'updated: 2024-03-02',
      'corrections:',
      '  - date: 2024-03-02',
      '    note: Fixed a typo.',
      'draft: true',
      'tags: [council, sea]',
      'redirect_from: [old-slug]',
    ]),
  },
  { name: 'a seed source', yaml: variant({ sources: 'sources:\n  - seed: beta' }) },
  { name: 'a list of authors', yaml: variant({ author: 'author: [Ann, Bo]' }) },
  { name: 'title missing', yaml: variant({ title: null }) },
  { name: 'title empty', yaml: variant({ title: 'title:' }) },
  { name: 'title whitespace', yaml: variant({ title: "title: '   '" }) },
  { name: 'title a list', yaml: variant({ title: 'title: [a, b]' }) },
  { name: 'seed missing', yaml: variant({ seed: null }) },
  { name: 'quote missing', yaml: variant({ quote: null }) },
  { name: 'rating missing', yaml: variant({ rating: null }) },
  { name: 'sources missing', yaml: variant({ sources: null }) },
  { name: 'sources empty', yaml: variant({ sources: 'sources: []' }) },
  { name: 'source without url', yaml: variant({ sources: 'sources:\n  - title: Minutes' }) },
  { name: 'source without title', yaml: variant({ sources: 'sources:\n  - url: https://example.org/' }) },
  {
    name: 'source with an unknown field',
    yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: https://example.org/\n    link: x' }),
  },
  { name: 'author missing', yaml: variant({ author: null }) },
  { name: 'author an empty list', yaml: variant({ author: 'author: []' }) },
  { name: 'date missing', yaml: variant({ date: null }) },
  { name: 'date in words', yaml: variant({ date: 'date: 1 March 2024' }) },
  { name: 'updated in words', yaml: variant({}, ['updated: March']) },
  { name: 'draft not a boolean', yaml: variant({}, ['draft: "yes"']) },
  { name: 'tags not a list', yaml: variant({}, ['tags: council']) },
  { name: 'correction without note', yaml: variant({}, ['corrections:', '  - date: 2024-03-02']) },
  { name: 'redirect_from not a slug', yaml: variant({}, ['redirect_from: [Old_Slug]']) },
  { name: 'unknown field', yaml: variant({}, ['sorces: []']) },
  {
    name: 'source url with upper-case scheme',
    yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: HTTPS://EXAMPLE.ORG/minutes' }),
  },
  { name: 'source url javascript:', yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: "javascript:alert(1)"' }) },
  { name: 'source url relative', yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: /minutes' }) },
  { name: 'source url without host', yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: "https:///minutes"' }) },
  {
    name: 'source url with a space',
    yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: https://example.org/council minutes' }),
  },
  {
    name: 'source url with a bidi override',
    yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: "https://evil.example/\u202Egro.elpmaxe"' }),
  },
  {
    name: 'source url with a zero-width space',
    yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: "https://exa\u200Bmple.org/"' }),
  },
  { name: 'source url a number', yaml: variant({ sources: 'sources:\n  - title: Minutes\n    url: 1984' }) },
  {
    name: 'archived copy http',
    yaml: variant({
      sources: 'sources:\n  - title: Minutes\n    url: https://example.org/minutes\n    archived: http://archive.example.org/minutes',
    }),
  },
  {
    name: 'archived copy ftp:',
    yaml: variant({
      sources: 'sources:\n  - title: Minutes\n    url: https://example.org/minutes\n    archived: ftp://archive.example.org/minutes',
    }),
  },
  // Every list field, at its limit and one over it.
  { name: `${MAX_LIST_ITEMS} sources`, yaml: variant({ sources: `sources: ${flowList(MAX_LIST_ITEMS, source)}` }) },
  { name: `${MAX_LIST_ITEMS + 1} sources`, yaml: variant({ sources: `sources: ${flowList(MAX_LIST_ITEMS + 1, source)}` }) },
  { name: `${MAX_LIST_ITEMS} authors`, yaml: variant({ author: `author: ${flowList(MAX_LIST_ITEMS, (i) => `Editor ${i}`)}` }) },
  { name: `${MAX_LIST_ITEMS + 1} authors`, yaml: variant({ author: `author: ${flowList(MAX_LIST_ITEMS + 1, (i) => `Editor ${i}`)}` }) },
  { name: `${MAX_LIST_ITEMS} tags`, yaml: variant({}, [`tags: ${flowList(MAX_LIST_ITEMS, (i) => `tag-${i}`)}`]) },
  { name: `${MAX_LIST_ITEMS + 1} tags`, yaml: variant({}, [`tags: ${flowList(MAX_LIST_ITEMS + 1, (i) => `tag-${i}`)}`]) },
  { name: `${MAX_LIST_ITEMS} old slugs`, yaml: variant({}, [`redirect_from: ${flowList(MAX_LIST_ITEMS, (i) => `old-${i}`)}`]) },
  { name: `${MAX_LIST_ITEMS + 1} old slugs`, yaml: variant({}, [`redirect_from: ${flowList(MAX_LIST_ITEMS + 1, (i) => `old-${i}`)}`]) },
  {
    name: `${MAX_LIST_ITEMS} corrections`,
    yaml: variant({}, ['updated: 2024-03-02', `corrections: ${flowList(MAX_LIST_ITEMS, correction)}`]),
  },
  {
    name: `${MAX_LIST_ITEMS + 1} corrections`,
    yaml: variant({}, ['updated: 2024-03-02', `corrections: ${flowList(MAX_LIST_ITEMS + 1, correction)}`]),
  },
];

describe('the schema and the validator agree', () => {
  for (const { name, yaml } of CASES) {
    it(name, () => {
      const problems = parseVerdict('content/verdicts/sample.md', `---\n${yaml}\n---\nBody.\n`).problems.filter(
        (p) => p.rule !== 'slug-invalid',
      );
      const schemaAccepts = validate(parse(yaml));
      expect(schemaAccepts, `${name}: validator says ${JSON.stringify(problems.map((p) => p.message))}`).toBe(problems.length === 0);
    });
  }
});
