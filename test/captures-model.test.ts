// Captures of a seed over time (seeds/<id>.txt, then seeds/<id>@<date>.txt): which capture each verdict is
// checked against, what became of every published passage in the later captures, and the rules around them.
// Fixture test/fixtures/captures: seed harbour has three captures, seed pier two.
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import type { Problem, Verdict } from '../src/model/types.ts';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

const FIXTURE = new URL('./fixtures/captures/', import.meta.url).pathname;

afterAll(removeProjects);

function verdictOf(verdicts: Verdict[], slug: string): Verdict {
  const verdict = verdicts.find((v) => v.slug === slug);
  if (!verdict) throw new Error(`no verdict ${slug}`);
  return verdict;
}

const rules = (problems: Problem[]) =>
  problems
    // seed-meta-missing (what the structured data lacks) is beside the point here.
    .filter((p) => p.rule !== 'seed-meta-missing')
    .map((p) => `${p.file} ${p.severity} ${p.rule}`);

describe('a seed with several captures', () => {
  const model = buildModel({ root: FIXTURE });

  it('keeps the first capture as the seed and the later ones, oldest first, beside it', () => {
    const harbour = model.seedsById.get('harbour')!;
    expect(harbour.file).toBe('seeds/harbour.txt');
    expect(harbour.meta.captured).toBe('2024-03-01');
    expect(harbour.captures?.map((c) => [c.file, c.captured])).toEqual([
      ['seeds/harbour@2024-03-10.txt', '2024-03-10'],
      ['seeds/harbour@2024-03-20.txt', '2024-03-20'],
    ]);
    expect(model.seedsById.get('pier')!.captures?.map((c) => c.captured)).toEqual(['2024-04-02']);
    // Later captures are not seeds of their own.
    expect(model.seeds.map((s) => s.id)).toEqual(['harbour', 'pier']);
  });

  it('checks a verdict against the capture current on its date', () => {
    // Dated 2024-03-02: the first capture (the later ones are from 03-10 and 03-20).
    expect(verdictOf(model.verdicts, 'wall-cost').anchor?.capture).toBeUndefined();
    // Dated 2024-04-05, after pier@2024-04-02: only that capture has the words.
    const pier = verdictOf(model.verdicts, 'pier-opening');
    expect(pier.anchor?.capture).toBe('2024-04-02');
    expect(pier.anchor?.text).toBe('The old pier of Port Ellery will reopen on 1 May after six months of repairs');
    expect(pier.fates).toEqual([]);
  });

  it('checks a verdict pinned with `capture:` against that capture, and follows it only into the later ones', () => {
    const pinned = verdictOf(model.verdicts, 'wall-finished');
    expect(pinned.date).toBe('2024-03-25'); // after the last capture, which says 2027
    expect(pinned.anchor).toMatchObject({ capture: '2024-03-10', text: 'The wall will be finished by 2026, the mayor said.', line: 9 });
    expect(pinned.fates?.map((f) => [f.capture, f.kind, f.text])).toEqual([
      ['2024-03-20', 'changed', 'The wall will be finished by 2027, the mayor said.'],
    ]);
  });

  it('anchors every published passage once in each later capture: unchanged, changed with the new words, or removed', () => {
    const fates = (slug: string) => verdictOf(model.verdicts, slug).fates?.map((f) => [f.capture, f.kind, f.text ?? null]);
    expect(fates('sea-wall-vote')).toEqual([
      ['2024-03-10', 'unchanged', 'The council of Port Ellery voted on Tuesday to build a new sea wall'],
      ['2024-03-20', 'unchanged', 'The council of Port Ellery voted on Tuesday to build a new sea wall'],
    ]);
    const changed = 'The mayor said the wall would cost 6 million euros and protect 300 homes from winter storms.';
    expect(fates('wall-cost')).toEqual([
      ['2024-03-10', 'changed', changed],
      ['2024-03-20', 'changed', changed],
    ]);
    expect(fates('consulted-in-spring')).toEqual([
      ['2024-03-10', 'unchanged', 'Residents will be consulted in the spring, the mayor said.'],
      ['2024-03-20', 'removed', null],
    ]);
    // The anchor itself never moves: it stays on the capture that was checked.
    expect(verdictOf(model.verdicts, 'wall-cost').anchor?.text).toContain('4 million euros');
  });

  it('warns of every changed or removed passage, naming the capture and showing the words', () => {
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(rules(model.problems)).toEqual([
      'content/verdicts/consulted-in-spring.md warning passage-removed',
      'content/verdicts/wall-cost.md warning passage-changed',
      'content/verdicts/wall-cost.md warning passage-changed',
      'content/verdicts/wall-finished.md warning passage-changed',
    ]);
    const cost = model.problems.find((p) => p.file === 'content/verdicts/wall-cost.md')!;
    expect(cost.message).toContain('seeds/harbour@2024-03-10.txt (line 5): "4" -> "6"');
    expect(cost.line).toBe(4); // the quote's line
    const removed = model.problems.find((p) => p.rule === 'passage-removed')!;
    expect(removed.message).toContain('"Residents will be consulted in the spring, the mayor said."');
    expect(removed.message).toContain('seeds/harbour@2024-03-20.txt');
  });
});

describe('a seed with one capture', () => {
  it('has no captures, and its anchors name no capture (nothing changes for it)', () => {
    const model = buildModel({ root: makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/v.md': verdictText() }) });
    const seed = model.seedsById.get('alpha')!;
    expect('captures' in seed).toBe(false);
    expect('captured' in seed).toBe(false);
    const verdict = model.verdicts[0]!;
    expect('capture' in verdict.anchor!).toBe(false);
    expect('fates' in verdict).toBe(false);
    expect(rules(model.problems)).toEqual([]);
  });
});

describe('capture rules', () => {
  it('reports `capture:` naming no capture, with the dates there are', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha@2024-03-05.txt': SEED_ALPHA,
      'content/verdicts/v.md': verdictText({ capture: 'capture: 2024-03-04' }),
    });
    const model = buildModel({ root });
    expect(rules(model.problems)).toEqual(['content/verdicts/v.md error capture-not-found']);
    expect(model.problems[0]!.message).toContain(
      'seed alpha has no capture dated 2024-03-04 (no seeds/alpha@2024-03-04.txt). Its captures are dated 2024-03-05.',
    );
    expect(model.problems[0]!.message).toContain('`captured:` in seeds/alpha.yml');
    expect(model.verdicts[0]!.anchor).toBeUndefined();
  });

  it('rejects an invalid `capture:` date like any date field', () => {
    const model = buildModel({
      root: makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/v.md': verdictText({ capture: 'capture: 2024-02-30' }) }),
    });
    expect(rules(model.problems)).toEqual(['content/verdicts/v.md error date-invalid']);
  });

  it('names the first capture by its `captured:` date', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha.yml': 'captured: 2024-02-28\n',
      'seeds/alpha@2024-02-29.txt': SEED_ALPHA.replace('Tuesday', 'Monday'),
      'content/verdicts/v.md': verdictText({ capture: 'capture: 2024-02-28' }),
    });
    const model = buildModel({ root });
    const verdict = model.verdicts[0]!;
    expect(verdict.anchor?.capture).toBeUndefined();
    expect(verdict.fates?.map((f) => f.kind)).toEqual(['changed']);
    expect(rules(model.problems)).toEqual(['content/verdicts/v.md warning passage-changed']);
    expect(model.problems[0]!.message).toContain('"Tuesday" -> "Monday"');
  });

  it('rejects capture files with a bad date, without a first capture, or dated before the first capture', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha.yml': 'captured: 2024-03-01\n',
      'seeds/alpha@2024-3-9.txt': SEED_ALPHA,
      'seeds/alpha@2024-03-01.txt': SEED_ALPHA,
      'seeds/gamma@2024-03-09.txt': SEED_ALPHA,
    });
    const model = buildModel({ root });
    expect(rules(model.problems)).toEqual([
      'seeds/alpha@2024-03-01.txt error capture-invalid',
      'seeds/alpha@2024-3-9.txt error capture-invalid',
      'seeds/gamma@2024-03-09.txt error capture-invalid',
    ]);
    const [before, badDate, orphan] = model.problems;
    expect(before!.message).toContain('not after the first capture (captured: 2024-03-01 in seeds/alpha.yml)');
    expect(badDate!.message).toContain('seeds/<id>@<YYYY-MM-DD>.txt');
    expect(orphan!.message).toContain('there is no first capture "seeds/gamma.txt"');
    expect(model.seedsById.get('alpha')!.captures).toBeUndefined();
  });

  it('rejects a `captured:` that is not a date', () => {
    const model = buildModel({ root: makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'seeds/alpha.yml': 'captured: last week\n' }) });
    expect(rules(model.problems)).toEqual(['seeds/alpha.yml error date-invalid']);
  });

  it('does not follow drafts into later captures', () => {
    const root = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      'seeds/alpha@2024-03-09.txt': SEED_ALPHA.replace('Tuesday', 'Monday'),
      'content/verdicts/v.md': verdictText({ draft: 'draft: true' }),
    });
    const model = buildModel({ root });
    expect(model.verdicts[0]!.fates).toBeUndefined();
    expect(rules(model.problems)).toEqual([]);
  });
});

describe('an approximate quote', () => {
  // "retaken" for "reclaimed"-style slip: one wrong word in an otherwise exact quote.
  const misquote = 'quote: The council of Port Ellery voted on Monday to build a new sea wall';

  it('fails check when the verdict is published, with the word difference', () => {
    const model = buildModel({
      root: makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/v.md': verdictText({ quote: misquote }) }),
    });
    expect(rules(model.problems)).toEqual(['content/verdicts/v.md error quote-approximate']);
    expect(model.problems[0]!.message).toContain('quote "on Monday to" vs seed "on Tuesday to"');
    expect(model.problems[0]!.message).toContain('A published verdict must quote the seed exactly');
  });

  it('is only a warning in a draft', () => {
    const model = buildModel({
      root: makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'content/verdicts/v.md': verdictText({ quote: misquote, draft: 'draft: true' }) }),
    });
    expect(rules(model.problems)).toEqual(['content/verdicts/v.md warning quote-approximate']);
  });

  it("in letter case only stays a warning when published (the words are the seed's)", () => {
    const model = buildModel({
      root: makeProject({
        'seeds/alpha.txt': SEED_ALPHA,
        'content/verdicts/v.md': verdictText({ quote: 'quote: the council of port ellery voted on Tuesday to build a new sea wall' }),
      }),
    });
    expect(rules(model.problems)).toEqual(['content/verdicts/v.md warning quote-approximate']);
  });
});
