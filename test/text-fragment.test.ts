import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeDirectiveTerm,
  formatTextDirective,
  originalPassageUrl,
  type TextDirective,
  textDirective,
  withTextFragment,
} from '../src/site/text-fragment.ts';
import { anchorOf, makeSeed } from './support/content.ts';

/** Reads a `:~:text=` value back the way the WICG spec's parser does. */
function parseDirective(fragment: string): TextDirective {
  const value = fragment.slice(fragment.indexOf(':~:text=') + ':~:text='.length);
  expect(value).not.toMatch(/[&#\s]/); // one directive, nothing that ends the fragment
  const tokens = value.split(',');
  const d: Partial<TextDirective> = {};
  if (tokens[0]!.endsWith('-')) d.prefix = decodeURIComponent(tokens.shift()!.slice(0, -1));
  if (tokens.at(-1)!.startsWith('-')) d.suffix = decodeURIComponent(tokens.pop()!.slice(1));
  expect(tokens.length === 1 || tokens.length === 2).toBe(true);
  for (const t of tokens) expect(t).not.toMatch(/-/); // a literal '-' would be read as a prefix/suffix marker
  d.textStart = decodeURIComponent(tokens[0]!);
  if (tokens[1] !== undefined) d.textEnd = decodeURIComponent(tokens[1]);
  return d as TextDirective;
}

describe('text fragments', () => {
  it('match a short passage whole', () => {
    const seed = makeSeed('s', 'Peskov replied: “Definitely.” He also said more.');
    expect(textDirective(seed, anchorOf(seed, '“Definitely.”'))).toEqual({ textStart: '“Definitely.”' });
    expect(withTextFragment('https://example.org/a', seed, anchorOf(seed, '“Definitely.”'))).toBe(
      'https://example.org/a#:~:text=%E2%80%9CDefinitely.%E2%80%9D',
    );
  });

  it('percent-encode the characters that separate directive parts: - , & and also % # and spaces', () => {
    expect(encodeDirectiveTerm('co-founder, A&B 100% #1')).toBe('co%2Dfounder%2C%20A%26B%20100%25%20%231');
    const seed = makeSeed('s', 'The co-founder, A&B said it.');
    const fragment = withTextFragment('https://example.org/', seed, anchorOf(seed, 'co-founder, A&B'));
    expect(fragment).toBe('https://example.org/#:~:text=co%2Dfounder%2C%20A%26B');
    expect(parseDirective(fragment)).toEqual({ textStart: 'co-founder, A&B' });
  });

  it('match a long passage by its first and last words', () => {
    const text = 'Intro. one two three four five six seven eight nine ten eleven twelve. Outro.';
    const seed = makeSeed('s', text);
    expect(textDirective(seed, anchorOf(seed, 'one two three four five six seven eight nine ten eleven twelve.'))).toEqual({
      textStart: 'one two three four',
      textEnd: 'nine ten eleven twelve.',
    });
  });

  it('keep each term of a passage over a paragraph break inside its own paragraph', () => {
    const text = 'First para ends with these words.\r\n\r\nSecond para starts here and continues.';
    const seed = makeSeed('s', text);
    expect(textDirective(seed, anchorOf(seed, 'these words.\r\n\r\nSecond para'))).toEqual({
      textStart: 'these words.',
      textEnd: 'Second para',
    });
  });

  it('widen a passage that starts or ends inside a word to whole words, and collapse whitespace', () => {
    const seed = makeSeed('s', 'He said   definitely\u00a0not now.');
    expect(textDirective(seed, anchorOf(seed, 'efinitely\u00a0no'))).toEqual({ textStart: 'definitely not' });
    expect(textDirective(seed, anchorOf(seed, '   '))).toBeUndefined();
  });

  it('add prefix and suffix from the same paragraph only when the passage recurs in the seed', () => {
    const text = 'Earlier line.\nThey said it is SAFE today. Others said it is safe tomorrow.\nLater line.';
    const seed = makeSeed('s', text);
    expect(textDirective(seed, anchorOf(seed, 'it is safe'))).toEqual({
      prefix: 'today. Others said',
      textStart: 'it is safe',
      suffix: 'tomorrow.',
    });
    expect(textDirective(seed, anchorOf(seed, 'it is SAFE'))).toEqual({
      prefix: 'They said',
      textStart: 'it is SAFE',
      suffix: 'today. Others said',
    });
    const fragment = withTextFragment('https://example.org/', seed, anchorOf(seed, 'it is safe'));
    expect(fragment).toBe('https://example.org/#:~:text=today.%20Others%20said-,it%20is%20safe,-tomorrow.');
  });

  it('keep an existing fragment and replace an existing text directive', () => {
    const seed = makeSeed('s', 'Only words here.');
    const span = anchorOf(seed, 'words');
    expect(withTextFragment('https://example.org/a#section', seed, span)).toBe('https://example.org/a#section:~:text=words');
    expect(withTextFragment('https://example.org/a#x:~:text=old', seed, span)).toBe('https://example.org/a#x:~:text=words');
  });

  it('link to the original only for an http(s) URL', () => {
    const span = { start: 0, end: 4 };
    expect(originalPassageUrl(makeSeed('s', 'Word here.', { url: 'https://example.org/' }), span)).toBe(
      'https://example.org/#:~:text=Word',
    );
    expect(originalPassageUrl(makeSeed('s', 'Word here.', { url: 'javascript:alert(1)' }), span)).toBeUndefined();
    expect(originalPassageUrl(makeSeed('s', 'Word here.'), span)).toBeUndefined();
  });

  it('point at the sample seed passage with its typographic quotes intact', () => {
    const text = readFileSync(new URL('../seeds/001_9340af456b0c9be9.txt', import.meta.url), 'utf8');
    const seed = makeSeed('001_9340af456b0c9be9', text);
    const d = textDirective(seed, anchorOf(seed, 'Peskov replied: “Definitely.”'));
    expect(d).toEqual({ textStart: 'Peskov replied: “Definitely.”' });
    expect(formatTextDirective(d!)).toBe(':~:text=Peskov%20replied%3A%20%E2%80%9CDefinitely.%E2%80%9D');
  });

  it('for any text and passage, encode terms that parse back and that the browser finds in order', () => {
    const chars = fc.constantFrom('a', 'b', 'c', ' ', '-', ',', '&', '%', '#', '\n', '😀', 'é', '“');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        const seed = makeSeed('s', text);
        const a = x % (text.length + 1);
        const b = y % (text.length + 1);
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        const d = textDirective(seed, span);
        if (!d) return;
        expect(parseDirective(formatTextDirective(d))).toEqual(d);
        // every term is the seed's own words, in order: prefix, textStart, textEnd, suffix
        const folded = text.replace(/\s+/gu, ' ');
        let at = 0;
        for (const term of [d.prefix, d.textStart, d.textEnd, d.suffix]) {
          if (term === undefined) continue;
          expect(term).not.toMatch(/^\s|\s$/u);
          const found = folded.indexOf(term, at);
          expect(found).toBeGreaterThanOrEqual(0);
          at = found + term.length;
        }
      }),
      { seed: 99, numRuns: 500 },
    );
  });
});
