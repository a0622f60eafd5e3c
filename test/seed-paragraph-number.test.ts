// Readers are told where a passage is by paragraph, counted as the seed's page shows them: each non-blank
// line is one paragraph, whether the text separates its paragraphs with blank lines or puts one on each line.
import { describe, expect, it } from 'vitest';
import { paragraphNumber } from '../src/content/seeds.ts';
import { makeSeed } from './support/content.ts';

const at = (text: string, words: string) => paragraphNumber(makeSeed('s', text), text.indexOf(words));

describe('paragraph numbers', () => {
  it('count blank-line separated paragraphs', () => {
    const text = 'Headline\n\nFirst paragraph.\n\nSecond paragraph, with the passage.\n\n\nThird.';
    expect(at(text, 'Headline')).toBe(1);
    expect(at(text, 'First')).toBe(2);
    expect(at(text, 'with the passage')).toBe(3);
    expect(at(text, 'Third')).toBe(4);
  });

  it('count one paragraph a line in a text without blank lines, with any line ending', () => {
    const text = 'One.\r\nTwo, and the passage.\rThree.\nFour.';
    expect(['One', 'the passage', 'Three', 'Four'].map((w) => at(text, w))).toEqual([1, 2, 3, 4]);
  });

  it('give an offset between two paragraphs the next one, and none past the last', () => {
    const text = 'One.\n\n   \nTwo.\n\n';
    const seed = makeSeed('s', text);
    expect(paragraphNumber(seed, text.indexOf('\n'))).toBe(2);
    expect(paragraphNumber(seed, text.length - 1)).toBeUndefined();
    expect(paragraphNumber(makeSeed('empty', ''), 0)).toBeUndefined();
  });
});
