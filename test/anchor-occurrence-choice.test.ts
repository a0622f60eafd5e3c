import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/matching/anchor.ts';
import { makeSeed, sampleSeed } from './support/content.ts';

const original = sampleSeed('000_5bff26b3a7f2143b');

/** Lines (1-based) of the seed that contain `quote`, found independently of the anchoring code. */
function linesContaining(text: string, quote: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(quote) ? [i + 1] : []));
}

describe('choosing among several occurrences', () => {
  it('refuses a quote that occurs several times and lists every occurrence by line', () => {
    const quote = 'Donbass republics';
    const lines = linesContaining(original.text, quote);
    expect(lines).toEqual([4, 16, 24]);
    const { anchor, notes } = anchorQuote(original, { quote });
    expect(anchor).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('quote-ambiguous');
    expect(notes[0]?.severity).toBe('error');
    for (const line of lines) expect(notes[0]?.message).toContain(`line ${line} `);
    expect(notes[0]?.message).toMatch(/occurs 3 times.*Add `prefix:` or `suffix:`/);
  });

  it('lets a prefix or a suffix pick one occurrence', () => {
    const byPrefix = anchorQuote(original, { quote: 'Donbass republics', prefix: 'Russia recognized the ' });
    expect(byPrefix.notes).toEqual([]);
    expect(byPrefix.anchor?.line).toBe(16);
    const bySuffix = anchorQuote(original, { quote: 'Donbass republics', suffix: ' and the Russian-controlled' });
    expect(bySuffix.notes).toEqual([]);
    expect(bySuffix.anchor?.line).toBe(24);
    const both = anchorQuote(original, { quote: 'Donbass republics', prefix: 'two', suffix: 'as well as' });
    expect(both.anchor?.line).toBe(4);
  });

  it('still refuses when the prefix fits more than one occurrence', () => {
    const { anchor, notes } = anchorQuote(original, { quote: 'Donbass republics', prefix: 'the' });
    expect(anchor).toBeUndefined();
    expect(notes[0]?.rule).toBe('quote-ambiguous');
    expect(notes[0]?.message).toContain('fit 2 of them (line 16, line 24)');
  });

  it('warns when the given context no longer matches the text around the only occurrence, showing old and new', () => {
    const { anchor, notes } = anchorQuote(original, {
      quote: 'Dmitry Medvedev, warned that Russia would not hesitate',
      prefix: "former prime minister and the deputy head of the nation's Security Council,",
      suffix: 'to use "all means available"',
    });
    expect(anchor?.line).toBe(8);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('context-changed');
    expect(notes[0]?.severity).toBe('warning');
    expect(notes[0]?.message).toContain('the prefix no longer matches');
    expect(notes[0]?.message).toContain('former prime minister and the deputy head');
    expect(notes[0]?.message).toContain('former president and the deputy head of the nation\'s Security Council,"');
    expect(notes[0]?.message).toContain('update `prefix:`');
  });

  it('picks the occurrence whose context mostly agrees, with a context-changed warning, when none agrees fully', () => {
    const seed = makeSeed(
      'edited',
      'The mayor said the bridge will open in May.\nLater the governor said the bridge will open in May, again.',
    );
    const { anchor, notes } = anchorQuote(seed, {
      quote: 'said the bridge will open in May',
      prefix: 'Later the state governor',
    });
    expect(anchor?.line).toBe(2);
    expect(notes.map((note) => note.rule)).toEqual(['context-changed']);
  });

  it('matches a quote that differs only in letter case, records method case and warns', () => {
    const { anchor, notes } = anchorQuote(original, { quote: 'moscow will treat any potential attacks on DONBASS' });
    expect(anchor?.method).toBe('case');
    expect(anchor?.text).toBe('Moscow will treat any potential attacks on Donbass');
    expect(anchor?.errors).toBe(0);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.rule).toBe('quote-approximate');
    expect(notes[0]?.severity).toBe('warning');
    expect(notes[0]?.message).toContain('only in letter case');
    expect(notes[0]?.message).toContain('"moscow will"');
    expect(notes[0]?.message).toContain('"Moscow will"');
  });
});
