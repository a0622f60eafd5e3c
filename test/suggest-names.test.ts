import { describe, expect, it } from 'vitest';
import { didYouMean, nearest } from '../src/content/suggest.ts';

describe('did-you-mean suggestions', () => {
  it('suggests the closest name for a typo, a swapped pair of letters or a case slip', () => {
    expect(nearest('sorces', ['title', 'sources', 'seed'])).toBe('sources');
    expect(nearest('flase', ['false', 'mixed'])).toBe('false');
    expect(nearest('Accurate', ['accurate', 'mostly-accurate'])).toBe('accurate');
  });

  it('suggests the only name that starts with what was written', () => {
    expect(nearest('001', ['000_5bff26b3a7f2143b', '001_9340af456b0c9be9'])).toBe('001_9340af456b0c9be9');
    expect(nearest('00', ['000_5bff26b3a7f2143b', '001_9340af456b0c9be9'])).toBeUndefined();
  });

  it('suggests nothing for a name that is not close to any', () => {
    expect(nearest('banana', ['title', 'sources'])).toBeUndefined();
    expect(nearest('x'.repeat(100_000), ['title'])).toBeUndefined();
    expect(didYouMean('banana', [])).toBe('');
  });

  it('breaks ties by sorted order, whatever order the candidates come in', () => {
    expect(nearest('ab', ['ac', 'aa'])).toBe('aa');
    expect(nearest('ab', ['aa', 'ac'])).toBe('aa');
  });
});
