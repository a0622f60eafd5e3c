// Claimants: who made a claim, as data in content/_data/claimants.yml (optional), validated like the rating
// scale (src/content/ratings.ts). A verdict's `claimant` names a key of that file; any other text is a free-text
// claimant, which still works (its ClaimReview type is then a guess, see claimantOf).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ModelSetupError } from '../model/errors.ts';
import { SLUG_PATTERN } from './fields.ts';
import { didYouMean } from './suggest.ts';
import { MEGABYTE, readTextFile } from './text-file.ts';
import type { Claimant, Problem, Seed, Verdict } from '../model/types.ts';
import { shown, urlProblem } from './values.ts';
import { parseYaml, textValue } from './yaml/source.ts';
import type { YamlNode } from './yaml/tree.ts';

export const CLAIMANTS_FILE = 'content/_data/claimants.yml';
const FIELDS = ['key', 'name', 'type', 'sameAs', 'description'] as const;
const TYPES = ['Person', 'Organization'] as const;

/** Reads and validates claimants.yml; no file is no claimants. Throws ModelSetupError only when it cannot be read. */
export function loadClaimants(root: string): { claimants: Map<string, Claimant>; problems: Problem[] } {
  const problems: Problem[] = [];
  const claimants = new Map<string, Claimant>();
  const problem = (
    message: string,
    line = 1,
    column = 1,
    severity: Problem['severity'] = 'error',
    rule: Problem['rule'] = 'claimants-invalid',
  ) => problems.push({ file: CLAIMANTS_FILE, line, column, severity, rule, message });
  const path = join(root, CLAIMANTS_FILE);
  if (!existsSync(path)) return { claimants, problems };
  const read = readTextFile(path, MEGABYTE);
  if (!read.ok) throw new ModelSetupError(`The claimants file ${CLAIMANTS_FILE} ${read.message}.`);
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    problem(`${parsed.problem.message}.`, parsed.problem.line, parsed.problem.column);
    return { claimants, problems };
  }
  const { contents, positionOf } = parsed.yaml;
  if (contents === null) return { claimants, problems };
  if (contents.kind !== 'seq') {
    const { line, column } = positionOf(contents);
    problem(
      'the claimants file must be a list of claimants, each with key, name and type (Person or Organization), optionally sameAs and description.',
      line,
      column,
    );
    return { claimants, problems };
  }
  const firstLine = new Map<string, number>();
  for (const item of contents.items) {
    const at = positionOf(item);
    if (item.kind !== 'map') {
      problem('each claimant must be a map with key, name and type.', at.line, at.column);
      continue;
    }
    const fields = new Map<string, { node: YamlNode | null; line: number; column: number }>();
    for (const pair of item.pairs) {
      const position = positionOf(pair.value ?? pair.key);
      if (!(FIELDS as readonly string[]).includes(pair.name)) {
        problem(
          `unknown field ${shown(pair.name)} in a claimant.${didYouMean(pair.name, FIELDS)}`,
          position.line,
          position.column,
          'warning',
          'field-unknown',
        );
        continue;
      }
      fields.set(pair.name, { node: pair.value, ...position });
    }
    const text = (name: string) => {
      const result = textValue(fields.get(name)?.node)?.trim();
      return result === '' ? undefined : result;
    };
    const where = (name: string) => fields.get(name) ?? at;
    let valid = true;
    const fail = (name: string, message: string) => {
      valid = false;
      problem(message, where(name).line, where(name).column);
    };

    const key = text('key');
    if (key === undefined) {
      problem('a claimant has no key (the name verdicts use in `claimant:`).', at.line, at.column);
      continue;
    }
    if (!SLUG_PATTERN.test(key)) fail('key', `claimant key ${shown(key)} may contain only lowercase letters, digits and hyphens.`);
    const duplicate = firstLine.get(key);
    if (duplicate !== undefined) fail('key', `duplicate claimant key "${key}" (first defined on line ${duplicate}).`);
    else firstLine.set(key, where('key').line);
    const name = text('name');
    if (name === undefined) fail('name', `the claimant "${key}" has no name.`);
    const type = text('type');
    if (type === undefined || !(TYPES as readonly string[]).includes(type)) {
      fail(
        'type',
        `the type of claimant "${key}" must be Person or Organization${type === undefined ? '' : `, not ${shown(type)}`}.${type ? didYouMean(type, TYPES) : ''}`,
      );
    }
    const sameAs: string[] = [];
    const sameAsNode = fields.get('sameAs')?.node;
    if (sameAsNode && !(sameAsNode.kind === 'scalar' && sameAsNode.value === null)) {
      const items = sameAsNode.kind === 'seq' ? sameAsNode.items : [sameAsNode];
      for (const entry of items) {
        const url = textValue(entry)?.trim();
        const position = positionOf(entry);
        const why = url === undefined ? 'sameAs must be a list of URLs' : urlProblem(url);
        if (why) {
          valid = false;
          problem(`claimant "${key}": ${why}.`, position.line, position.column);
        } else sameAs.push(url!);
      }
    }
    const description = text('description');
    if (!valid) continue;
    claimants.set(key, { key, name: name!, type: type as Claimant['type'], sameAs, ...(description ? { description } : {}) });
  }
  return { claimants, problems };
}

/** Who made a verdict's claim, as the site shows it and ClaimReview types it. */
export interface ClaimantView {
  name: string;
  type: 'Person' | 'Organization';
  sameAs: string[];
  description?: string;
  /** From claimants.yml (its type is the editor's), not free text (its type is inferred). */
  listed: boolean;
}

/**
 * The verdict's claimant: the claimants.yml entry its `claimant` names, else the free text itself, typed
 * Organization when it is the outlet of a seed that carries the passage and Person otherwise (list it in
 * claimants.yml to say which). Undefined when the verdict names none: the outlet that reported a claim is
 * never assumed to have made it.
 */
export function claimantOf(
  verdict: Pick<Verdict, 'claimant'>,
  claimants: ReadonlyMap<string, Claimant> | undefined,
  seeds: readonly Seed[] = [],
): ClaimantView | undefined {
  const value = verdict.claimant;
  if (value === undefined) return undefined;
  const listed = claimants?.get(value);
  if (listed)
    return {
      name: listed.name,
      type: listed.type,
      sameAs: listed.sameAs,
      ...(listed.description ? { description: listed.description } : {}),
      listed: true,
    };
  const isOutlet = seeds.some((s) => s.meta.outlet === value);
  return { name: value, type: isOutlet ? 'Organization' : 'Person', sameAs: [], listed: false };
}

/** A name as two spellings of it compare: case, compatibility forms and runs of spaces aside. */
const comparableName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A `claimant` that looks like a key (lowercase, hyphens) but names no entry of claimants.yml: most likely a
 * typo of a key. Free text that is the name of a listed claimant ("Dmitry Peskov" for `peskov`) would give
 * that claimant a second archive page and a ClaimReview author without its type and sameAs: the key is meant.
 * Other free text that reads like a name is left alone.
 */
export function claimantProblems(verdict: Verdict, claimants: ReadonlyMap<string, Claimant>): Problem[] {
  const value = verdict.claimant;
  if (value === undefined || claimants.has(value)) return [];
  const at = verdict.positions['claimant'] ?? { line: 1, column: 1 };
  if (!SLUG_PATTERN.test(value)) {
    const named = [...claimants.values()].find((claimant) => comparableName(claimant.name) === comparableName(value));
    if (!named) return [];
    return [
      {
        file: verdict.file,
        line: at.line,
        column: at.column,
        severity: 'warning',
        rule: 'claimant-by-name',
        message: `the claimant "${value}" is the name of "${named.key}" in ${CLAIMANTS_FILE}: write \`claimant: ${named.key}\`, so this fact-check is listed on that claimant's page and its ClaimReview names the claimant as the file describes them (as free text it gets a claimant page of its own).`,
      },
    ];
  }
  const suggestion = didYouMean(value, claimants.keys());
  return [
    {
      file: verdict.file,
      line: at.line,
      column: at.column,
      severity: 'warning',
      rule: 'claimant-unknown',
      message: `the claimant "${value}" looks like a key, but ${CLAIMANTS_FILE} has no claimant "${value}".${suggestion} Add it there (key, name, type), or write the claimant's full name.`,
    },
  ];
}
