import { afterAll, describe, expect, it } from 'vitest';
import { ModelSetupError } from '../src/model/errors.ts';
import { contrastRatio, loadScale } from '../src/content/ratings.ts';
import { makeProject, removeProjects } from './support/project.ts';

afterAll(removeProjects);

const PROJECT = new URL('..', import.meta.url).pathname;

function level(key: string, value: string, extra = '') {
  return `- key: ${key}\n  label: L ${key}\n  description: D ${key}\n  value: ${value}\n  colour: "#57606a"\n${extra}`;
}

function problemsOf(scale: string) {
  const { problems } = loadScale(makeProject({ 'content/_data/ratings.yml': scale }));
  return problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`);
}

describe('rating scale', () => {
  it('ships the default scale, best to worst, with unsupported outside the numeric values', () => {
    const { scale, problems } = loadScale(PROJECT);
    expect(problems).toEqual([]);
    expect(scale.levels.map((l) => [l.key, l.value])).toEqual([
      ['accurate', 5],
      ['mostly-accurate', 4],
      ['mixed', 3],
      ['misleading', 2],
      ['false', 1],
      ['unsupported', null],
    ]);
    expect([scale.best, scale.worst]).toEqual([5, 1]);
    for (const l of scale.levels) expect(l.label.trim().length * l.description.trim().length).toBeGreaterThan(0);
  });

  it('gives every default colour WCAG AA contrast with white badge text', () => {
    for (const { colour } of loadScale(PROJECT).scale.levels) {
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#116329', '#ffffff')).toBeCloseTo(7.39, 2);
  });

  it('reports a duplicate key with the line of the first one', () => {
    const problems = problemsOf(level('a', '2') + level('a', '1'));
    expect(problems).toEqual(['6:8 error scale-invalid duplicate scale key "a" (first defined on line 1).']);
  });

  it('reports a missing label, a missing description, a bad value and a bad colour at their lines', () => {
    const scale = [
      '- key: a\n  description: D\n  value: 2\n  colour: "#57606a"',
      '- key: b\n  label: B\n  value: 1\n  colour: "#57606a"',
      '- key: c\n  label: C\n  description: D\n  value: high\n  colour: "#57606a"',
      '- key: d\n  label: D\n  description: D\n  value: null\n  colour: red',
      '- key: e\n  label: E\n  description: D\n  colour: "#57606a"',
    ].join('\n');
    expect(problemsOf(scale).map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      '1:3 error scale-invalid',
      '5:3 error scale-invalid',
      '12:10 error scale-invalid',
      '18:11 error scale-invalid',
      '19:3 error scale-invalid',
    ]);
  });

  it('reports values that do not run from best to worst', () => {
    expect(problemsOf(level('a', '1') + level('b', '2'))[0]).toContain('runs from best to worst');
  });

  it('reports a scale that is not a list, and YAML syntax errors at their line', () => {
    expect(problemsOf('accurate: 5\n')[0]).toMatch(/^1:1 error scale-invalid .*non-empty list/);
    expect(problemsOf('- key: a\n  label: [oops\n')[0]).toMatch(/^\d+:\d+ error scale-invalid YAML syntax error/);
  });

  it('warns about a colour on which the white badge text fails WCAG AA', () => {
    const problems = problemsOf(level('a', '1').replace('#57606a', '#888888'));
    expect(problems).toEqual([expect.stringMatching(/^5:11 warning scale-invalid the colour #888888 .* only 3\.5:1/)]);
  });

  it('refuses colours the site cannot use: names and three-digit hex', () => {
    expect(problemsOf(level('a', '1').replace('"#57606a"', 'red'))[0]).toMatch(/^5:11 error scale-invalid .*#rrggbb/);
    expect(problemsOf(level('a', '1').replace('#57606a', '#c00'))[0]).toMatch(/^5:11 error scale-invalid .*#rrggbb/);
  });

  it('refuses to run without a scale file', () => {
    const root = makeProject({ 'content/_data/ratings.yml': null });
    expect(() => loadScale(root)).toThrow(ModelSetupError);
  });
});
