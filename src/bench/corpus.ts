// The benchmark's synthetic corpus: seeds and verdicts generated deterministically from a number,
// with a manifest of what each verdict is expected to anchor to (used by test/bench-corpus.test.ts).
//
// Every seed is kept in two aligned forms: its real text, and a canonical normalised stream (ASCII
// quotes and dashes, paragraph breaks as one space) in which quotes are chosen and counted. Because
// typography is rendered one character for one character, an offset inside a paragraph is the same
// in both; only paragraph starts differ, and both are recorded.

import { distinctive, headline, personName, renderTypography, sentence, type Typography } from './prose.ts';
import { Random } from './random.ts';
import { CONTEXT_LENGTH } from '../matching/anchoring/choose-by-context.ts';
import { repost, storyCount, WIRE_SHARE, wireStories, type Repost } from './wire.ts';

export interface CorpusOptions {
  seeds: number;
  verdicts: number;
  /** PRNG seed; the same number gives byte-identical files. */
  random?: number;
  /** Rating keys to use, in scale order (from the project's ratings.yml). */
  ratings: string[];
  /**
   * `unique` (default): every seed is its own prose, 15% repost a paragraph or two of another.
   * `shared-text`: 70% of seeds repost one of a few wire stories (about 250 copies each), see wire.ts.
   */
  corpus?: CorpusKind;
}

export const CORPUS_KINDS = ['unique', 'shared-text'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export type VerdictKind = 'plain' | 'syndicated' | 'context' | 'approximate' | 'cross-paragraph';

export interface SyntheticSeed {
  id: string;
  /** The file's bytes as a string (BOM included when present). */
  file: string;
  /** `seeds/<id>.yml` content, when the seed has metadata. */
  meta?: string;
  /** The text as the model sees it: BOM removed. */
  text: string;
  /** Canonical normalised stream: ASCII typography, paragraph breaks as one space. */
  canonical: string;
  /** Real-text and canonical start offset of the title and each paragraph. */
  textStarts: number[];
  canonicalStarts: number[];
  /** Paragraph (1-based index into the arrays above) that was copied from another seed, with that seed's id. */
  copiedFrom: Array<{ paragraph: number; seed: string; sourceParagraph: number }>;
  /** Canonical sentences that occur twice in this seed. */
  repeated: string[];
  paragraphs: string[][];
  /** In the shared-text corpus, the wire story this seed reposts (index) and the story's sentences it carries unchanged. */
  wire?: { story: number; carried: string[] };
}

export interface SyntheticVerdict {
  slug: string;
  seed: string;
  kind: VerdictKind;
  /** The passage in the seed's real text that the quote must anchor to. */
  start: number;
  end: number;
  /** The passage in canonical form (what appearances are searched for). */
  passage: string;
  /** Seeds that carry a copy of the passage by construction (syndicated verdicts; wire copy in the shared-text corpus). */
  alsoIn: string[];
  draft: boolean;
  file: string;
  markdown: string;
}

export interface Corpus {
  seeds: SyntheticSeed[];
  verdicts: SyntheticVerdict[];
}

const TARGET_SEED_CHARS = 4000;

export function generateCorpus(options: CorpusOptions): Corpus {
  if (options.ratings.length === 0) throw new Error('generateCorpus: the rating scale has no keys');
  const r = new Random(options.random ?? 20240923);
  const seeds: SyntheticSeed[] = [];
  // The unique corpus draws nothing more from the PRNG than it always did, so it stays byte-identical.
  const stories = options.corpus === 'shared-text' ? wireStories(r, storyCount(options.seeds), TARGET_SEED_CHARS) : undefined;
  for (let i = 0; i < options.seeds; i++)
    seeds.push(makeSeed(r, i, seeds, stories && r.chance(WIRE_SHARE) ? repost(r, stories) : undefined));
  const verdicts: SyntheticVerdict[] = [];
  const byId = new Map(seeds.map((s) => [s.id, s]));
  const withRepeats = seeds.filter((s) => s.repeated.length > 0);
  const withCopies = seeds.filter((s) => s.copiedFrom.length > 0);
  for (let k = 0; k < options.verdicts; k++) {
    verdicts.push(makeVerdict(r, k, seeds, byId, withRepeats, withCopies, options.ratings));
  }
  if (stories) addWireCopies(seeds, verdicts, byId);
  return { seeds, verdicts };
}

/**
 * A verdict whose passage lies in a wire sentence its seed carries is expected in every other seed
 * that carries that sentence (in its own typography, which normalisation undoes).
 */
function addWireCopies(seeds: SyntheticSeed[], verdicts: SyntheticVerdict[], byId: Map<string, SyntheticSeed>): void {
  const carriers = new Map<string, string[]>();
  for (const seed of seeds) {
    for (const s of new Set(seed.wire?.carried)) {
      const list = carriers.get(s);
      if (list) list.push(seed.id);
      else carriers.set(s, [seed.id]);
    }
  }
  for (const verdict of verdicts) {
    const carried = byId.get(verdict.seed)?.wire?.carried ?? [];
    const sentence = carried.find((s) => s.includes(verdict.passage));
    if (sentence === undefined) continue;
    const also = new Set(verdict.alsoIn);
    for (const id of carriers.get(sentence) ?? []) if (id !== verdict.seed) also.add(id);
    verdict.alsoIn = [...also];
  }
}

function seedId(r: Random, i: number): string {
  return `${String(i).padStart(6, '0')}_${r.hex(16)}`;
}

function makeSeed(r: Random, i: number, earlier: SyntheticSeed[], wire?: Repost): SyntheticSeed {
  const id = seedId(r, i);
  const paragraphs: string[][] = wire ? wire.paragraphs : [];
  let length = wire ? TARGET_SEED_CHARS : 0;
  while (length < TARGET_SEED_CHARS) {
    const count = r.int(2, 5);
    const p: string[] = [];
    for (let j = 0; j < count; j++) p.push(sentence(r));
    paragraphs.push(p);
    length += p.join(' ').length + 2;
  }
  const copiedFrom: SyntheticSeed['copiedFrom'] = [];
  // A syndicated copy: one or two paragraphs reposted from an earlier seed, in this seed's own typography.
  if (earlier.length > 0 && r.chance(0.15)) {
    const source = r.pick(earlier);
    const copies = r.int(1, 2);
    for (let c = 0; c < copies; c++) {
      const sourceParagraph = r.int(1, source.paragraphs.length);
      const at = r.int(0, paragraphs.length);
      paragraphs.splice(at, 0, [...source.paragraphs[sourceParagraph - 1]!]);
      for (const copy of copiedFrom) if (copy.paragraph - 1 >= at) copy.paragraph++;
      copiedFrom.push({ paragraph: at + 1, seed: source.id, sourceParagraph });
    }
  }
  const repeated: string[] = [];
  // A pull quote: a sentence repeated inside another paragraph, so a verdict needs prefix/suffix to pick one.
  if (paragraphs.length >= 2 && r.chance(0.1)) {
    const copied = new Set(copiedFrom.map((c) => c.paragraph - 1));
    const candidates = paragraphs.map((_, index) => index).filter((index) => !copied.has(index));
    if (candidates.length >= 2) {
      const from = r.pick(candidates);
      const to = r.pick(candidates.filter((index) => index !== from));
      const s = r.pick(paragraphs[from]!);
      const target = paragraphs[to]!;
      target.splice(r.int(1, target.length), 0, s);
      repeated.push(s);
    }
  }
  const style: Typography = {
    curlyQuotes: r.chance(0.6),
    dash: r.pick(['-', '\u2013', '\u2014'] as const),
  };
  const separator = r.pick(['\n\n', '\n\n', '\n', '\r\n\r\n']);
  const bom = r.chance(0.02);
  const title = wire ? wire.title : headline(r);
  const canonicalParts = [title, ...paragraphs.map((p) => p.join(' '))];
  const textParts = canonicalParts.map((part) => renderTypography(part, style));
  const textStarts: number[] = [];
  const canonicalStarts: number[] = [];
  let t = 0;
  let c = 0;
  for (const part of canonicalParts) {
    textStarts.push(t);
    canonicalStarts.push(c);
    t += part.length + separator.length;
    c += part.length + 1;
  }
  const text = textParts.join(separator) + (separator.includes('\r') ? '\r\n' : '\n');
  const meta = r.chance(0.7)
    ? [
        `title: ${JSON.stringify(title)}`,
        `outlet: ${r.pick(['The Daily Ledger', 'Northern Courier', 'Harbour Times', 'Valley Gazette', 'Capital Wire'])}`,
        `url: https://example.org/news/${id}`,
        `published: ${date(r)}`,
        'language: en',
        '',
      ].join('\n')
    : undefined;
  return {
    id,
    file: (bom ? '\uFEFF' : '') + text,
    meta,
    text,
    canonical: canonicalParts.join(' '),
    textStarts,
    canonicalStarts,
    copiedFrom,
    repeated,
    paragraphs,
    ...(wire ? { wire: { story: wire.story, carried: wire.carried } } : {}),
  };
}

function date(r: Random): string {
  return `${r.int(2019, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** Real-text offset of a canonical offset (paragraph starts are where the two differ). */
function toText(seed: SyntheticSeed, canonicalOffset: number): number {
  let part = 0;
  while (part + 1 < seed.canonicalStarts.length && seed.canonicalStarts[part + 1]! <= canonicalOffset) part++;
  return seed.textStarts[part]! + (canonicalOffset - seed.canonicalStarts[part]!);
}

/** The seed's own characters for a canonical range, paragraph breaks as one space (what an editor pastes). */
function pasted(seed: SyntheticSeed, start: number, end: number): string {
  return seed.text.slice(toText(seed, start), toText(seed, end)).replace(/\s+/g, ' ');
}

interface Choice {
  seed: SyntheticSeed;
  start: number;
  end: number;
}

/** A word-aligned span of one sentence of paragraph `p` (1-based), as canonical offsets. */
function spanInParagraph(r: Random, seed: SyntheticSeed, p: number, minChars: number): Choice | undefined {
  const sentences = seed.paragraphs[p - 1]!;
  const index = r.int(0, sentences.length - 1);
  const s = sentences[index]!;
  let sentenceStart = seed.canonicalStarts[p]!;
  for (let j = 0; j < index; j++) sentenceStart += sentences[j]!.length + 1;
  let from = 0;
  let to = s.length;
  if (r.chance(0.5)) {
    // A part of the sentence, as long as it names someone or a figure (else the whole sentence).
    const words = s.split(' ');
    for (let attempt = 0; attempt < 5; attempt++) {
      const n = r.int(Math.min(7, words.length), Math.min(20, words.length));
      const first = r.int(0, words.length - n);
      const part = words.slice(first, first + n).join(' ');
      if (!distinctive(part)) continue;
      from = words.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
      to = from + part.length;
      break;
    }
  }
  if (to - from < minChars) return undefined;
  return { seed, start: sentenceStart + from, end: sentenceStart + to };
}

function unique(choice: Choice | undefined): choice is Choice {
  if (!choice) return false;
  return countOccurrences(choice.seed.canonical, choice.seed.canonical.slice(choice.start, choice.end)) === 1;
}

function plainChoice(r: Random, seeds: SyntheticSeed[], minChars: number): Choice {
  for (;;) {
    const seed = r.pick(seeds);
    const choice = spanInParagraph(r, seed, r.int(1, seed.paragraphs.length), minChars);
    if (unique(choice)) return choice;
  }
}

function crossParagraphChoice(r: Random, seeds: SyntheticSeed[]): Choice | undefined {
  const seed = r.pick(seeds);
  if (seed.paragraphs.length < 2) return undefined;
  const p = r.int(1, seed.paragraphs.length - 1);
  const boundary = seed.canonicalStarts[p + 1]! - 1;
  const before = seed.canonical.slice(seed.canonicalStarts[p], boundary).split(' ');
  const after = seed.canonical.slice(boundary + 1, seed.canonicalStarts[p + 2] ?? seed.canonical.length).split(' ');
  const start = boundary - before.slice(-r.int(3, 6)).join(' ').length;
  const end = boundary + 1 + after.slice(0, r.int(3, 6)).join(' ').length;
  const choice = { seed, start, end };
  return distinctive(seed.canonical.slice(start, end)) && unique(choice) ? choice : undefined;
}

/**
 * Whole words of the stream right before `start` (ending in the separating space) or after `end`, as
 * many as it takes for context + passage to occur once (case-folded, as anchoring compares context).
 */
function context(seed: SyntheticSeed, start: number, end: number, side: 'prefix' | 'suffix'): string | undefined {
  const n = seed.canonical;
  const folded = n.toLowerCase();
  // Anchoring compares only the CONTEXT_LENGTH characters next to the quote: no longer context can single one out.
  for (let reach = 32; reach <= CONTEXT_LENGTH; reach += 32) {
    if (side === 'prefix') {
      let from = Math.max(0, start - reach);
      if (from > 0) from = n.indexOf(' ', from) + 1;
      if (from === 0 || countOccurrences(folded, folded.slice(from, end)) === 1) return pasted(seed, from, start);
    } else {
      let to = Math.min(n.length, end + reach);
      if (to < n.length) to = n.lastIndexOf(' ', to);
      if (to === n.length || countOccurrences(folded, folded.slice(start, to)) === 1) return pasted(seed, end, to);
    }
  }
  return undefined;
}

function withTypo(r: Random, quote: string): string {
  // A wrong letter inside a word in the middle third: the anchor's boundaries stay where they were.
  const third = Math.floor(quote.length / 3);
  for (;;) {
    const at = r.int(third, quote.length - third);
    const c = quote[at]!;
    if (!/[a-z]/.test(c) || !/[a-z]/.test(quote[at - 1] ?? '') || !/[a-z]/.test(quote[at + 1] ?? '')) continue;
    let replacement = c;
    while (replacement === c) replacement = String.fromCharCode(97 + r.int(0, 25));
    return quote.slice(0, at) + replacement + quote.slice(at + 1);
  }
}

function makeVerdict(
  r: Random,
  k: number,
  seeds: SyntheticSeed[],
  byId: Map<string, SyntheticSeed>,
  withRepeats: SyntheticSeed[],
  withCopies: SyntheticSeed[],
  ratings: string[],
): SyntheticVerdict {
  const roll = r.next();
  let kind: VerdictKind = 'plain';
  let choice: Choice | undefined;
  let alsoIn: string[] = [];
  let prefix: string | undefined;
  let suffix: string | undefined;
  if (roll < 0.03 || k === 0) {
    kind = 'approximate';
    choice = plainChoice(r, seeds, 48);
  } else if (roll < 0.08 && withRepeats.length > 0) {
    kind = 'context';
    const seed = r.pick(withRepeats);
    const passage = seed.repeated[0]!;
    const occurrences: number[] = [];
    for (let at = seed.canonical.indexOf(passage); at !== -1; at = seed.canonical.indexOf(passage, at + 1)) occurrences.push(at);
    const start = r.pick(occurrences);
    choice = { seed, start, end: start + passage.length };
    const which = r.next();
    if (which < 0.5 || start + passage.length >= seed.canonical.length) prefix = context(seed, choice.start, choice.end, 'prefix');
    else if (which < 0.8 || start === 0) suffix = context(seed, choice.start, choice.end, 'suffix');
    else {
      prefix = context(seed, choice.start, choice.end, 'prefix');
      suffix = context(seed, choice.start, choice.end, 'suffix');
    }
    // Where the repeats share more than the compared context (a wire story reposted twice in one seed), an editor
    // would quote another passage: so does the generator.
    if (prefix === undefined && suffix === undefined) {
      kind = 'plain';
      choice = undefined;
    }
  } else if (roll < 0.18 && withCopies.length > 0) {
    const copy = r.pick(withCopies);
    const link = r.pick(copy.copiedFrom);
    const source = byId.get(link.seed)!;
    const inCopy = spanInParagraph(r, copy, link.paragraph, 0);
    if (inCopy) {
      const passage = copy.canonical.slice(inCopy.start, inCopy.end);
      const sourceStart = source.canonical.indexOf(passage);
      const candidates: Choice[] = [inCopy, { seed: source, start: sourceStart, end: sourceStart + passage.length }];
      const picked = r.pick(candidates);
      if (unique(picked) && unique(candidates.find((c) => c !== picked))) {
        kind = 'syndicated';
        choice = picked;
        alsoIn = [picked === inCopy ? source.id : copy.id];
      }
    }
  } else if (roll < 0.19) {
    choice = crossParagraphChoice(r, seeds);
    if (choice) kind = 'cross-paragraph';
  }
  choice ??= plainChoice(r, seeds, 0);
  const { seed } = choice;
  const passage = seed.canonical.slice(choice.start, choice.end);
  // Editors paste the seed's own characters, or retype them with ASCII quotes and dashes.
  let quote = r.chance(0.6) ? pasted(seed, choice.start, choice.end) : passage;
  if (kind === 'approximate') quote = withTypo(r, quote);

  const rating = r.pick(ratings);
  const claimant = personName(r);
  const words = passage
    .replace(/[^A-Za-z ]/g, '')
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .slice(0, 5);
  const slug = `v${String(k).padStart(6, '0')}-${words.join('-')}`;
  // A published verdict may not misquote (quote-approximate is an error there): the typo'd ones are drafts still being fixed.
  // The chance is drawn first so the random stream, and so the rest of the corpus, stay as they were.
  const draft = r.chance(0.02) || kind === 'approximate';
  const published = date(r);
  const lines = [
    '---',
    `title: ${JSON.stringify(`Did ${claimant} get it right about ${words.slice(0, 3).join(' ')}?`)}`,
    `seed: ${seed.id}`,
    `quote: ${JSON.stringify(quote)}`,
  ];
  if (prefix !== undefined) lines.push(`prefix: ${JSON.stringify(prefix)}`);
  if (suffix !== undefined) lines.push(`suffix: ${JSON.stringify(suffix)}`);
  // Half the editors restate the claim; the others only when the quote is too long to be the claim (check's
  // claim-too-long). A restatement stays under Google's 75 characters.
  if (r.chance(0.5) || [...quote].length > 75)
    lines.push(`claim: ${JSON.stringify([...`${claimant} says ${passage}`].slice(0, 75).join('').trimEnd())}`);
  lines.push(`claimant: ${claimant}`, `rating: ${rating}`, 'sources:');
  const sourceCount = r.int(1, 3);
  for (let s = 0; s < sourceCount; s++) {
    if (s > 0 && r.chance(0.3)) {
      lines.push(`  - seed: ${r.pick(seeds).id}`);
    } else {
      lines.push(
        `  - title: ${JSON.stringify(`${headline(r)}: data and methods`)}`,
        `    url: https://example.org/sources/${k}/${s}`,
        `    publisher: ${r.pick(['Statistics Office', 'Central Bank', 'Audit Court', 'Energy Regulator', 'Port Authority'])}`,
        `    date: ${date(r)}`,
      );
    }
  }
  lines.push(r.chance(0.8) ? `author: ${personName(r)}` : `author:\n  - ${personName(r)}\n  - ${personName(r)}`);
  lines.push(`date: ${published}`);
  if (r.chance(0.1)) {
    lines.push(`updated: ${published}`, 'corrections:', `  - date: ${published}`, `    note: ${JSON.stringify(sentence(r))}`);
  }
  if (r.chance(0.5))
    lines.push(
      `tags: [${r.pick(['economy', 'energy', 'health', 'elections', 'transport'])}, ${r.pick(['regions', 'budget', 'statistics'])}]`,
    );
  if (draft) lines.push('draft: true');
  lines.push('---', '', ...body(r, k), '');
  const start = toText(seed, choice.start);
  const end = toText(seed, choice.end);
  return {
    slug,
    seed: seed.id,
    kind,
    start,
    end,
    passage,
    alsoIn,
    draft,
    file: `content/verdicts/${slug}.md`,
    markdown: lines.join('\n'),
  };
}

/** The explanation: a few paragraphs of Markdown with a link, emphasis and sometimes a list. */
function body(r: Random, k: number): string[] {
  const out: string[] = [];
  const paragraphs = r.int(2, 4);
  for (let p = 0; p < paragraphs; p++) {
    const s = [sentence(r), sentence(r), sentence(r)];
    if (p === 0) s[1] = `The [published figures](https://example.org/data/${k}) tell a **different** story.`;
    out.push(s.join(' '), '');
  }
  if (r.chance(0.3)) out.push(`- ${sentence(r)}`, `- ${sentence(r)}`, '');
  out.push(`*What we could not verify:* ${sentence(r)}`);
  return out;
}
