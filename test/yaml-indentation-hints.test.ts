// Two indentation mistakes editors make in a list of sources (or corrections) came out in the YAML parser's
// words, one at the wrong line. The problem now points at the line that is wrong and says what indentation
// was expected.
import { describe, expect, it } from 'vitest';
import { parseVerdict } from '../src/content/verdicts.ts';
import { verdictText } from './support/project.ts';

const problemsOf = (text: string) =>
  parseVerdict('content/verdicts/x.md', text).problems.map((p) => ({ at: `${p.line}:${p.column}`, rule: p.rule, message: p.message }));
const withUrlIndented = (n: number) =>
  verdictText({ sources: `sources:\n  - title: Port Ellery council minutes\n${' '.repeat(n)}url: https://example.org/minutes` });

describe('indentation mistakes in a list item', () => {
  it.each([2, 3, 5, 6])('a source url indented %i spaces instead of 4: the url line, and the indentation expected', (n) => {
    const problems = problemsOf(withUrlIndented(n));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.at).toBe(`8:${n + 1}`);
    expect(problems[0]!.rule).toBe('frontmatter-invalid');
    expect(problems[0]!.message).toBe(
      `YAML syntax error: "url:" is indented ${n} spaces, but the fields of this list item start 4 spaces in (where "title:" is on line 7); indent it by 4 spaces.`,
    );
  });

  it('says the same for a later source and for a correction', () => {
    const second = problemsOf(
      verdictText({ sources: 'sources:\n  - title: A\n    url: https://example.org/a\n  - title: B\n      url: https://example.org/b' }),
    );
    expect(second.map((p) => p.at)).toEqual(['10:7']);
    expect(second[0]!.message).toContain(
      '"url:" is indented 6 spaces, but the fields of this list item start 4 spaces in (where "title:" is on line 9)',
    );
    const correction = problemsOf(verdictText({ extra: 'corrections:\n  - date: 2024-03-02\n      note: The date was wrong.' }));
    expect(correction.map((p) => p.at)).toEqual(['13:7']);
    expect(correction[0]!.message).toContain(
      '"note:" is indented 6 spaces, but the fields of this list item start 4 spaces in (where "date:" is on line 12)',
    );
  });

  it("counts from the dash the editor used: a list written at the key's own indentation", () => {
    const problems = problemsOf(verdictText({ sources: 'sources:\n- title: A\n   url: https://example.org/a' }));
    expect(problems.map((p) => p.at)).toEqual(['8:4']);
    expect(problems[0]!.message).toContain('start 2 spaces in');
  });

  it('leaves correct lists alone, however they are indented', () => {
    for (const sources of [
      'sources:\n  - title: A\n    url: https://example.org/a\n  - seed: alpha',
      'sources:\n- title: A\n  url: https://example.org/a\n- seed: alpha',
      'sources:\n  -   title: A\n      url: https://example.org/a',
      'sources:\n  - title: A long title\n      that goes on\n    url: https://example.org/a',
    ]) {
      expect(problemsOf(verdictText({ sources })), sources).toEqual([]);
    }
  });

  it("leaves other YAML errors in the parser's words", () => {
    const problems = problemsOf(verdictText({ title: 'title: "unterminated' }));
    expect(problems[0]!.message).toMatch(/^YAML syntax error: Missing closing "quote/);
  });
});
