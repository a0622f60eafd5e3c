// The deviations issue 15 found in the ClaimReview, one by one: claim length, the claimant, appearances,
// ratings, the review's own fields and the DataFeed; with check's warnings for what the content lacks.
import { afterAll, describe, expect, it } from 'vitest';
import { claimReview, claimReviewFeed, type JsonObject } from '../src/site/claimreview.ts';
import { buildModel } from '../src/model/model.ts';
import type { Problem } from '../src/model/types.ts';
import { testSite } from './support/content.ts';
import { FIXTURE_SCALE, makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';

afterAll(removeProjects);

const site = testSite;
const ALPHA_META =
  'title: Harbour town votes on new sea wall\noutlet: Port Ellery Gazette\nurl: https://example.org/port-ellery/sea-wall\npublished: 2024-02-27\n';
const QUOTE = 'The council of Port Ellery voted on Tuesday to build a new sea wall';

function project(files: Record<string, string | null>) {
  const root = makeProject({ 'seeds/alpha.txt': SEED_ALPHA, 'seeds/alpha.yml': ALPHA_META, ...files });
  return buildModel({ root });
}
const rules = (problems: Problem[], rule: Problem['rule']) => problems.filter((p) => p.rule === rule);
const review = (model: ReturnType<typeof project>, slug = 'x') =>
  claimReview(
    model.verdicts.find((v) => v.slug === slug)!,
    model,
    site,
  );
const item = (r: JsonObject) => r['itemReviewed'] as JsonObject;

describe('2. claimReviewed over 75 characters', () => {
  it('warns, at `claim:`, when the claim is longer, and suggests shortening it', () => {
    const long = 'a'.repeat(76);
    const model = project({ 'content/verdicts/x.md': verdictText({ claim: `claim: ${long}` }) });
    const [warning] = rules(model.problems, 'claim-too-long');
    expect(warning).toMatchObject({ file: 'content/verdicts/x.md', line: 11, severity: 'warning' });
    expect(warning!.message).toMatch(/^the claim is 76 characters long; .*under 75: shorten `claim:`/);
  });

  it('warns at the quote when the claim defaults to it, suggesting a `claim:`', () => {
    const model = project({ 'content/verdicts/x.md': verdictText() });
    expect(QUOTE.length).toBe(67);
    expect(rules(model.problems, 'claim-too-long')).toEqual([]);
    const longQuote = project({ 'content/verdicts/x.md': verdictText({ quote: `quote: ${QUOTE}, the mayor said` }) });
    expect(rules(longQuote.problems, 'claim-too-long')[0]!.message).toMatch(
      /^with no `claim:`, the claim is the quote, 83 characters long; .*add a `claim:`/,
    );
  });

  it('counts characters as a reader does: 75 is fine, and an emoji is one', () => {
    const at = (claim: string) =>
      rules(project({ 'content/verdicts/x.md': verdictText({ claim: `claim: "${claim}"` }) }).problems, 'claim-too-long').length;
    expect(at('b'.repeat(75))).toBe(0);
    expect(at(`${'b'.repeat(74)}🌊`)).toBe(0);
    expect(at('b'.repeat(76))).toBe(1);
  });
});

describe('3. the claimant', () => {
  const CLAIMANTS = [
    '- key: ann-quill',
    '  name: Ann Quill',
    '  type: Person',
    '  description: Mayor of Port Ellery',
    '  sameAs: [https://example.org/people/ann-quill]',
    '- key: onf',
    "  name: All-Russia People's Front (ONF)",
    '  type: Organization',
  ].join('\n');

  it('comes from claimants.yml by key: name, type, sameAs and description', () => {
    const model = project({
      'content/_data/claimants.yml': CLAIMANTS,
      'content/verdicts/x.md': verdictText({ claimant: 'claimant: onf' }),
      'content/verdicts/y.md': verdictText({ claimant: 'claimant: ann-quill' }),
    });
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(item(review(model))['author']).toEqual({ '@type': 'Organization', name: "All-Russia People's Front (ONF)" });
    expect(item(review(model, 'y'))['author']).toEqual({
      '@type': 'Person',
      name: 'Ann Quill',
      description: 'Mayor of Port Ellery',
      sameAs: ['https://example.org/people/ann-quill'],
    });
  });

  it('still works as free text, typed Organization only when it is the outlet that carries the passage', () => {
    const model = project({
      'content/verdicts/x.md': verdictText({ claimant: 'claimant: Ann Quill' }),
      'content/verdicts/y.md': verdictText({ claimant: 'claimant: Port Ellery Gazette' }),
    });
    expect(rules(model.problems, 'claimant-unknown')).toEqual([]);
    expect(item(review(model))['author']).toEqual({ '@type': 'Person', name: 'Ann Quill' });
    expect(item(review(model, 'y'))['author']).toEqual({ '@type': 'Organization', name: 'Port Ellery Gazette' });
  });

  it('is never the outlet when none is given: the outlet reported the claim, it did not make it', () => {
    const model = project({ 'content/verdicts/x.md': verdictText() });
    const claim = item(review(model));
    expect(claim).not.toHaveProperty('author');
    expect(JSON.stringify(claim['appearance'])).toContain('Port Ellery Gazette'); // as publisher of the article only
  });

  it('warns about a key-like claimant that is not in the file, with the nearest key', () => {
    const model = project({
      'content/_data/claimants.yml': CLAIMANTS,
      'content/verdicts/x.md': verdictText({ claimant: 'claimant: ann-quil' }),
    });
    const [warning] = rules(model.problems, 'claimant-unknown');
    expect(warning).toMatchObject({ file: 'content/verdicts/x.md', severity: 'warning' });
    expect(warning!.message).toMatch(/has no claimant "ann-quil"\. Did you mean "ann-quill"\?/);
  });

  it("warns about free text that spells a listed claimant's name, however it is cased or spaced, and names the key", () => {
    const model = project({
      'content/_data/claimants.yml': CLAIMANTS,
      'content/verdicts/x.md': verdictText({ claimant: 'claimant: ann  QUILL' }),
      'content/verdicts/y.md': verdictText({ claimant: 'claimant: Ann Quillson' }),
    });
    const warnings = rules(model.problems, 'claimant-by-name');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'content/verdicts/x.md', severity: 'warning' });
    expect(warnings[0]!.message).toContain('is the name of "ann-quill" in content/_data/claimants.yml: write `claimant: ann-quill`');
  });

  it('claimants.yml is validated like the scale: type, keys, URLs, unknown fields', () => {
    const model = project({
      'content/_data/claimants.yml': [
        '- key: a',
        '  name: A',
        '  type: person',
        '- key: a',
        '  name: Again',
        '  type: Person',
        '- key: Bad Key',
        '  name: B',
        '  type: Organization',
        '- key: c',
        '  name: C',
        '  type: Person',
        '  sameAs: [javascript:alert(1)]',
        '- key: d',
        '  type: Person',
        '  nmae: D',
      ].join('\n'),
      'content/verdicts/x.md': verdictText(),
    });
    const messages = rules(model.problems, 'claimants-invalid').map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      '3: the type of claimant "a" must be Person or Organization, not "person". Did you mean "Person"?',
      '4: duplicate claimant key "a" (first defined on line 1).',
      '7: claimant key "Bad Key" may contain only lowercase letters, digits and hyphens.',
      '13: claimant "c": javascript: URLs are refused ("javascript:alert(1)"); only http and https links are allowed.',
      '14: the claimant "d" has no name.',
    ]);
    expect(rules(model.problems, 'field-unknown')[0]).toMatchObject({ file: 'content/_data/claimants.yml', line: 16 });
    expect(model.claimants?.size).toBe(0);
  });
});

describe('4. appearances, firstAppearance and datePublished', () => {
  it('put the original article first (NewsArticle, archivedAt), then the copy on this site', () => {
    const model = project({
      'seeds/alpha.yml': `${ALPHA_META}archived: https://archive.example.org/sea-wall\n`,
      'content/verdicts/x.md': verdictText(),
    });
    const claim = item(review(model));
    const [original, copy] = claim['appearance'] as JsonObject[];
    expect(original).toMatchObject({
      '@type': 'NewsArticle',
      url: 'https://example.org/port-ellery/sea-wall',
      archivedAt: 'https://archive.example.org/sea-wall',
      datePublished: '2024-02-27',
    });
    expect(copy).toMatchObject({
      '@type': 'CreativeWork',
      url: 'https://factcheck.example.net/seeds/alpha/',
      isBasedOn: 'https://example.org/port-ellery/sea-wall',
    });
    expect(claim['firstAppearance']).toEqual(original);
    expect(claim['datePublished']).toBe('2024-02-27');
  });

  it('without url or published, point only at the copy, and check says what is lost', () => {
    const model = project({ 'seeds/alpha.yml': 'title: Harbour town votes on new sea wall\n', 'content/verdicts/x.md': verdictText() });
    const claim = item(review(model));
    expect(claim['appearance']).toEqual([
      { '@type': 'CreativeWork', url: 'https://factcheck.example.net/seeds/alpha/', headline: 'Harbour town votes on new sea wall' },
    ]);
    expect(claim).not.toHaveProperty('firstAppearance');
    expect(claim).not.toHaveProperty('datePublished');
    const [warning] = rules(model.problems, 'seed-meta-missing');
    expect(warning).toMatchObject({ file: 'seeds/alpha.yml', line: 1, severity: 'warning' });
    expect(warning!.message).toMatch(
      /no `url`: the ClaimReview cannot name the original article.*no `published` date: the Claim has no datePublished/,
    );
  });

  it('check is quiet about a seed no verdict uses, and about one with both fields', () => {
    const model = project({ 'seeds/unused.txt': 'Nothing checked here.\n', 'content/verdicts/x.md': verdictText() });
    expect(rules(model.problems, 'seed-meta-missing')).toEqual([]);
  });
});

describe('5. ratings and the review', () => {
  it('Unsupported is outside the numeric scale: a name and an explanation, no number an aggregator could average', () => {
    const model = project({ 'content/verdicts/x.md': verdictText({ rating: 'rating: unsupported' }) });
    const rating = review(model)['reviewRating'] as JsonObject;
    expect(rating).toMatchObject({ '@type': 'Rating', name: 'Unsupported', alternateName: 'Unsupported' });
    expect(rating['ratingExplanation']).toMatch(/./);
    for (const key of ['ratingValue', 'bestRating', 'worstRating']) expect(rating).not.toHaveProperty(key);
  });

  it.each([['2.5'], ['0'], ['1000'], ['-1']])('a scale value of %s is refused (whole numbers from 1 to 100)', (value) => {
    const scale = FIXTURE_SCALE.replace(/value: 3\b/, `value: ${value}`);
    expect(scale).not.toBe(FIXTURE_SCALE);
    const model = project({ 'content/_data/ratings.yml': scale, 'content/verdicts/x.md': verdictText() });
    expect(rules(model.problems, 'scale-invalid').map((p) => p.message)).toContainEqual(
      expect.stringMatching(new RegExp(`must be a whole number from 1 to 100 .*got ${value.replace('.', '\\.')}`)),
    );
  });

  it('has inLanguage, headline, citation, correction and stable ids for the review and the claim', () => {
    const corrected = verdictText({
      claimant: 'claimant: Ann Quill',
      extra: 'updated: 2024-03-05\ncorrections:\n  - date: 2024-03-05\n    note: Fixed the date.',
    });
    const one = project({ 'content/verdicts/x.md': corrected });
    const r = review(one);
    expect(r).toMatchObject({
      '@id': 'https://factcheck.example.net/verdicts/x/#claimreview',
      headline: 'The council voted for a sea wall',
      inLanguage: 'en',
      citation: [{ '@type': 'CreativeWork', name: 'Port Ellery council minutes', url: 'https://example.org/minutes' }],
      correction: [{ '@type': 'CorrectionComment', datePublished: '2024-03-05', text: 'Fixed the date.' }],
    });
    expect(item(r)['@id']).toBe('https://factcheck.example.net/verdicts/x/#claim');
    // adding another verdict changes neither id
    const two = project({ 'content/verdicts/x.md': corrected, 'content/verdicts/a.md': verdictText() });
    expect([review(two)['@id'], item(review(two))['@id']]).toEqual([r['@id'], item(r)['@id']]);
    expect(review(two, 'a')['@id']).not.toBe(r['@id']);
  });
});

describe('6. the DataFeed', () => {
  it('names its publisher, sdPublisher and language, and a licence only when site.json gives one', () => {
    const model = project({ 'content/verdicts/x.md': verdictText() });
    const feed = claimReviewFeed(model, site);
    expect(feed).toMatchObject({
      '@id': 'https://factcheck.example.net/claimreview.json',
      inLanguage: 'en',
      publisher: { name: 'Newsroom' },
      sdPublisher: { name: 'Newsroom' },
    });
    expect(feed).not.toHaveProperty('sdLicense');
    expect(claimReviewFeed(model, { ...site, license: 'https://creativecommons.org/licenses/by/4.0/' })['sdLicense']).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
    const [entry] = feed['dataFeedElement'] as JsonObject[];
    expect((entry!['item'] as JsonObject)['@id']).toBe('https://factcheck.example.net/verdicts/x/#claimreview');
  });
});
