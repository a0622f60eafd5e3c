// Which seeds share text, and how: verbatim reposts, reposts with other quote marks, an inserted sentence,
// a stock phrase (not a relation), a three-way chain, and the direction from publication dates.
import { describe, expect, it } from 'vitest';
import { computeProvenance, relationBetween, relationsOf } from '../src/matching/provenance/index.ts';
import { sharedTextSummary } from '../src/matching/provenance/summary.ts';
import type { Seed, SeedMeta } from '../src/model/types.ts';
import { makeSeed } from './support/content.ts';

const REPORT = [
  'The harbour council of Port Ellery voted on Tuesday to build a new sea wall along the northern quay, after two winters of flooding closed the fish market for eleven weeks.',
  'The mayor, Ines Varga – who chairs the council – said the wall would cost 14 million euros and take three years to finish. “We cannot ask the traders to move every time the tide comes in,” she told the council.',
  'Opposition members argued that the money should go to the hospital instead. A motion to delay the vote by a month was defeated by nine votes to six.',
  'Work is expected to begin in the spring, once the regional water board has approved the plans and the environmental survey of the estuary is complete.',
].join('\n\n');

function seed(id: string, text: string, meta: SeedMeta = {}): Seed {
  return { ...makeSeed(id, text), meta };
}

function only(seeds: Seed[]) {
  const provenance = computeProvenance(seeds);
  return { provenance, relation: (a: string, b: string) => relationBetween(provenance, a, b) };
}

const kinds = (parts: { kind: string }[]) => parts.map((p) => p.kind);

describe('provenance between seeds', () => {
  it('finds a verbatim repost: everything shared, nothing added or changed', () => {
    const { relation } = only([seed('a', REPORT), seed('b', REPORT)]);
    const r = relation('a', 'b')!;
    expect(kinds(r.parts)).toEqual(['same']);
    expect(r.shared).toBe(r.wordsA);
    const side = relationsOf({ relations: [r], comparisons: 1, pairUpdates: 1 }, 'b')[0]!;
    expect(sharedTextSummary(side)).toEqual({ repeats: '100%', rest: 'word for word; adds nothing; changes 0 words', typography: '' });
  });

  it('sees a repost with straight quotes and hyphens for dashes as the same words, written differently', () => {
    const straight = REPORT.replace(/[“”]/g, '"').replace(/–/g, '-');
    const { relation } = only([seed('a', REPORT), seed('b', straight)]);
    const r = relation('a', 'b')!;
    expect(r.shared).toBe(r.wordsA);
    const typographic = r.parts.filter((p) => p.kind === 'typography');
    expect(typographic.map((p) => REPORT.slice(p.a!.start, p.a!.end))).toEqual(['–', '–', '“We', 'in,”']);
    expect(typographic.map((p) => straight.slice(p.b!.start, p.b!.end))).toEqual(['-', '-', '"We', 'in,"']);
    expect(r.parts.some((p) => p.kind === 'changed' || p.kind === 'only-a' || p.kind === 'only-b')).toBe(false);
  });

  it('finds the one sentence a repost inserts, and only that sentence', () => {
    const inserted = 'Comment: The new wall will not stop what is coming.';
    const paragraphs = REPORT.split('\n\n');
    const repost = [...paragraphs.slice(0, 2), inserted, ...paragraphs.slice(2)].join('\n\n');
    const { relation } = only([seed('a', REPORT), seed('b', repost)]);
    const r = relation('a', 'b')!;
    const added = r.parts.filter((p) => p.kind === 'only-b');
    expect(added.map((p) => repost.slice(p.b!.start, p.b!.end))).toEqual([inserted]);
    expect(r.parts.filter((p) => p.kind !== 'same' && p.kind !== 'only-b')).toEqual([]);
    const side = relationsOf({ relations: [r], comparisons: 1, pairUpdates: 1 }, 'b')[0]!;
    expect(sharedTextSummary(side).rest).toBe('word for word; adds 1 passage (10 words); changes 0 words');
  });

  it('shows changed words with the words of both texts', () => {
    const edited = REPORT.replace('14 million euros', '40 million euros');
    const { relation } = only([seed('a', REPORT), seed('b', edited)]);
    const changed = relation('a', 'b')!.parts.filter((p) => p.kind === 'changed');
    expect(changed.map((p) => [REPORT.slice(p.a!.start, p.a!.end), edited.slice(p.b!.start, p.b!.end)])).toEqual([['14', '40']]);
  });

  it('does not relate two different reports that share one stock phrase', () => {
    const stock =
      'The views expressed in this article are the author’s own and do not necessarily reflect the editorial policy of this newspaper.';
    const other =
      'Rail freight through the border region fell by a third last month, the statistics office said on Friday, as the new tolls on the motorway pushed hauliers back onto the roads. ' +
      'The railway company blamed a shortage of drivers and the closure of the river bridge for repairs. Farmers in the valley said the delays had cost them part of the wheat harvest.';
    const { provenance } = only([seed('a', `${REPORT}\n\n${stock}`), seed('b', `${other}\n\n${stock}`)]);
    expect(provenance.relations).toEqual([]);
  });

  it('relates every pair of a three-way chain and knows the order from the dates', () => {
    const first = REPORT;
    const second = `${REPORT}\n\nThe council will meet again on 4 May.`;
    const third = `Reposted from the Port Ellery Gazette.\n\n${second.replace(/[“”]/g, '"')}`;
    const { provenance, relation } = only([
      seed('one', first, { published: '2024-03-01' }),
      seed('two', second, { published: '2024-03-02' }),
      seed('three', third, { published: '2024-03-05' }),
    ]);
    expect(provenance.relations.map((r) => `${r.a}-${r.b}`)).toEqual(['one-three', 'one-two', 'three-two']);
    expect(relation('one', 'two')!.direction).toEqual({ earlier: 'one', later: 'two' });
    expect(relation('two', 'three')!.direction).toEqual({ earlier: 'two', later: 'three' });
    expect(relation('one', 'three')!.direction).toEqual({ earlier: 'one', later: 'three' });
    expect(relationsOf(provenance, 'three').map((s) => [s.other, s.order])).toEqual([
      ['one', 'later'],
      ['two', 'later'],
    ]);
  });

  it('leaves the order open unless both dates are known and differ, whatever the ids say', () => {
    const cases: [SeedMeta, SeedMeta][] = [
      [{}, {}],
      [{ published: '2024-03-01' }, {}],
      [{}, { published: '2024-03-01' }],
      [{ published: '2024-03-01' }, { published: '2024-03-01' }],
    ];
    for (const [ma, mb] of cases) {
      const { relation } = only([seed('000_first', REPORT, ma), seed('999_last', REPORT, mb)]);
      expect(relation('000_first', '999_last')!.direction).toBeUndefined();
    }
    const { relation } = only([
      seed('000_first', REPORT, { published: '2024-05-01' }),
      seed('999_last', REPORT, { published: '2024-01-01' }),
    ]);
    expect(relation('000_first', '999_last')!.direction).toEqual({ earlier: '999_last', later: '000_first' });
  });
});
