// The rating scale: data in content/_data/ratings.yml (a newsroom can replace it), validated here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ModelSetupError } from '../model/errors.ts';
import { SLUG_PATTERN } from './fields.ts';
import { didYouMean } from './suggest.ts';
import { MEGABYTE, readTextFile } from './text-file.ts';
import type { Problem, RatingLevel, RatingScale } from '../model/types.ts';
import { shown } from './values.ts';
import { parseYaml, textValue } from './yaml/source.ts';
import type { YamlNode } from './yaml/tree.ts';

export const SCALE_FILE = 'content/_data/ratings.yml';
const LEVEL_FIELDS = ['key', 'label', 'description', 'value', 'colour'] as const;
/** WCAG 2 AA contrast for normal text. */
const AA_CONTRAST = 4.5;
/** The site writes every badge label in white on the level's colour. */
const BADGE_TEXT = '#ffffff';
/** The highest ratingValue a level may have. */
export const MAX_VALUE = 100;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Reads and validates the scale. Throws ModelSetupError only when the file cannot be read at all. */
export function loadScale(root: string): { scale: RatingScale; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (
    message: string,
    line = 1,
    column = 1,
    severity: Problem['severity'] = 'error',
    rule: Problem['rule'] = 'scale-invalid',
  ) => problems.push({ file: SCALE_FILE, line, column, severity, rule, message });
  const path = join(root, SCALE_FILE);
  if (!existsSync(path)) throw new ModelSetupError(`No rating scale: ${SCALE_FILE} does not exist in ${root}.`);
  const read = readTextFile(path, MEGABYTE);
  if (!read.ok) throw new ModelSetupError(`The rating scale ${SCALE_FILE} ${read.message}.`);

  const levels: RatingLevel[] = [];
  const scale = (): RatingScale => {
    const values = levels.map((level) => level.value).filter((value): value is number => value !== null);
    if (levels.length > 0 && values.length === 0)
      problem('the scale needs at least one level with a numeric value (ClaimReview ratingValue).');
    return { file: SCALE_FILE, levels, best: values.length ? Math.max(...values) : 0, worst: values.length ? Math.min(...values) : 0 };
  };
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    problem(`${parsed.problem.message}.`, parsed.problem.line, parsed.problem.column);
    return { scale: scale(), problems };
  }
  const { contents, positionOf } = parsed.yaml;
  if (contents?.kind !== 'seq' || contents.items.length === 0) {
    const { line, column } = positionOf(contents);
    problem(
      'the scale must be a non-empty list of levels from best to worst, each with key, label, description, value and colour.',
      line,
      column,
    );
    return { scale: scale(), problems };
  }

  const firstLine = new Map<string, number>();
  let previousValue: { value: number; key: string } | undefined;
  for (const item of contents.items) {
    const at = positionOf(item);
    if (item.kind !== 'map') {
      problem('each level must be a map with key, label, description, value and colour.', at.line, at.column);
      continue;
    }
    const fields = new Map<string, { node: YamlNode | null; line: number; column: number }>();
    for (const pair of item.pairs) {
      const name = pair.name;
      const position = positionOf(pair.value ?? pair.key);
      if (!(LEVEL_FIELDS as readonly string[]).includes(name)) {
        problem(
          `unknown field ${shown(name)} in a scale level.${didYouMean(name, LEVEL_FIELDS)}`,
          position.line,
          position.column,
          'warning',
          'field-unknown',
        );
        continue;
      }
      fields.set(name, { node: pair.value, ...position });
    }
    const text = (name: string) => {
      const field = fields.get(name);
      const result = textValue(field?.node)?.trim();
      return result === '' ? undefined : result;
    };
    const where = (name: string) => fields.get(name) ?? at;

    const key = text('key');
    if (key === undefined) {
      problem('a scale level has no key.', at.line, at.column);
      continue;
    }
    const label = `level "${key}"`;
    let valid = true;
    const fail = (name: string, message: string) => {
      valid = false;
      problem(message, where(name).line, where(name).column);
    };
    if (!SLUG_PATTERN.test(key)) fail('key', `scale key "${key}" may contain only lowercase letters, digits and hyphens.`);
    const duplicate = firstLine.get(key);
    if (duplicate !== undefined) fail('key', `duplicate scale key "${key}" (first defined on line ${duplicate}).`);
    else firstLine.set(key, where('key').line);
    const levelLabel = text('label');
    if (levelLabel === undefined) fail('label', `the scale ${label} has no label.`);
    const description = text('description');
    if (description === undefined) fail('description', `the scale ${label} has no description.`);

    let value: number | null = null;
    const valueNode = fields.get('value')?.node;
    if (!fields.has('value'))
      fail('value', `the scale ${label} has no value: give a number, or "value: null" for a rating outside the numeric scale.`);
    else if (valueNode === null || (valueNode?.kind === 'scalar' && valueNode.value === null)) value = null;
    else if (valueNode?.kind === 'scalar' && typeof valueNode.value === 'number' && Number.isFinite(valueNode.value)) {
      // ClaimReview ratingValue: a whole number from 1 (schema.org's default worstRating, which a reader
      // that ignores worstRating assumes) to MAX_VALUE.
      if (Number.isInteger(valueNode.value) && valueNode.value >= 1 && valueNode.value <= MAX_VALUE) value = valueNode.value;
      else
        fail(
          'value',
          `the value of scale ${label} must be a whole number from 1 to ${MAX_VALUE} (ClaimReview ratingValue), or null; got ${valueNode.value}.`,
        );
    } else fail('value', `the value of scale ${label} must be a number or null.`);
    if (value !== null && previousValue && value >= previousValue.value) {
      fail(
        'value',
        `the scale runs from best to worst, but ${label} has value ${value}, not lower than "${previousValue.key}" (${previousValue.value}).`,
      );
    }

    const colour = text('colour');
    if (colour === undefined || !/^#[0-9a-fA-F]{6}$/.test(colour)) {
      fail('colour', `the colour of scale ${label} must be written #rrggbb (for example "#116329"; quote it in YAML).`);
    } else if (contrastRatio(colour, BADGE_TEXT) < AA_CONTRAST) {
      const { line, column } = where('colour');
      const ratio = contrastRatio(colour, BADGE_TEXT).toFixed(1);
      problem(
        `the colour ${colour} of scale ${label} gives the white badge text a contrast of only ${ratio}:1; WCAG AA needs ${AA_CONTRAST}:1. Choose a darker colour.`,
        line,
        column,
        'warning',
      );
    }
    if (!valid) continue;
    if (value !== null) previousValue = { value, key };
    levels.push({ key, label: levelLabel!, description: description!, value, colour: colour! });
  }
  return { scale: scale(), problems };
}
