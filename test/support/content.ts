// Small builders for Seed, Verdict and RatingScale objects in unit tests (independent of src/model/model.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paragraphsOf } from '../../src/content/seeds.ts';
import { readableTitle } from '../../src/content/seed-title.ts';
import type { Anchor, Appearance, PagedVerdict, RatingScale, Seed, SeedMeta, SiteMeta, Verdict } from '../../src/model/types.ts';

/** A seed whose paragraphs are split exactly as the seed loader splits them. */
export function makeSeed(id: string, text: string, meta: SeedMeta = {}): Seed {
  return {
    id,
    file: `seeds/${id}.txt`,
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
    meta,
    ...readableTitle(id, text, meta),
    paragraphs: paragraphsOf(text),
  };
}

/** A sample seed of this repository's seeds/, built by makeSeed. */
export function sampleSeed(id: string): Seed {
  return makeSeed(id, readFileSync(fileURLToPath(new URL(`../../seeds/${id}.txt`, import.meta.url)), 'utf8'));
}

export function anchorAt(seed: Seed, start: number, end: number): Anchor {
  return { seed: seed.id, start, end, line: 1, column: start + 1, method: 'exact', errors: 0, text: seed.text.slice(start, end) };
}

/** The anchor of the n-th (0-based) occurrence of `quote` in `seed`; throws when there is none. */
export function anchorOf(seed: Seed, quote: string, nth = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = seed.text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture: "${quote}" occurs fewer than ${nth + 1} times in ${seed.id}`);
  }
  return anchorAt(seed, at, at + quote.length);
}

/** Every occurrence of the anchored text in `seeds` except the anchor itself, by seed id then offset. */
export function appearancesOf(anchor: Anchor, seeds: Seed[]): Appearance[] {
  const found: Appearance[] = [];
  for (const seed of [...seeds].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (let at = seed.text.indexOf(anchor.text); at >= 0; at = seed.text.indexOf(anchor.text, at + 1)) {
      if (seed.id === anchor.seed && at === anchor.start) continue;
      found.push({ seed: seed.id, start: at, end: at + anchor.text.length, line: 1, column: at + 1 });
    }
  }
  return found;
}

/** A verdict; given an anchor, one that can have a page (what the site's pieces take, src/model/published.ts). */
export function makeVerdict(slug: string, fields: Partial<Verdict> & { anchor: Anchor }): PagedVerdict;
export function makeVerdict(slug: string, fields?: Partial<Verdict>): Verdict;
export function makeVerdict(slug: string, fields: Partial<Verdict> = {}): Verdict {
  const quote = fields.anchor?.text ?? 'quote';
  return {
    slug,
    file: `content/verdicts/${slug}.md`,
    title: `Title of ${slug}`,
    seed: fields.anchor?.seed ?? 'seed',
    selector: { quote },
    claim: quote,
    rating: 'false',
    sources: [{ kind: 'web', title: 'A source', url: 'https://example.org/source' }],
    authors: ['An Editor'],
    date: '2024-01-01',
    corrections: [],
    draft: false,
    tags: [],
    redirectFrom: [],
    body: 'Explanation.',
    bodyLine: 10,
    positions: {},
    itemPositions: {},
    appearances: [],
    ...fields,
  };
}

export const scale: RatingScale = {
  file: 'content/_data/ratings.yml',
  levels: [
    { key: 'accurate', label: 'Accurate', description: 'The claim is correct.', value: 5, colour: '#1a7f37' },
    { key: 'mostly-accurate', label: 'Mostly accurate', description: 'Correct but needs context.', value: 4, colour: '#4d8f00' },
    { key: 'mixed', label: 'Mixed', description: 'Partly correct.', value: 3, colour: '#9a6700' },
    { key: 'misleading', label: 'Misleading', description: 'Gives a wrong impression.', value: 2, colour: '#bc4c00' },
    { key: 'false', label: 'False', description: 'The claim is wrong.', value: 1, colour: '#cf222e' },
    { key: 'unsupported', label: 'Unsupported', description: 'No evidence either way.', value: null, colour: '#57606a' },
  ],
  best: 5,
  worst: 1,
};

/** Site settings for unit tests of the structured data: an origin and a publisher, nothing more. */
export const testSite: SiteMeta = {
  title: 'T',
  description: 'D',
  url: 'https://factcheck.example.net',
  language: 'en',
  organisation: { name: 'Newsroom', url: 'https://newsroom.example.net/' },
};
