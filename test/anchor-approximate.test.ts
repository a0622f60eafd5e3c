import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/matching/anchor.ts';
import { makeSeed, sampleSeed } from './support/content.ts';

const original = sampleSeed('000_5bff26b3a7f2143b');

describe('approximate anchoring', () => {
  it('accepts a quote with a typo, anchors the seed’s own words and warns what differs', () => {
    const { anchor, notes } = anchorQuote(original, { quote: 'Kremlin spokesman Dmitry Peskov has confirmd' });
    expect(anchor?.method).toBe('approximate');
    expect(anchor?.errors).toBe(1);
    expect(anchor?.text).toBe('Kremlin spokesman Dmitry Peskov has confirmed');
    expect(anchor?.line).toBe(4);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('quote-approximate');
    expect(notes[0]?.severity).toBe('warning');
    expect(notes[0]?.message).toContain('not verbatim');
    expect(notes[0]?.message).toContain('quote "has confirmd" vs seed "has confirmed"');
    expect(notes[0]?.message).toContain('line 4');
  });

  it('shows dropped quote marks and a misspelling together', () => {
    const { anchor, notes } = anchorQuote(original, {
      quote: 'would not hesitate to use all means availble to defend its territory',
    });
    expect(anchor?.text).toBe('would not hesitate to use "all means available" to defend its territory');
    expect(anchor?.errors).toBe(3);
    expect(notes[0]?.message).toContain('quote "use all" vs seed "use \\"all"');
    expect(notes[0]?.message).toContain('quote "means availble to" vs seed "means available\\" to"');
  });

  it('refuses two equally good approximate candidates and lists both', () => {
    const seed = makeSeed(
      'twice',
      'A. The minister said the budget would grow by ten percent.\n\nB. The minister said the budget would grow by ten per cent.\n',
    );
    const quote = 'The minister said the budget would grow by ten per-cent.';
    const { anchor, notes } = anchorQuote(seed, { quote });
    expect(anchor).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('quote-ambiguous');
    expect(notes[0]?.message).toContain('not verbatim');
    expect(notes[0]?.message).toContain('line 1 ');
    expect(notes[0]?.message).toContain('line 3 ');

    const chosen = anchorQuote(seed, { quote, prefix: 'B.' });
    expect(chosen.anchor?.line).toBe(3);
    expect(chosen.anchor?.text).toBe('The minister said the budget would grow by ten per cent.');
    expect(chosen.notes.map((note) => note.rule)).toEqual(['quote-approximate']);
  });

  it('prefers the single best candidate when a second one is further away', () => {
    const seed = makeSeed(
      'near',
      'The minister said the budget would grow by ten percent.\nThe minister said the budgets could grow by ten percent.\n',
    );
    const { anchor } = anchorQuote(seed, { quote: 'The minister said the budget would grow by tenpercent.' });
    expect(anchor?.line).toBe(1);
    expect(anchor?.errors).toBe(1);
  });

  it('reports a near miss that is too far as not found, naming the closest passage and its line', () => {
    const { anchor, notes } = anchorQuote(original, { quote: 'Kremlin spokesperson Dmitri Peskow has confirmed it' });
    expect(anchor).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('quote-not-found');
    expect(notes[0]?.severity).toBe('error');
    expect(notes[0]?.message).toMatch(
      /^quote not found in seed 000_5bff26b3a7f2143b; closest: "[^"]*Kremlin spokesman Dmitry Peskov has confirmed[^"]*" \(line 4\)\./,
    );
  });

  it('never matches a short quote approximately, but still points at the closest passage', () => {
    const { anchor, notes } = anchorQuote(original, { quote: 'Peskov replyed' });
    expect(anchor).toBeUndefined();
    expect(notes[0]?.rule).toBe('quote-not-found');
    expect(notes[0]?.message).toContain('shorter than 20 characters must match exactly');
    expect(notes[0]?.message).toMatch(/closest: "[^"]*Peskov replied[^"]*" \(line 6\)/);
  });

  it('says so when nothing in the seed resembles the quote', () => {
    const { notes } = anchorQuote(original, { quote: 'zzzz qqqq xxxx wwww vvvv' });
    expect(notes[0]?.rule).toBe('quote-not-found');
    expect(notes[0]?.message).toContain('no passage of it is similar');
    expect(notes[0]?.message).toContain('`seed:`');
  });

  it('matches a huge quote only exactly and keeps the message short', () => {
    const quote = `${original.text.repeat(50)} and more`;
    const { notes } = anchorQuote(original, { quote, prefix: quote, suffix: quote });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('quote-not-found');
    expect(notes[0]?.message).toContain('longer than 5000 characters must match exactly');
    expect(notes[0]?.message.length).toBeLessThan(400);
  });
});
