import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/matching/anchor.ts';
import { isSegmentBoundary, normalise, normaliseQuote, toOriginal } from '../src/matching/normalise.ts';
import { fuzzSeed, runs } from './support/hostile.ts';
import { makeSeed } from './support/content.ts';

// Texts are built from tokens. Lone combining marks, modifiers and joiners attach to whatever precedes them (and a
// joiner also to a visible token that follows), so a sub-span of tokens is a whole passage only when it cuts no such
// attachment.
const ZWJ = '\u200D';
const ATTACHING = ['\u0301', '\u0323', ZWJ, '\u{1F3FD}'];
const SPACES = [' ', '\r\n', '\n\n', '\u00A0', '\t', '\u2009'];
const token = fc.constantFrom(
  ...ATTACHING,
  'q',
  'the',
  'vote',
  'Kiev',
  'Kyiv',
  'ÉTÉ',
  'été',
  'e\u0301te\u0301',
  'q\u0323\u0307',
  'a\u0308',
  'Ångström',
  'İz',
  '😀',
  '👍🏽',
  '👨\u200D👩\u200D👧',
  '🇺🇦',
  ' ',
  ' ',
  ...SPACES,
  '\u201C',
  '\u201D',
  '"',
  '\u2018',
  '\u2019',
  "'",
  '\u2013',
  '\u2014',
  '-',
  '\u2026',
  '...',
  '.',
  ',',
);
const text = fc.array(token, { minLength: 1, maxLength: 60 });
/** Whether token `k` belongs to the character before it (conservatively: a joiner after whitespace joins nothing). */
function attached(tokens: string[], k: number): boolean {
  const token = tokens[k] ?? '';
  return ATTACHING.includes(token) || (tokens[k - 1] === ZWJ && !SPACES.includes(token));
}
/** Every sub-span [from, to) of the tokens that is a whole passage; one of them is picked at random. */
function wholeSpans(tokens: string[]): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (let from = 0; from < tokens.length; from++) {
    if (attached(tokens, from)) continue;
    for (let to = from + 1; to <= tokens.length; to++) {
      if (!attached(tokens, to)) spans.push([from, to]);
    }
  }
  return spans;
}
const span = (tokens: string[]) => {
  const spans = wholeSpans(tokens);
  return spans.length > 0 ? fc.constantFrom(...spans) : fc.constant([0, 0] as const);
};
const cases = text.chain((tokens) => fc.tuple(fc.constant(tokens), span(tokens), fc.boolean()));
// `npm run fuzz` sets FUZZ_RUNS for longer runs of the same properties (and FUZZ_SEED to replay one).
const settings = { seed: fuzzSeed(20240923), numRuns: runs(300) };

/** Whether a highlight boundary at `offset` would cut a surrogate pair, a combining sequence or an emoji modifier. */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  const highLow = before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
  return highLow || /^[\p{M}\p{Emoji_Modifier}]/u.test(text.slice(offset, offset + 2));
}

describe('anchoring properties on random Unicode text', () => {
  it('anchors a sub-span (as typed or already normalised) to seed text whose normalised form equals the quote’s', () => {
    fc.assert(
      fc.property(cases, ([tokens, [from, to], typeNormalised]) => {
        const seed = makeSeed('random', tokens.join(''));
        const raw = tokens.slice(from, to).join('');
        if (raw === '') return;
        const quote = typeNormalised ? normaliseQuote(raw) : raw;
        const { anchor, notes } = anchorQuote(seed, { quote });
        if (normaliseQuote(raw) === '') {
          expect(notes.map((note) => note.rule)).toEqual(['field-invalid']);
          return;
        }
        if (!anchor) {
          // The passage is in the seed, so the only acceptable refusal is that it is there more than once.
          expect(notes.map((note) => note.rule)).toEqual(['quote-ambiguous']);
          return;
        }
        expect(anchor.method === 'exact' || anchor.method === 'normalised').toBe(true);
        expect(anchor.text).toBe(seed.text.slice(anchor.start, anchor.end));
        expect(normaliseQuote(anchor.text)).toBe(normaliseQuote(quote));
        expect(splitsCharacter(seed.text, anchor.start)).toBe(false);
        expect(splitsCharacter(seed.text, anchor.end)).toBe(false);
      }),
      settings,
    );
  });

  it('anchors an upper-cased sub-span case-insensitively to text that folds to the same words', () => {
    fc.assert(
      fc.property(cases, ([tokens, [from, to]]) => {
        const seed = makeSeed('random', tokens.join(''));
        const quote = tokens.slice(from, to).join('').toUpperCase();
        if (quote === '') return;
        const { anchor } = anchorQuote(seed, { quote });
        if (!anchor) return;
        const fold = { foldCase: true };
        expect(normaliseQuote(anchor.text, fold)).toBe(normaliseQuote(quote, fold));
        expect(splitsCharacter(seed.text, anchor.start) || splitsCharacter(seed.text, anchor.end)).toBe(false);
      }),
      settings,
    );
  });

  it('maps every segment-aligned range of the normalised view to original text that normalises back to it', () => {
    fc.assert(
      fc.property(cases, fc.boolean(), ([tokens], foldCase) => {
        const original = tokens.join('');
        const view = normalise(original, { foldCase });
        for (let i = 0; i <= view.text.length; i++) {
          if (!isSegmentBoundary(view, i)) continue;
          const { start } = toOriginal(view, i, i + 1);
          expect(splitsCharacter(original, start)).toBe(false);
          for (let j = i + 1; j <= view.text.length; j++) {
            if (!isSegmentBoundary(view, j)) continue;
            const range = toOriginal(view, i, j);
            expect(splitsCharacter(original, range.end)).toBe(false);
            expect(normalise(original.slice(range.start, range.end), { foldCase }).text).toBe(view.text.slice(i, j));
          }
        }
      }),
      { seed: fuzzSeed(7), numRuns: runs(60) },
    );
  });
});
