// The editor guide explains every rule id an editor can meet and every front-matter field.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_FIELDS } from '../src/content/fields.ts';

const root = path.resolve(import.meta.dirname, '..');
const guide = readFileSync(path.join(root, 'docs/editor-guide.md'), 'utf8');
const types = readFileSync(path.join(root, 'src/model/types.ts'), 'utf8');
const ruleIds = [.../export type RuleId =([^;]+);/.exec(types)![1]!.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);

describe('docs/editor-guide.md', () => {
  it('has a section on how to fix each rule id', () => {
    expect(ruleIds.length).toBeGreaterThanOrEqual(19);
    const headings = [...guide.matchAll(/^### ([a-z-]+)$/gm)].map((m) => m[1]);
    expect(headings.sort()).toEqual([...ruleIds].sort());
  });

  it('describes every verdict field in its table', () => {
    const rows = [...guide.matchAll(/^\| `([a-z_]+)` \| (yes|no) \|/gm)].map((m) => ({ name: m[1], required: m[2] === 'yes' }));
    expect(rows).toEqual(VERDICT_FIELDS.map((f) => ({ name: f.name, required: f.required })));
  });
});
