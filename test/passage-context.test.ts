import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passageContext } from '../src/site/passage-context.ts';
import { anchorOf, makeSeed } from './support/content.ts';

describe('passage context', () => {
  it('shows a few words either side, cut at word boundaries with an ellipsis where the paragraph goes on', () => {
    const seed = makeSeed('s', 'one two three four five six TARGET seven eight nine ten eleven');
    expect(passageContext(seed, anchorOf(seed, 'TARGET'), { words: 3 })).toEqual({
      before: '… four five six ',
      passage: 'TARGET',
      after: ' seven eight nine …',
    });
  });

  it('adds no ellipsis when the paragraph really starts or ends there, and stops at a paragraph break', () => {
    const seed = makeSeed('s', 'Previous paragraph.\r\n\r\n  Starts here: PASSAGE ends.\nNext paragraph.');
    expect(passageContext(seed, anchorOf(seed, 'PASSAGE'))).toEqual({ before: 'Starts here: ', passage: 'PASSAGE', after: ' ends.' });
    const atEdges = makeSeed('t', 'PASSAGE');
    expect(passageContext(atEdges, anchorOf(atEdges, 'PASSAGE'))).toEqual({ before: '', passage: 'PASSAGE', after: '' });
  });

  it('collapses whitespace, also inside a passage over a paragraph break', () => {
    const seed = makeSeed('s', 'a\u00a0\u00a0b  end of one.\n\nstart  of two c\td');
    expect(passageContext(seed, anchorOf(seed, 'end of one.\n\nstart  of two'))).toEqual({
      before: 'a b ',
      passage: 'end of one. start of two',
      after: ' c d',
    });
  });

  it('keeps a word the passage starts or ends inside of', () => {
    const seed = makeSeed('s', 'He replied definitely not.');
    expect(passageContext(seed, anchorOf(seed, 'efinitely no'))).toEqual({ before: 'He replied d', passage: 'efinitely no', after: 't.' });
  });

  it('stays bounded in text without spaces, cutting between characters, never inside one', () => {
    const seed = makeSeed('s', `${'😀'.repeat(500)}X${'é'.repeat(500)}`);
    const ctx = passageContext(seed, anchorOf(seed, 'X'), { maxChars: 21 });
    expect(ctx.before).toBe(`…${'😀'.repeat(10)}`);
    expect(ctx.after).toBe(`${'é'.repeat(21)}…`);
    expect(ctx.passage).toBe('X');
  });

  it('reads the sample seed as a reader would see it', () => {
    const text = readFileSync(new URL('../seeds/001_9340af456b0c9be9.txt', import.meta.url), 'utf8');
    const seed = makeSeed('001', text);
    expect(passageContext(seed, anchorOf(seed, '“Definitely.”'), { words: 4 })).toEqual({
      before: '… Russian land, Peskov replied: ',
      passage: '“Definitely.”',
      after: ' He also said that …',
    });
  });

  it('for any text, before + passage + after is the collapsed text of the region, with ellipses added', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '  ', '\n', '😀', 'e\u0301', '\u00a0');
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (parts, x, y, words) => {
          const text = parts.join('');
          const seed = makeSeed('s', text);
          const a = x % (text.length + 1);
          const b = y % (text.length + 1);
          const ctx = passageContext(seed, { start: Math.min(a, b), end: Math.max(a, b) }, { words, maxChars: 12 });
          const whole = `${ctx.before}${ctx.passage}${ctx.after}`.replace(/^… ?|…$/gu, '').replace(/ ?…$/u, '');
          expect(text.replace(/\s+/gu, ' ')).toContain(whole.trim());
          expect(ctx.before.replace(/^… ?/u, '').split(' ').filter(Boolean).length).toBeLessThanOrEqual(words);
          expect(ctx.after.replace(/ ?…$/u, '').split(' ').filter(Boolean).length).toBeLessThanOrEqual(words);
          for (const part of [ctx.before, ctx.after])
            expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        },
      ),
      { seed: 5, numRuns: 500 },
    );
  });
});
