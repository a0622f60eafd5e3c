import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/matching/anchor.ts';
import { positionAt } from '../src/model/lines.ts';
import { normaliseQuote } from '../src/matching/normalise.ts';
import { makeSeed, sampleSeed } from './support/content.ts';

// 000 is the original article with straight quotes and hyphens; 001 reposts it with typographic quotes and dashes.
const original = sampleSeed('000_5bff26b3a7f2143b');
const repost = sampleSeed('001_9340af456b0c9be9');

describe('anchoring a quote on the normalised view', () => {
  it('records an exact match with the seed offsets, line and column', () => {
    const quote = 'Peskov replied: "Definitely."';
    const { anchor, notes } = anchorQuote(original, { quote });
    expect(notes).toEqual([]);
    expect(anchor?.method).toBe('exact');
    expect(anchor?.start).toBe(original.text.indexOf(quote));
    expect(anchor?.text).toBe(quote);
    expect({ line: anchor?.line, column: anchor?.column }).toEqual(positionAt(original.text, original.text.indexOf(quote)));
    expect(anchor?.line).toBe(6);
  });

  it('finds a quote copied with straight quote marks in the repost that uses typographic ones, and vice versa', () => {
    const straight = 'Russia would not hesitate to use "all means available" to defend its territory.';
    const curly = 'Russia would not hesitate to use \u201Call means available\u201D to defend its territory.';
    expect(original.text).toContain(straight);
    expect(repost.text).toContain(curly);

    const inRepost = anchorQuote(repost, { quote: straight });
    expect(inRepost.notes).toEqual([]);
    expect(inRepost.anchor?.method).toBe('normalised');
    expect(inRepost.anchor?.text).toBe(curly);
    expect(inRepost.anchor?.line).toBe(3);

    const inOriginal = anchorQuote(original, { quote: curly });
    expect(inOriginal.anchor?.method).toBe('normalised');
    expect(inOriginal.anchor?.text).toBe(straight);
    expect(inOriginal.anchor?.line).toBe(8);
  });

  it("matches an apostrophe and an en dash against the seed's typographic forms", () => {
    const { anchor } = anchorQuote(repost, {
      quote: 'allies in Europe and elsewhere - including Germany - have already stated',
    });
    expect(anchor?.method).toBe('normalised');
    expect(anchor?.text).toBe('allies in Europe and elsewhere \u2013 including Germany \u2013 have already stated');
    expect(anchorQuote(repost, { quote: "Russia's full mobilization potential" }).anchor?.text).toBe(
      'Russia\u2019s full mobilization potential',
    );
  });

  it('matches a quote that crosses a paragraph break, whatever whitespace the editor used', () => {
    const quote = 'The first results of the five-day vote are expected by Wednesday People have gathered across Russia';
    const { anchor, notes } = anchorQuote(original, { quote });
    expect(notes).toEqual([]);
    expect(anchor?.method).toBe('normalised');
    expect(anchor?.text).toBe('The first results of the five-day vote are expected by Wednesday\n\nPeople have gathered across Russia');
    expect(anchor?.line).toBe(22);

    const acrossSingleBreak = anchorQuote(repost, { quote: 'started on Friday.\r\n\r\nResponding to a media query' });
    expect(acrossSingleBreak.anchor?.text).toBe('started on Friday.\nResponding to a media query');
    expect(acrossSingleBreak.anchor?.line).toBe(1);
  });

  it('ignores whitespace around the quote and counts it exact when the words are byte-for-byte', () => {
    const { anchor } = anchorQuote(original, { quote: '\n  Kremlin spokesman Dmitry Peskov has confirmed \n' });
    expect(anchor?.method).toBe('exact');
    expect(anchor?.text).toBe('Kremlin spokesman Dmitry Peskov has confirmed');
  });

  it('highlights whole characters: a quote that ends inside a combining sequence is not an exact match', () => {
    const seed = makeSeed('marks', 'In the transcript the word is q\u0323\u0307 and nothing else.');
    const whole = anchorQuote(seed, { quote: 'In the transcript the word is q\u0323\u0307' });
    expect(whole.anchor?.method).toBe('exact');
    const cut = anchorQuote(seed, { quote: 'In the transcript the word is q' });
    expect(cut.anchor?.method).toBe('approximate');
    expect(cut.anchor?.text).toBe('In the transcript the word is q\u0323\u0307');
    expect(cut.notes.map((note) => note.rule)).toEqual(['quote-approximate']);
  });

  it('anchors a quote whose zero-width joiner is followed by whitespace, up to the joiner', () => {
    // fuzz counterexample ["—", ZWJ, " "]: the joiner glued the space into the dash's segment, so the trimmed quote
    // ended inside a segment and was not found
    const seed = makeSeed('joiner', '\u2014\u200D ');
    const { anchor, notes } = anchorQuote(seed, { quote: '\u2014\u200D ' });
    expect(notes).toEqual([]);
    expect(anchor?.method).toBe('exact');
    expect(anchor?.text).toBe('\u2014\u200D');
  });

  it('folds whitespace after a zero-width joiner into one space, so case-insensitive quotes agree on their ends', () => {
    // fuzz counterexample ["’", "🇺🇦", ZWJ, " ", "\n\n", " ", "—", "‘"] with tokens 1..5 as the quote: the space glued
    // to the flag escaped folding, leaving a second space that survived the quote's trimming but not the anchor's
    const seed = makeSeed('joiner', '\u2019🇺🇦\u200D \n\n \u2014\u2018');
    const quote = '🇺🇦\u200D \n\n'.toUpperCase();
    const { anchor, notes } = anchorQuote(seed, { quote });
    expect(notes).toEqual([]);
    expect(anchor?.start).toBe(1);
    expect(anchor?.text).toBe('🇺🇦\u200D');
    expect(normaliseQuote(anchor?.text ?? '', { foldCase: true })).toBe(normaliseQuote(quote, { foldCase: true }));
  });

  it('refuses an empty or whitespace-only quote as an invalid field', () => {
    for (const quote of ['', '   ', '\n\t\u00A0\r\n']) {
      const { anchor, notes } = anchorQuote(original, { quote });
      expect(anchor).toBeUndefined();
      expect(notes).toHaveLength(1);
      expect(notes[0]?.rule).toBe('field-invalid');
      expect(notes[0]?.severity).toBe('error');
      expect(notes[0]?.message).toMatch(/empty or only whitespace.*quote:/);
    }
  });
});
