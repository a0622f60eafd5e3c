// What every field of a verdict is read with: where a YAML node sits, what shape its value has, and the
// text, date and list readers that report, at the value's position, why a value cannot be used.
import { MAX_LIST_ITEMS, type FieldDefinition } from '../fields.ts';
import { didYouMean } from '../suggest.ts';
import type { Position, Problem, RuleId, Severity, Verdict } from '../../model/types.ts';
import { isIsoDate, shown } from '../values.ts';
import { textValue, type ParsedYaml } from '../yaml/source.ts';
import type { YamlNode } from '../yaml/tree.ts';
import { fieldInvisibleProblem, invisibleCodePoints } from '../invisible-text.ts';
import type { ParsedVerdict } from '../verdicts.ts';

export interface Reporter {
  problem(rule: RuleId, severity: Severity, position: Position, message: string): void;
}

type Shape = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'other'; described: string };

/** A field as the file gives it: its value and where to report about it. */
export interface GivenField {
  value: YamlNode | null;
  at: Position;
}

/**
 * What a reader makes of a field: the value to keep, and whether the field is valid. A list keeps its
 * valid items even when others were refused; `value` is absent when there is nothing to keep.
 */
export interface Read<T> {
  value?: T;
  ok: boolean;
}

/** How one field's value is read and validated. */
export type ReadField<T> = (reader: FieldReader, field: FieldDefinition, given: GivenField) => Read<T>;

/** One item of a list field; `index` is its place in the file's list. */
export interface ListItem {
  raw: YamlNode;
  at: Position;
  index: number;
}

/** text-invisible errors for characters written as YAML escapes (dropped where the value is refused for another reason). */
export const ESCAPED_INVISIBLE = new WeakSet<Problem>();

const FIELD_RULES: { missing: RuleId; invalid: RuleId } = { missing: 'field-missing', invalid: 'field-invalid' };

/** Reads the fields of one verdict's front matter into `verdict`, reporting every problem to `report`. */
export class FieldReader {
  readonly file: string;
  readonly yaml: ParsedYaml | undefined;
  readonly result: ParsedVerdict;
  readonly verdict: Verdict;
  /** Invisible characters typed into the front matter are reported where they are (verdictInvisibleProblems). */
  readonly #typed: ReadonlySet<number>;
  readonly #report: Reporter;

  constructor(file: string, yaml: ParsedYaml | undefined, report: Reporter, result: ParsedVerdict, verdict: Verdict) {
    this.file = file;
    this.yaml = yaml;
    this.#report = report;
    this.result = result;
    this.verdict = verdict;
    this.#typed = invisibleCodePoints(yaml?.source ?? '');
  }

  problem(rule: RuleId, severity: Severity, position: Position, message: string): void {
    this.#report.problem(rule, severity, position, message);
  }

  positionOf(node: YamlNode | null | undefined): Position {
    return this.yaml?.positionOf(node) ?? { line: 1, column: 1 };
  }

  shape(node: YamlNode | null | undefined): Shape {
    if (node === null || node === undefined) return { kind: 'empty' };
    if (node.kind === 'seq') return { kind: 'other', described: 'a list' };
    if (node.kind === 'map') return { kind: 'other', described: 'a map' };
    if (node.value === null || node.value === '') return { kind: 'empty' };
    const text = textValue(node);
    return text === undefined ? { kind: 'other', described: 'a value of another type' } : { kind: 'text', text };
  }

  pairsOf(map: YamlNode | null | undefined): { name: string; key: YamlNode; value: YamlNode | null; at: Position }[] {
    return map?.kind === 'map'
      ? map.pairs.map(({ name, key, value }) => ({
          name,
          key,
          value,
          // An empty value (`claim:`) is reported at its key.
          at: this.positionOf(value?.kind === 'scalar' && value.value === null && value.start === value.end ? key : (value ?? key)),
        }))
      : [];
  }

  /** A text value, or undefined after reporting why there is none. */
  text(field: FieldDefinition | undefined, raw: YamlNode | null, at: Position, label: string, rules = FIELD_RULES): string | undefined {
    const value = this.shape(raw);
    if (value.kind === 'text' && value.text.trim() !== '') {
      const escaped = fieldInvisibleProblem(label.startsWith('"') ? `the field ${label}` : label, value.text, this.#typed);
      if (escaped) {
        const problem: Problem = { file: this.file, ...at, severity: 'error', rule: 'text-invisible', message: `${escaped}.` };
        this.result.problems.push(problem);
        ESCAPED_INVISIBLE.add(problem);
      }
      return value.text;
    }
    if (value.kind === 'text') {
      this.problem(rules.invalid, 'error', at, `${label} contains only whitespace; write the text or remove the field.`);
    } else if (value.kind === 'other') {
      this.problem(rules.invalid, 'error', at, `${label} must be text, not ${value.described}.`);
    } else if (field?.required) {
      this.problem(rules.missing, 'error', at, `${label} is empty: ${field.description}`);
    }
    return undefined;
  }

  /** A YYYY-MM-DD date, or undefined after reporting why there is none. */
  date(field: FieldDefinition | undefined, raw: YamlNode | null, at: Position, label: string): string | undefined {
    const value = this.text(field, raw, at, label, { missing: 'field-missing', invalid: 'date-invalid' });
    if (value === undefined) return undefined;
    if (isIsoDate(value)) return value;
    this.problem(
      'date-invalid',
      'error',
      at,
      `${label} must be a real date written YYYY-MM-DD (for example 2024-03-01), not ${shown(value)}.`,
    );
    return undefined;
  }

  /** The items of a list (none for an empty value), or undefined after reporting why it is not one. */
  list(node: YamlNode | null, at: Position, label: string, example: string): ListItem[] | undefined {
    if (node?.kind === 'seq') {
      if (node.items.length > MAX_LIST_ITEMS) {
        this.problem(
          'field-invalid',
          'error',
          at,
          `${label} has ${node.items.length} items, over the limit of ${MAX_LIST_ITEMS}; shorten the list.`,
        );
        return undefined;
      }
      return node.items.map((item, index) => ({ raw: item, at: this.positionOf(item), index }));
    }
    if (this.shape(node).kind === 'empty') return [];
    this.problem('field-invalid', 'error', at, `${label} must be a list, for example ${example}.`);
    return undefined;
  }

  /**
   * `quote: He was #1 in polls` is the quote "He was": YAML reads " #" as the start of a comment. Legal,
   * but in a verdict almost always a value cut short, and a short quote can anchor to the wrong words.
   */
  warnOfCutComment(node: YamlNode | null, at: Position, label: string, value: string): void {
    if (node?.kind !== 'scalar' || !node.plain || !this.yaml) return;
    const { end } = node;
    const source = this.yaml.source;
    const lineEnd = source.indexOf('\n', end);
    if (!/^[ \t]+#/.test(source.slice(end, lineEnd === -1 ? undefined : lineEnd))) return;
    this.problem(
      'field-invalid',
      'warning',
      at,
      `${label} ends where " #" begins: YAML reads the rest of the line as a comment, so the value is ${shown(value)}. Put the whole value in quotes if the # belongs to it.`,
    );
  }

  /**
   * The fields of item `index` of the list `listName` (a source, a correction), warning of those not in
   * `allowed`; undefined when the item is not a map. Records the positions of the item and its fields.
   */
  subFields(node: YamlNode, index: number, at: Position, listName: string, allowed: readonly FieldDefinition[]) {
    const { itemPositions } = this.verdict;
    itemPositions[`${listName}.${index}`] = at;
    if (node.kind !== 'map') return undefined;
    const fields = new Map<string, GivenField>();
    for (const pair of this.pairsOf(node)) {
      if (!allowed.some((field) => field.name === pair.name)) {
        const names = allowed.map((field) => field.name);
        this.problem(
          'field-unknown',
          'warning',
          this.positionOf(pair.key),
          `unknown field ${shown(pair.name)} in ${listName} item ${index + 1}; it is ignored.${didYouMean(pair.name, names)}`,
        );
        continue;
      }
      itemPositions[`${listName}.${index}.${pair.name}`] = pair.at;
      fields.set(pair.name, { value: pair.value, at: pair.at });
    }
    return {
      /** The entry of a field that has a non-empty value. */
      present: (name: string) => {
        const entry = fields.get(name);
        return entry && this.shape(entry.value).kind !== 'empty' ? entry : undefined;
      },
      has: (name: string) => fields.has(name),
    };
  }
}
