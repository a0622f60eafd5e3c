// Each rule id fires at the file, line and column an editor needs, in one run over a fixture project
// where every verdict file breaks one rule (test/fixtures/rules/content/verdicts/<rule>.md).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';

const ROOT = new URL('./fixtures/rules/', import.meta.url).pathname;
const model = buildModel({ root: ROOT });
const where = (file: string) => model.problems.filter((p) => p.file === file);
const brief = (file: string) => where(file).map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`);
const verdict = (name: string) => `content/verdicts/${name}.md`;

describe('check rules on the rules fixture', () => {
  it.each([
    ['frontmatter-syntax-error', ['3:1 error frontmatter-invalid']],
    ['frontmatter-unclosed', ['1:1 error frontmatter-invalid']],
    ['frontmatter-list', ['2:1 error frontmatter-invalid']],
    ['frontmatter-tab', ['7:1 error frontmatter-invalid']],
    ['frontmatter-empty', ['1:1 error frontmatter-invalid']],
    ['field-missing', ['1:1 error field-missing']],
    ['field-unknown', ['11:1 warning field-unknown']],
    ['field-invalid', ['11:8 error field-invalid', '12:7 error field-invalid']],
    ['seed-not-found', ['3:7 error seed-not-found', '7:11 error seed-not-found']],
    ['quote-not-found', ['4:8 error quote-not-found']],
    ['quote-ambiguous', ['4:8 error quote-ambiguous']],
    ['quote-approximate', ['4:8 error quote-approximate']], // published: a misquote is an error (a draft's is a warning)
    ['context-changed', ['4:8 warning context-changed']],
    ['rating-unknown', ['5:9 error rating-unknown']],
    ['source-invalid', ['8:10 error source-invalid', '10:10 error source-invalid', '11:5 error source-invalid']],
    ['date-invalid', ['10:7 error date-invalid']],
    ['Slug_Invalid', ['1:1 error slug-invalid']],
    ['duplicate-redirect', ['11:17 error duplicate-slug']],
  ])('%s.md', (name, expected) => {
    expect(brief(verdict(name))).toEqual(expected);
  });

  it('reports seed problems at the seed files', () => {
    expect(brief('seeds/bad id.txt')).toEqual(['1:1 error seed-invalid']);
    expect(brief('seeds/alpha.yml')).toEqual(['1:1 warning seed-meta-missing', '2:6 error seed-invalid', '3:12 error date-invalid']);
    // beta carries a verdict's passage and has no metadata at all: the structured data lacks url and date
    expect(brief('seeds/beta.txt')).toEqual(['1:1 warning seed-meta-missing']);
  });

  it('reports every problem of every file: nothing else, nothing hidden', () => {
    const files = new Set(model.problems.map((p) => p.file));
    expect(files.size).toBe(21);
    expect(model.problems).toHaveLength(27);
  });

  it('sorts problems by file, line and column', () => {
    const keys = model.problems.map((p) => [p.file, p.line, p.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });

  it('writes messages an editor can act on', () => {
    const message = (name: string, rule: string) => where(verdict(name)).find((p) => p.rule === rule)?.message ?? '';
    expect(message('seed-not-found', 'seed-not-found')).toContain('Did you mean "alpha"?');
    expect(message('rating-unknown', 'rating-unknown')).toContain('Did you mean "false"?');
    expect(message('rating-unknown', 'rating-unknown')).toContain('accurate, mostly-accurate, mixed, misleading, false, unsupported');
    expect(message('field-unknown', 'field-unknown')).toContain('Did you mean "sources"?');
    expect(message('quote-ambiguous', 'quote-ambiguous')).toMatch(/line 9.*line 11/);
    expect(message('quote-not-found', 'quote-not-found')).toMatch(/closest: ".+" \(line \d+\)/);
    expect(message('Slug_Invalid', 'slug-invalid')).toContain('content/verdicts/slug-invalid.md');
    expect(message('source-invalid', 'source-invalid')).toContain('javascript: URLs are refused');
  });

  it('starts every message in lower case, as compilers do (a quoted name, a path or "YAML" may lead)', () => {
    const unlike = model.problems.filter((p) => !/^(?:[a-z"`]|YAML\b)/.test(p.message));
    expect(unlike.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });

  it('keeps verdicts with safe slugs in the model, anchored where the quote was found', () => {
    const slugs = model.verdicts.map((v) => v.slug);
    expect(slugs).not.toContain('Slug_Invalid');
    expect(slugs).toEqual([...slugs].sort());
    expect(model.verdicts.find((v) => v.slug === 'quote-approximate')?.anchor).toMatchObject({ method: 'approximate', line: 5 });
    expect(model.verdicts.find((v) => v.slug === 'quote-not-found')?.anchor).toBeUndefined();
    expect(model.verdicts.find((v) => v.slug === 'context-changed')?.anchor?.line).toBe(9);
  });
});
