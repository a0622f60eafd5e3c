import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/matching/anchor.ts';
import { positionAt } from '../src/model/lines.ts';
import { makeSeed, sampleSeed } from './support/content.ts';

// A 10 MB seed written with the sample articles' own words in random order, with one planted passage in the middle.
// Correctness only: the speed target (< 100 ms per quote) is measured outside the test suite.
function largeSeed() {
  const words = [
    ...new Set(
      sampleSeed('000_5bff26b3a7f2143b')
        .text.split(/\s+/)
        .filter((word) => word.length > 0),
    ),
  ];
  let state = 2024;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const paragraphs: string[] = [];
  let length = 0;
  while (length < 10_000_000) {
    const paragraph = Array.from({ length: 40 + Math.floor(random() * 80) }, () => words[Math.floor(random() * words.length)]).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  const planted = 'The ceasefire line will be monitored by observers from 14 countries, the envoy announced.';
  paragraphs.splice(paragraphs.length >> 1, 0, planted);
  const text = paragraphs.join('\r\n\r\n');
  return { seed: makeSeed('large', text), planted, line: positionAt(text, text.indexOf(planted)).line };
}

describe('anchoring in a 10 MB seed', () => {
  const { seed, planted, line } = largeSeed();

  it('finds the planted passage exactly, with a typo, and reports a near miss with the closest passage', () => {
    expect(seed.text.length).toBeGreaterThanOrEqual(10_000_000);

    const exact = anchorQuote(seed, { quote: planted });
    expect(exact.anchor?.method).toBe('exact');
    expect(exact.anchor?.line).toBe(line);

    const typo = anchorQuote(seed, { quote: 'The ceasefire line will be monitored by obsrevers from 14 countries, the envoy announced.' });
    expect(typo.anchor?.method).toBe('approximate');
    expect(typo.anchor?.text).toBe(planted);

    const far = anchorQuote(seed, { quote: 'The cease-fire border is to be watched by monitors from fourteen nations, an envoy said.' });
    expect(far.anchor).toBeUndefined();
    expect(far.notes[0]?.rule).toBe('quote-not-found');
    expect(far.notes[0]?.message).toContain(`(line ${line})`);
    expect(far.notes[0]?.message.length).toBeLessThan(400);
  });
});
