// Random mutations of valid verdict files (truncation, deleted, duplicated and swapped lines, random bytes
// and text, a wrong type in every field, huge values, YAML syntax characters), for property-based tests.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CORRECTION_FIELDS, SOURCE_FIELDS, VERDICT_FIELDS } from '../../src/content/fields.ts';

const fixture = (file: string) => fs.readFileSync(path.join(import.meta.dirname, '..', file), 'utf8');
/** Valid verdicts of the clean fixture project (test/fixtures/clean): one with every field, one minimal. */
export const BASES = [fixture('fixtures/hostile-mutations/full.md'), fixture('fixtures/hostile-mutations/minimal.md')];

const FIELD_NAMES = [...new Set([...VERDICT_FIELDS, ...SOURCE_FIELDS, ...CORRECTION_FIELDS].map((f) => f.name))];

/** Values of the wrong type or shape for any field, YAML oddities included. */
const WRONG_VALUES = [
  '',
  '[]',
  '{}',
  '[1, 2]',
  '{a: 1}',
  '[{title: x}]',
  '123',
  '-1',
  '1.5',
  '0x1F',
  'true',
  'no',
  'null',
  '~',
  '2024-13-45',
  '2024-02-30',
  '24-3-1',
  '2024-03-01T10:00:00Z',
  '!!binary aGVsbG8=',
  '*nowhere',
  '&anchor value',
  '!!js/function "x"',
  '!custom tag',
  '!!map {}',
  '!!set {a, b}',
  '|\n  block\n  text',
  '>-\n  folded',
  '"unterminated',
  "'single",
  '? complex',
  '[[[[[[]]]]]]',
  '9'.repeat(400),
  '1e400',
  '.nan',
  '-.inf',
  '"\\u0000\\u0001"',
  '"\\uD800"',
  'javascript:alert(1)',
  '%YAML 1.1',
  '---',
  '...',
  '@at',
  '`tick',
  '#comment',
  `"${'x'.repeat(20_000)}"`,
  `${'['.repeat(100)}${']'.repeat(100)}`,
  '<<: *x',
  '- a\n- b',
  '\t',
  ' \u00a0 ',
  '"\\"',
  'a: b: c',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line' | 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'wrong-value'; field: string; nth: number; value: string }
  | { kind: 'huge-line'; line: number; size: number }
  | { kind: 'yaml-char'; at: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('insert-text' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) }),
  fc.record({
    kind: fc.constant('wrong-value' as const),
    field: fc.constantFrom(...FIELD_NAMES),
    nth: fc.nat(3),
    value: fc.constantFrom(...WRONG_VALUES),
  }),
  fc.record({ kind: fc.constant('huge-line' as const), line: fc.nat(), size: fc.constantFrom(1_000, 50_000, 300_000, 1_200_000) }),
  fc.record({
    kind: fc.constant('yaml-char' as const),
    at: fc.nat(),
    char: fc.constantFrom(...':-[]{}#&*!|>\'"%@`\t\r\n\u2028\uFEFF\u0000,?'),
  }),
);

function apply(content: Buffer, m: Mutation): Buffer {
  const text = content.toString('utf8');
  const lines = text.split('\n');
  const pick = (n: number) => n % lines.length;
  const at = (n: number) => n % (content.length + 1);
  switch (m.kind) {
    case 'truncate':
      return content.subarray(0, at(m.at));
    case 'delete-line':
      lines.splice(pick(m.line), 1);
      return Buffer.from(lines.join('\n'));
    case 'duplicate-line':
      lines.splice(pick(m.line), 0, lines[pick(m.line)]!);
      return Buffer.from(lines.join('\n'));
    case 'swap-lines': {
      const [a, b] = [pick(m.a), pick(m.b)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return Buffer.from(lines.join('\n'));
    }
    case 'insert-bytes':
      return Buffer.concat([content.subarray(0, at(m.at)), m.bytes, content.subarray(at(m.at))]);
    case 'insert-text':
      return Buffer.concat([content.subarray(0, at(m.at)), Buffer.from(m.text), content.subarray(at(m.at))]);
    case 'wrong-value': {
      const pattern = new RegExp(`^(\\s*(?:- )?${m.field}:)(.*)$`);
      const found = lines.map((line, i) => (pattern.test(line) ? i : -1)).filter((i) => i >= 0);
      if (found.length === 0) return content;
      const i = found[m.nth % found.length]!;
      lines[i] = lines[i]!.replace(pattern, (_, key: string) => `${key} ${m.value}`);
      return Buffer.from(lines.join('\n'));
    }
    case 'huge-line':
      lines[pick(m.line)] += 'x'.repeat(m.size);
      return Buffer.from(lines.join('\n'));
    case 'yaml-char':
      return Buffer.concat([content.subarray(0, at(m.at)), Buffer.from(m.char), content.subarray(at(m.at))]);
  }
}

export const brokenVerdict = fc
  .record({ base: fc.constantFrom(...BASES.keys()), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
  .map(({ base, mutations }) => mutations.reduce(apply, Buffer.from(BASES[base]!)));
