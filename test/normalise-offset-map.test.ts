import { describe, expect, it } from 'vitest';
import {
  foldedFrom,
  isSegmentBoundary,
  normalise,
  normaliseQuote,
  originalSegment,
  seedView,
  toOriginal,
} from '../src/matching/normalise.ts';
import { makeSeed } from './support/content.ts';

describe('normalised view and its offset map', () => {
  it('folds typographic quotes, dashes and the ellipsis to ASCII', () => {
    expect(normalise('\u201CYes\u201D \u2018no\u2019 \u2013 \u2014 \u2212 \u2026').text).toBe('"Yes" \'no\' - - - ...');
  });

  it('collapses any whitespace run (CRLF, NBSP, thin space, tabs) to one space covering the whole run', () => {
    const original = 'a \r\n\u00A0\u2009\tb';
    const n = normalise(original);
    expect(n.text).toBe('a b');
    expect(toOriginal(n, 1, 2)).toEqual({ start: 1, end: original.length - 1 });
  });

  it('applies NFC and keeps a base character with its combining marks as one segment', () => {
    const original = 'cafe\u0301 q\u0323\u0307!';
    const n = normalise(original);
    expect(n.text).toBe('caf\u00E9 q\u0323\u0307!');
    // é comes from two original code units
    expect(toOriginal(n, 3, 4)).toEqual({ start: 3, end: 5 });
    // q + two marks that do not compose: three outputs, all mapping to the whole sequence
    expect(toOriginal(n, 5, 6)).toEqual({ start: 6, end: 9 });
    expect(isSegmentBoundary(n, 6)).toBe(false);
    expect(isSegmentBoundary(n, 8)).toBe(true);
  });

  it('never splits a surrogate pair or an emoji with its modifier', () => {
    const original = 'x👍🏽y';
    const n = normalise(original);
    expect(n.text).toBe(original);
    expect(toOriginal(n, 1, 2)).toEqual({ start: 1, end: 5 });
    expect(isSegmentBoundary(n, 2)).toBe(false);
  });

  it('maps every character of an expansion (… -> ...) back to the one original character', () => {
    const n = normalise('a\u2026b');
    expect(n.text).toBe('a...b');
    expect(toOriginal(n, 1, 4)).toEqual({ start: 1, end: 2 });
    expect(isSegmentBoundary(n, 2)).toBe(false);
  });

  it('drops invisible soft hyphens and zero-width spaces but keeps them inside the mapped range', () => {
    const n = normalise('co\u00ADop\u200Bera');
    expect(n.text).toBe('coopera');
    expect(toOriginal(n, 0, 7)).toEqual({ start: 0, end: 9 });
  });

  it('lets a zero-width joiner glue only visible characters, so whitespace still folds and no letter is swallowed', () => {
    const spaced = normalise('x\u200D \n\ny');
    expect(spaced.text).toBe('x\u200D y');
    expect(isSegmentBoundary(spaced, 2)).toBe(true);
    expect(toOriginal(spaced, 2, 3)).toEqual({ start: 2, end: 5 });
    expect(normalise('vote \u200Dthe').text).toBe('vote the');
    expect(normalise('a\u200B\u200D😀').text).toBe('a😀');
    expect(normaliseQuote('\u2014\u200D ')).toBe('-\u200D');
  });

  it('folds case only when asked, including letters whose lower case is longer', () => {
    expect(normalise('Moscow İZMIR').text).toBe('Moscow İZMIR');
    const folded = normalise('Moscow İZMIR', { foldCase: true });
    expect(folded.text).toBe('moscow i\u0307zmir');
    expect(toOriginal(folded, 7, 9)).toEqual({ start: 7, end: 8 });
  });

  it('round-trips: every segment-aligned normalised slice maps to original text that normalises to it', () => {
    const original = ' \u201CHe said\u2026\u201D\r\n\r\nIt\u2019s e\u0301t\u00E9 \u2014 👨\u200D👩\u200D👧 ok ';
    const n = normalise(original);
    for (let i = 0; i < n.text.length; i++) {
      for (let j = i + 1; j <= n.text.length; j++) {
        if (!isSegmentBoundary(n, i) || !isSegmentBoundary(n, j)) continue;
        const { start, end } = toOriginal(n, i, j);
        expect(normalise(original.slice(start, end)).text).toBe(n.text.slice(i, j));
      }
    }
  });

  it('derives the case-folded view from the plain one only where that gives exactly the folded view', () => {
    const same = (original: string) => {
      const derived = foldedFrom(original, normalise(original));
      const built = normalise(original, { foldCase: true });
      if (!derived) return false;
      expect(derived.text).toBe(built.text);
      for (let i = 0; i < built.text.length; i++) expect(originalSegment(derived, i)).toEqual(originalSegment(built, i));
      return true;
    };
    expect(same('\u201CZ\u00FCrich\u201D \u2014 \u0141ukasz said\u2026\r\n\r\nCAF\u00C9 e\u0301 \u00C9TAT  \u00A0ok')).toBe(true);
    // Whole-text lowercasing reads Σ at a word's end as final ς; folding it alone gives σ.
    expect(same('\u039F\u0394\u039F\u03A3 x')).toBe(false);
    // İ lowercases to two characters: the map differs.
    expect(same('\u0130ZM\u0130R')).toBe(false);
    const seed = makeSeed('s', '\u039F\u0394\u039F\u03A3 and \u0130ZMIR');
    expect(seedView(seed, true).text).toBe(normalise(seed.text, { foldCase: true }).text);
  });

  it('trims the quote after normalising it', () => {
    expect(normaliseQuote('\n\u00A0 \u201CDefinitely.\u201D \r\n')).toBe('"Definitely."');
    expect(normaliseQuote(' \t\n ')).toBe('');
  });

  it('caches a seed view per seed object and per case mode', () => {
    const seed = makeSeed('s', 'Hello World');
    expect(seedView(seed)).toBe(seedView(seed));
    expect(seedView(seed, true)).toBe(seedView(seed, true));
    expect(seedView(seed, true).text).toBe('hello world');
    expect(seedView(makeSeed('s', 'Hello World'))).not.toBe(seedView(seed));
  });
});
