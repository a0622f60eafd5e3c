import { describe, expect, it } from 'vitest';
import { marginNotes, reviewedShare, seedHighlights } from '../src/site/highlights.ts';
import { anchorOf, appearancesOf, makeSeed, makeVerdict, scale } from './support/content.ts';

describe('reviewed share', () => {
  it('counts the non-whitespace characters under a highlight, overlaps once', () => {
    // 12 visible characters: "abcd" "efgh" "ijkl"
    const seed = makeSeed('s', 'ab cd\n\nef gh\nij kl');
    const a = makeVerdict('a', { anchor: anchorOf(seed, 'ab cd') });
    const b = makeVerdict('b', { anchor: anchorOf(seed, 'cd') });
    expect(reviewedShare(seed, seedHighlights(seed, [a, b], scale))).toBe(4 / 12);
    const c = makeVerdict('c', { anchor: anchorOf(seed, 'cd\n\nef') });
    expect(reviewedShare(seed, seedHighlights(seed, [a, c], scale))).toBe(6 / 12);
  });

  it('counts an emoji or an accented letter as one character', () => {
    const seed = makeSeed('s', '😀 e\u0301x');
    const v = makeVerdict('v', { anchor: anchorOf(seed, '😀') });
    expect(reviewedShare(seed, seedHighlights(seed, [v], scale))).toBe(1 / 3);
  });

  it('is 0 for a seed without reviews or without visible text', () => {
    const seed = makeSeed('s', 'Some text.');
    expect(reviewedShare(seed, seedHighlights(seed, [], scale))).toBe(0);
    const blank = makeSeed('blank', ' \n ');
    expect(reviewedShare(blank, seedHighlights(blank, [], scale))).toBe(0);
  });
});

describe('margin notes', () => {
  it('list each verdict over the seed once, in reading order, with rating label, first passage id and whether it is a draft', () => {
    const home = makeSeed('home', 'Zeta claim first. Alpha claim later. Zeta claim first.');
    const elsewhere = makeSeed('elsewhere', 'Quoted: Alpha claim later.');
    const zeta = makeVerdict('zeta', { anchor: anchorOf(home, 'Zeta claim first', 1), rating: 'mixed', title: 'Zeta?' });
    zeta.appearances = appearancesOf(zeta.anchor, [home, elsewhere]);
    const alphaAnchor = anchorOf(elsewhere, 'Alpha claim later');
    const alpha = makeVerdict('alpha', {
      anchor: alphaAnchor,
      appearances: appearancesOf(alphaAnchor, [home, elsewhere]),
      rating: 'unsupported',
    });
    const sameStart = makeVerdict('aa', { anchor: anchorOf(home, 'Alpha claim'), rating: 'nonexistent' });
    const draft = makeVerdict('draft', { anchor: anchorOf(home, 'claim'), draft: true });
    expect(marginNotes(home, [zeta, alpha, draft, sameStart], scale)).toEqual([
      { slug: 'zeta', title: 'Zeta?', draft: false, rating: 'mixed', ratingLabel: 'Mixed', passageId: 'passage-zeta', start: 0 },
      { slug: 'draft', title: 'Title of draft', draft: true, rating: 'false', ratingLabel: 'False', passageId: 'passage-draft', start: 5 },
      {
        slug: 'aa',
        title: 'Title of aa',
        draft: false,
        rating: 'nonexistent',
        ratingLabel: 'nonexistent',
        passageId: 'passage-aa',
        start: 18,
      },
      {
        slug: 'alpha',
        title: 'Title of alpha',
        draft: false,
        rating: 'unsupported',
        ratingLabel: 'Unsupported',
        passageId: 'passage-alpha',
        start: 18,
      },
    ]);
    expect(marginNotes(elsewhere, [zeta, alpha], scale).map((n) => n.slug)).toEqual(['alpha']);
  });
});
