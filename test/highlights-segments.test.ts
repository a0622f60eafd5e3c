import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassageId, type HighlightedParagraph, seedHighlights, verdictPassages } from '../src/site/highlights.ts';
import type { PagedVerdict } from '../src/model/types.ts';
import { anchorAt, anchorOf, appearancesOf, makeSeed, makeVerdict, scale } from './support/content.ts';

const joined = (p: HighlightedParagraph): string => p.segments.map((s) => s.text).join('');
const view = (paragraphs: HighlightedParagraph[]) => paragraphs.map((p) => p.segments.map((s) => [s.text, s.marks?.verdicts ?? []]));

describe('seed highlights', () => {
  it('cut a paragraph around one passage and mark it with the verdict, its rating and its passage id', () => {
    const seed = makeSeed('s', 'Peskov replied: "Definitely." He said more.');
    const v = makeVerdict('definitely', { anchor: anchorOf(seed, '"Definitely."'), rating: 'misleading' });
    const [p] = seedHighlights(seed, [v], scale);
    expect(p!.segments).toEqual([
      { text: 'Peskov replied: ', start: 0, end: 16 },
      {
        text: '"Definitely."',
        start: 16,
        end: 29,
        marks: {
          id: 'm-16-29',
          verdicts: ['definitely'],
          ratings: ['misleading'],
          rating: 'misleading',
          passageStarts: ['passage-definitely'],
        },
      },
      { text: ' He said more.', start: 29, end: 43 },
    ]);
  });

  it('split overlapping passages of different verdicts so each segment lists every verdict over it', () => {
    const seed = makeSeed('s', 'one two three four five');
    const a = makeVerdict('a', { anchor: anchorOf(seed, 'one two three'), rating: 'accurate' });
    const b = makeVerdict('b', { anchor: anchorOf(seed, 'three four'), rating: 'false' });
    const paragraphs = seedHighlights(seed, [b, a], scale);
    expect(view(paragraphs)).toEqual([
      [
        ['one two ', ['a']],
        ['three', ['a', 'b']],
        [' four', ['b']],
        [' five', []],
      ],
    ]);
    const both = paragraphs[0]!.segments[1]!.marks!;
    expect(both.ratings).toEqual(['accurate', 'false']);
    expect(both.rating).toBe('false');
    expect(paragraphs[0]!.segments.map((s) => s.marks?.passageStarts)).toEqual([['passage-a'], ['passage-b'], [], undefined]);
  });

  it('show a passage nested inside another, and order verdicts over the same start by slug', () => {
    const seed = makeSeed('s', 'alpha beta gamma delta');
    const outer = makeVerdict('outer', { anchor: anchorOf(seed, 'alpha beta gamma delta') });
    const inner = makeVerdict('inner', { anchor: anchorOf(seed, 'beta gamma') });
    const same = makeVerdict('a-same-start', { anchor: anchorOf(seed, 'alpha beta gamma delta') });
    expect(view(seedHighlights(seed, [outer, inner, same], scale))).toEqual([
      [
        ['alpha ', ['a-same-start', 'outer']],
        ['beta gamma', ['a-same-start', 'outer', 'inner']],
        [' delta', ['a-same-start', 'outer']],
      ],
    ]);
  });

  it('highlight a passage that crosses a paragraph break in each paragraph, its id only at its start', () => {
    const text = 'First paragraph ends here.\r\n\r\nSecond begins there and goes on.\nThird.';
    const seed = makeSeed('s', text);
    const v = makeVerdict('crossing', { anchor: anchorOf(seed, 'ends here.\r\n\r\nSecond begins') });
    const paragraphs = seedHighlights(seed, [v], scale);
    expect(view(paragraphs)).toEqual([
      [
        ['First paragraph ', []],
        ['ends here.', ['crossing']],
      ],
      [
        ['Second begins', ['crossing']],
        [' there and goes on.', []],
      ],
      [['Third.', []]],
    ]);
    expect(paragraphs[0]!.segments[1]!.marks!.passageStarts).toEqual(['passage-crossing']);
    expect(paragraphs[1]!.segments[0]!.marks!.passageStarts).toEqual([]);
    paragraphs.forEach((p) => expect(joined(p)).toBe(text.slice(p.start, p.end)));
  });

  it('mark the passages of verdicts anchored in another seed that appear in this one, and every repeat', () => {
    const home = makeSeed('a-home', 'He said the vote was fair.');
    const other = makeSeed('b-other', 'Reports: the vote was fair. Again: the vote was fair.');
    const anchor = anchorOf(home, 'the vote was fair');
    const v = makeVerdict('fair-vote', { anchor, appearances: appearancesOf(anchor, [home, other]) });
    const [p] = seedHighlights(other, [v], scale);
    expect(view([p!])).toEqual([
      [
        ['Reports: ', []],
        ['the vote was fair', ['fair-vote']],
        ['. Again: ', []],
        ['the vote was fair', ['fair-vote']],
        ['.', []],
      ],
    ]);
    expect(p!.segments[1]!.marks!.passageStarts).toEqual(['passage-fair-vote']);
    expect(p!.segments[3]!.marks!.passageStarts).toEqual(['passage-fair-vote--2']);
    expect(verdictPassages(v, 'b-other').map((x) => x.id)).toEqual(['passage-fair-vote', 'passage-fair-vote--2']);
    expect(anchorPassageId(v)).toBe('passage-fair-vote');
  });

  it('give the anchored occurrence its own number when the same seed repeats the passage before it', () => {
    const seed = makeSeed('s', 'It is safe. Later: it is safe.');
    const anchor = anchorOf(seed, 'safe', 1);
    const v = makeVerdict('safe', { anchor, appearances: appearancesOf(anchor, [seed]) });
    expect(anchorPassageId(v)).toBe('passage-safe--2');
    expect(anchorPassageId(makeVerdict('unanchored'))).toBeUndefined();
  });

  it('keep passage ids when another verdict is added', () => {
    const seed = makeSeed('s', 'x y z x y z');
    const anchor = anchorOf(seed, 'y z', 1);
    const v = makeVerdict('v', { anchor, appearances: appearancesOf(anchor, [seed]) });
    const before = seedHighlights(seed, [v], scale).flatMap((p) => p.segments.flatMap((s) => s.marks?.passageStarts ?? []));
    const w = makeVerdict('w', { anchor: anchorOf(seed, 'x'), appearances: appearancesOf(anchorOf(seed, 'x'), [seed]) });
    const after = seedHighlights(seed, [w, v], scale).flatMap((p) => p.segments.flatMap((s) => s.marks?.passageStarts ?? []));
    expect(after.filter((id) => id.startsWith('passage-v'))).toEqual(before);
  });

  it('never split a surrogate pair or a combining sequence, even for offsets that fall inside one', () => {
    const text = 'Flag 🇺🇦 and cafe\u0301 now';
    const seed = makeSeed('s', text);
    const flag = text.indexOf('🇺🇦');
    const accent = text.indexOf('\u0301');
    const v = makeVerdict('v', { anchor: anchorAt(seed, flag + 1, flag + 3) });
    const w = makeVerdict('w', { anchor: anchorAt(seed, accent, accent + 1) });
    const [p] = seedHighlights(seed, [v, w], scale);
    expect(joined(p!)).toBe(text);
    expect(view([p!])).toEqual([
      [
        ['Flag ', []],
        ['🇺🇦', ['v']],
        [' and caf', []],
        ['e\u0301', ['w']],
        [' now', []],
      ],
    ]);
  });
});

// Random seeds built from whole characters (so the test knows every character's extent) and random passages.
const CHARACTERS = ['a', 'b', ' ', '\n', '\r\n', '😀', 'e\u0301', '\u00a0'];

const corpus = fc
  .record({
    chars: fc.array(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength: 60 }),
    passages: fc.array(fc.record({ slug: fc.constantFrom('p', 'q', 'r', 's'), a: fc.nat(), b: fc.nat() }), { maxLength: 8 }),
  })
  .map(({ chars, passages }) => {
    const text = chars.join('');
    const owner: number[] = []; // code unit -> index of its character's first unit
    let at = 0;
    for (const c of chars) {
      // CRLF is two characters to the highlighter (it is never inside a paragraph); the others are one each
      const whole = c !== '\r\n';
      for (let i = 0; i < c.length; i++) owner.push(whole ? at : at + i);
      at += c.length;
    }
    const spans = passages.map(({ slug, a, b }) => {
      const x = a % (text.length + 1);
      const y = b % (text.length + 1);
      return { slug, start: Math.min(x, y), end: Math.max(x, y) };
    });
    return { text, owner, spans };
  });

function verdictsFor(seedId: string, spans: { slug: string; start: number; end: number }[], text: string): PagedVerdict[] {
  const bySlug = new Map<string, { start: number; end: number }[]>();
  for (const s of spans) bySlug.set(s.slug, [...(bySlug.get(s.slug) ?? []), s]);
  const seed = makeSeed(seedId, text);
  return [...bySlug].map(([slug, [first, ...rest]]) =>
    makeVerdict(slug, {
      anchor: anchorAt(seed, first!.start, first!.end),
      appearances: rest.map((r) => ({ seed: seedId, start: r.start, end: r.end, line: 1, column: 1 })),
    }),
  );
}

describe('seed highlights, for any text and any overlapping passages', () => {
  it('preserve each paragraph text exactly and list over every character exactly the verdicts over it', () => {
    fc.assert(
      fc.property(corpus, ({ text, owner, spans }) => {
        const seed = makeSeed('s', text);
        const paragraphs = seedHighlights(seed, verdictsFor('s', spans, text), scale);
        expect(paragraphs.map((p) => [p.start, p.end])).toEqual(seed.paragraphs.map((p) => [p.start, p.end]));
        for (const p of paragraphs) {
          expect(joined(p)).toBe(text.slice(p.start, p.end));
          let at = p.start;
          for (const s of p.segments) {
            expect(s.start).toBe(at);
            expect(s.text).toBe(text.slice(s.start, s.end));
            expect(owner[s.start]).toBe(s.start); // starts on a whole character
            at = s.end;
            for (let i = s.start; i < s.end; i++) {
              // a passage covers a character when its offsets reach into any unit of that character
              const charStart = owner[i]!;
              let charEnd = charStart;
              while (charEnd < text.length && owner[charEnd] === charStart) charEnd++;
              const over = new Map<string, number>();
              for (const sp of spans) {
                if (sp.start < sp.end && sp.start < charEnd && sp.end > charStart) {
                  const snapped = owner[sp.start]!;
                  over.set(sp.slug, Math.min(over.get(sp.slug) ?? Infinity, snapped));
                }
              }
              const expected = [...over].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([slug]) => slug);
              expect(s.marks?.verdicts ?? []).toEqual(expected);
            }
          }
          expect(at).toBe(p.end);
        }
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });

  it('give every shown passage exactly one start, and every id once per page', () => {
    fc.assert(
      fc.property(corpus, ({ text, spans }) => {
        const seed = makeSeed('s', text);
        const verdicts = verdictsFor('s', spans, text);
        const paragraphs = seedHighlights(seed, verdicts, scale);
        const segments = paragraphs.flatMap((p) => p.segments);
        const ids = segments.flatMap((s) => (s.marks ? [s.marks.id, ...s.marks.passageStarts] : []));
        expect(new Set(ids).size).toBe(ids.length);
        const shown = verdicts
          .flatMap((v) => verdictPassages(v, 's'))
          .filter((ps) => ps.start < ps.end && segments.some((s) => s.start < ps.end && s.end > ps.start));
        const started = new Set(segments.flatMap((s) => s.marks?.passageStarts ?? []));
        for (const ps of shown) expect(started.has(ps.id)).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
