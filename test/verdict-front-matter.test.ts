import { describe, expect, it, vi } from 'vitest';
import { VERDICT_FIELDS } from '../src/content/fields.ts';
import { parseVerdict } from '../src/content/verdicts.ts';
import { verdictText } from './support/project.ts';

const FILE = 'content/verdicts/sea-wall.md';

function rules(text: string) {
  return parseVerdict(FILE, text).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`);
}

describe('verdict front matter', () => {
  it('reads every field of a valid verdict', () => {
    const text = [
      '---',
      'title: The council voted',
      'seed: alpha',
      'quote: The council of Port Ellery voted',
      'prefix: "Harbour "',
      'suffix: " on Tuesday"',
      'claim: The council approved a sea wall',
      'claimant: Gazette',
      'rating: mostly-accurate',
      'sources:',
      '  - title: Minutes',
      '    url: https://example.org/minutes',
      '    publisher: Council',
      '    date: 2024-02-27',
      '    archived: https://web.archive.org/web/2024/https://example.org/minutes',
      '  - seed: beta',
      'author: [Ann, Bob]',
      'date: 2024-03-01',
      "updated: '2024-03-05'",
      'corrections:',
      '  - date: 2024-03-05',
      '    note: Fixed a name.',
      'draft: true',
      'tags: [harbour, council]',
      'redirect_from: [old-sea-wall]',
      '---',
      'The minutes say so.',
      '',
    ].join('\n');
    const { verdict, problems } = parseVerdict(FILE, text);
    expect(problems).toEqual([]);
    expect(verdict).toMatchObject({
      slug: 'sea-wall',
      title: 'The council voted',
      seed: 'alpha',
      selector: { quote: 'The council of Port Ellery voted', prefix: 'Harbour ', suffix: ' on Tuesday' },
      claim: 'The council approved a sea wall',
      claimant: 'Gazette',
      rating: 'mostly-accurate',
      sources: [
        {
          kind: 'web',
          title: 'Minutes',
          url: 'https://example.org/minutes',
          publisher: 'Council',
          date: '2024-02-27',
          archived: 'https://web.archive.org/web/2024/https://example.org/minutes',
        },
        { kind: 'seed', seed: 'beta' },
      ],
      authors: ['Ann', 'Bob'],
      date: '2024-03-01',
      updated: '2024-03-05',
      corrections: [{ date: '2024-03-05', note: 'Fixed a name.' }],
      draft: true,
      tags: ['harbour', 'council'],
      redirectFrom: ['old-sea-wall'],
      body: 'The minutes say so.\n',
      bodyLine: 27,
    });
  });

  it('defaults the claim to the quote, draft to false and lists to empty', () => {
    const { verdict } = parseVerdict(FILE, verdictText());
    expect(verdict?.claim).toBe(verdict?.selector.quote);
    expect(verdict).toMatchObject({ draft: false, tags: [], corrections: [], redirectFrom: [], authors: ['Test Editor'] });
  });

  it('records 1-based positions of field values and list items, counting the opening --- line', () => {
    const { verdict } = parseVerdict(FILE, verdictText({ author: 'author:\n  - Ann\n  - Bob', tags: 'tags:' }));
    expect(verdict?.positions.title).toEqual({ line: 2, column: 8 });
    expect(verdict?.positions.quote).toEqual({ line: 4, column: 8 });
    expect(verdict?.itemPositions['sources.0']).toEqual({ line: 7, column: 5 });
    expect(verdict?.itemPositions['sources.0.url']).toEqual({ line: 8, column: 10 });
    expect(verdict?.itemPositions['author.1']).toEqual({ line: 11, column: 5 });
    // An empty value points at its key.
    expect(verdict?.positions.tags).toEqual({ line: 13, column: 1 });
  });

  it('keeps the same positions with a BOM and CRLF line endings', () => {
    const plain = parseVerdict(FILE, verdictText());
    const windows = parseVerdict(FILE, `\uFEFF${verdictText().replace(/\n/g, '\r\n')}`);
    expect(windows.problems).toEqual([]);
    expect(windows.verdict?.positions).toEqual(plain.verdict?.positions);
    expect(windows.verdict?.itemPositions).toEqual(plain.verdict?.itemPositions);
    expect(windows.verdict?.selector.quote).toBe(plain.verdict?.selector.quote);
    expect(windows.verdict?.body).toBe('Explanation.\r\n');
  });

  it('takes plain YAML numbers and booleans in text fields as written, not as YAML reads them', () => {
    const { verdict, problems } = parseVerdict(FILE, verdictText({ rating: 'rating: false', title: 'title: 0x1F', seed: 'seed: 003' }));
    expect(problems).toEqual([]);
    expect(verdict).toMatchObject({ rating: 'false', title: '0x1F', seed: '003' });
  });

  it('accepts dates written plain or quoted and keeps them as YYYY-MM-DD', () => {
    expect(parseVerdict(FILE, verdictText({ date: 'date: 2024-03-01' })).verdict?.date).toBe('2024-03-01');
    expect(parseVerdict(FILE, verdictText({ date: "date: '2024-03-01'" })).verdict?.date).toBe('2024-03-01');
  });

  it.each([
    ['date: 2024-02-30', 'an impossible day'],
    ['date: 2024-3-1', 'no leading zeros'],
    ['date: 01/03/2024', 'another format'],
    ['date: 2024-03-01T10:00:00Z', 'a time stamp'],
    ['date: 20240301', 'a number'],
  ])('refuses %s (%s) as date-invalid at the value', (line) => {
    expect(rules(verdictText({ date: line }))).toEqual(['10:7 error date-invalid']);
  });

  it('quotes a long bad value in a message only in part, on one line', () => {
    const { problems } = parseVerdict(FILE, verdictText({ date: `date: "${'9'.repeat(10_000)}\\n"` }));
    expect(problems[0]?.message.length).toBeLessThan(200);
    expect(problems[0]?.message).not.toContain('\n');
  });

  it('reports an updated date before the publication date', () => {
    expect(rules(verdictText({ updated: 'updated: 2024-02-01' }))).toEqual(['11:10 error date-invalid']);
  });

  it('reports each missing required field by name', () => {
    const { problems } = parseVerdict(FILE, verdictText({ rating: null, author: null }));
    expect(problems.map((p) => [p.rule, p.message.match(/"(\w+)"/)?.[1]])).toEqual([
      ['field-missing', 'rating'],
      ['field-missing', 'author'],
    ]);
  });

  it('reports a required field left empty at its key', () => {
    expect(rules(verdictText({ rating: 'rating:' }))).toEqual(['5:1 error field-missing']);
  });

  it('warns about an unknown field and suggests the known one', () => {
    const { problems } = parseVerdict(FILE, verdictText({ extra: 'sorces: []' }));
    expect(problems).toMatchObject([{ line: 11, column: 1, severity: 'warning', rule: 'field-unknown' }]);
    expect(problems[0]?.message).toContain('Did you mean "sources"?');
  });

  it.each([
    ['draft: yes', '"draft" must be true or false'],
    ['tags: harbour', '"tags" must be a list'],
    ['claimant: [a, b]', 'must be text, not a list'],
    ['quote: "   "', 'only whitespace'],
    ['seed: ../alpha', 'must be a seed id'],
    ['redirect_from: [Old_Slug]', 'old slugs'],
    ['redirect_from: [sea-wall]', "this verdict's own slug"],
  ])('reports %s as field-invalid', (line, message) => {
    const key = line.slice(0, line.indexOf(':'));
    const { problems } = parseVerdict(FILE, verdictText({ [key]: line }));
    expect(problems.map((p) => p.rule)).toEqual(['field-invalid']);
    expect(problems[0]?.message).toContain(message);
  });

  it.each([
    ['javascript:alert(1)', 'javascript: URLs are refused'],
    ['JavaScript:alert(1)', 'javascript: URLs are refused'],
    ['data:text/html,hi', 'data: URLs are refused'],
    ['/minutes.html', 'not absolute'],
    ['example.org/minutes', 'not absolute'],
    ['//example.org/minutes', 'not absolute'],
    ['"https://exa mple.org/"', 'spaces or control characters'],
    ['"https:///path"', 'no host name'],
    ['ftp://example.org/x', 'ftp: URLs are refused'],
  ])('refuses the source URL %s at the url value', (url, message) => {
    const { problems } = parseVerdict(FILE, verdictText({ sources: `sources:\n  - title: T\n    url: ${url}` }));
    expect(problems).toMatchObject([{ line: 8, column: 10, rule: 'source-invalid' }]);
    expect(problems[0]?.message).toContain(message);
  });

  it('reports a source without a title at its list item, and a source that is not a map', () => {
    const { problems } = parseVerdict(FILE, verdictText({ sources: 'sources:\n  - url: https://example.org/\n  - just a string' }));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['7:5 source-invalid', '8:5 source-invalid']);
  });

  it('reports a source that gives both a seed and a url', () => {
    const { problems } = parseVerdict(FILE, verdictText({ sources: 'sources:\n  - seed: beta\n    url: https://example.org/' }));
    expect(problems).toMatchObject([{ line: 7, column: 5, rule: 'source-invalid' }]);
  });

  it('reports an empty list of sources', () => {
    expect(rules(verdictText({ sources: 'sources: []' }))).toEqual(['6:10 error field-missing']);
  });

  it('checks corrections: each needs a date and a note, not before the verdict date', () => {
    const corrections = 'corrections:\n  - date: 2024-03-02\n    note: ok\n  - note: no date\n  - date: 2024-01-01\n    note: too early';
    expect(rules(verdictText({ corrections }))).toEqual(['14:5 error field-missing', '15:11 error date-invalid']);
  });

  it('maps a source that is not at the head of the list to its own index', () => {
    const { verdict } = parseVerdict(FILE, verdictText({ sources: 'sources:\n  - title: bad\n  - seed: beta' }));
    expect(verdict?.sources).toEqual([{ kind: 'seed', seed: 'beta' }]);
    expect(verdict?.itemPositions['sources.1.seed']).toEqual({ line: 8, column: 11 });
  });

  it('reports a map used as a key as an unknown field, without printing to the console', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning');
    const { problems } = parseVerdict(FILE, verdictText({ extra: '? {a: 1}\n: x' }));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['11:3 field-unknown']);
    expect(emitWarning).not.toHaveBeenCalled();
    emitWarning.mockRestore();
  });

  it('warns when " #" cuts a plain value short, and not for a quoted # or a comment line', () => {
    const cut = parseVerdict(FILE, verdictText({ title: 'title: He was #1 in the polls' }));
    expect(cut.verdict?.title).toBe('He was');
    expect(cut.problems).toMatchObject([{ line: 2, column: 8, severity: 'warning', rule: 'field-invalid' }]);
    expect(cut.problems[0]?.message).toContain('so the value is "He was"');
    expect(parseVerdict(FILE, verdictText({ title: 'title: "He was #1 in the polls"' })).problems).toEqual([]);
    expect(parseVerdict(FILE, verdictText({ title: 'title: Number#1\n# a comment line' })).problems).toEqual([]);
  });

  it('adds a hint to the YAML errors editors cause most', () => {
    const message = (line: string) => parseVerdict(FILE, verdictText({ title: line })).problems[0]?.message;
    expect(message('title: Peskov: definitely')).toContain('must be in quotes');
    expect(message("title: 'Peskov's words'")).toContain("double a '");
    expect(message('title: @handle said')).toContain('put the value in quotes');
  });

  it('resolves YAML aliases within the limit', () => {
    const text = verdictText({ author: 'author: &who Test Editor', claimant: 'claimant: *who' });
    const { verdict, problems } = parseVerdict(FILE, text);
    expect(problems).toEqual([]);
    expect(verdict?.claimant).toBe('Test Editor');
  });

  it('does not let gray-matter hand back a cached result for identical text in another file', () => {
    const text = verdictText();
    const first = parseVerdict('content/verdicts/one.md', text);
    first.verdict!.title = 'changed by a caller';
    const second = parseVerdict('content/verdicts/two.md', text);
    expect(second.verdict?.title).toBe('The council voted for a sea wall');
    expect(second.verdict?.slug).toBe('two');
  });

  it('refuses front matter in another language instead of evaluating it', () => {
    const text = '---js\n{ title: (globalThis.pwned = 1) }\n---\n';
    expect(rules(text)).toEqual(['1:1 error frontmatter-invalid']);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('reports a file name that is not a safe slug and says how to rename it', () => {
    const { problems } = parseVerdict('content/verdicts/Sea Wall_Vote.md', verdictText());
    expect(problems).toMatchObject([{ line: 1, column: 1, rule: 'slug-invalid' }]);
    expect(problems[0]?.message).toContain('Rename it to content/verdicts/sea-wall-vote.md');
  });

  it('has one definition per field, covering every field the validator knows', () => {
    const names = VERDICT_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const { verdict } = parseVerdict(FILE, verdictText(Object.fromEntries(names.map((n) => [n, null]))));
    expect(Object.keys(verdict?.positions ?? {})).toEqual([]);
    for (const name of names) {
      const { problems } = parseVerdict(FILE, verdictText({ [name]: `${name}: x`, extra: null }));
      expect(problems.filter((p) => p.rule === 'field-unknown')).toEqual([]);
    }
  });
});
