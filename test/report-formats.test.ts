import { describe, expect, it } from 'vitest';
import { formatGithub, formatJson, formatText, sortProblems, strict, summary } from '../src/model/report.ts';
import type { Problem } from '../src/model/types.ts';

const quoteNotFound: Problem = {
  file: 'content/verdicts/x.md',
  line: 4,
  column: 8,
  severity: 'error',
  rule: 'quote-not-found',
  message: 'quote not found in seed alpha; closest: "the mayor said" (line 3)',
};
const unknownField: Problem = {
  file: 'content/verdicts/x.md',
  line: 2,
  column: 1,
  severity: 'warning',
  rule: 'field-unknown',
  message: 'unknown field "sorces"; it is ignored. Did you mean "sources"?',
};
const seedProblem: Problem = { file: 'seeds/a.txt', line: 1, column: 1, severity: 'error', rule: 'seed-invalid', message: 'x' };

describe('problem reports', () => {
  it('sorts by file, line, column, rule and message', () => {
    const sameSpot = { ...quoteNotFound, rule: 'context-changed' as const };
    expect(sortProblems([seedProblem, quoteNotFound, unknownField, sameSpot])).toEqual([
      unknownField,
      sameSpot,
      quoteNotFound,
      seedProblem,
    ]);
  });

  it('prints text the way compilers do', () => {
    expect(formatText([unknownField, quoteNotFound])).toBe(
      'content/verdicts/x.md:2:1: warning: unknown field "sorces"; it is ignored. Did you mean "sources"? [field-unknown]\n' +
        'content/verdicts/x.md:4:8: error: quote not found in seed alpha; closest: "the mayor said" (line 3) [quote-not-found]\n',
    );
  });

  it('keeps a line break inside a message from starting a forged problem line', () => {
    const text = formatText([{ ...quoteNotFound, message: 'closest: "a\nseeds/evil.txt:1:1: error: fake [seed-invalid]"' }]);
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('prints GitHub workflow commands with GitHub escaping', () => {
    const tricky: Problem = { ...quoteNotFound, file: 'content/verdicts/a,b:c.md', message: '100% sure\r\nsecond line' };
    expect(formatGithub([tricky, unknownField])).toBe(
      '::error file=content/verdicts/a%2Cb%3Ac.md,line=4,col=8,title=quote-not-found::100%25 sure%0D%0Asecond line\n' +
        '::warning file=content/verdicts/x.md,line=2,col=1,title=field-unknown::unknown field "sorces"; it is ignored. Did you mean "sources"?\n',
    );
  });

  it('prints a JSON array of {file, line, column, severity, rule, message}', () => {
    const parsed = JSON.parse(formatJson([quoteNotFound, unknownField])) as object[];
    expect(parsed).toEqual([quoteNotFound, unknownField]);
    expect(Object.keys(parsed[0]!)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });

  it('summarises counts with singular and plural', () => {
    expect(summary([quoteNotFound, seedProblem, unknownField], 14)).toBe('2 errors, 1 warning in 14 files');
    expect(summary([], 1)).toBe('0 errors, 0 warnings in 1 file');
  });

  it('turns warnings into errors under --strict', () => {
    expect(strict([unknownField, quoteNotFound]).map((p) => p.severity)).toEqual(['error', 'error']);
  });
});
