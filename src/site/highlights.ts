// What a seed page shows: the seed's paragraphs cut into segments, each marked with every verdict the
// page shows (published ones, and drafts in a preview: src/model/published.ts) whose passage covers it. Pure data; the Eleventy layouts only escape and print it.
import type { PagedVerdict, RatingScale, Seed, Verdict } from '../model/types.ts';
import { passageId } from './urls.ts';
import { bySlug } from '../model/order.ts';
import { characterEnd, characterStart, countVisible } from '../matching/text-units.ts';

/** One occurrence of a verdict's passage in one seed. */
export interface Passage {
  slug: string;
  seed: string;
  start: number;
  end: number;
  /** 1-based, in reading order among this verdict's occurrences in this seed. */
  occurrence: number;
  /** Element id on the seed page (see `passageId`). */
  id: string;
}

export interface SegmentMarks {
  /** `m-<start>-<end>`: derived from the offsets, so unrelated verdicts never rename it. */
  id: string;
  /** Slugs of every verdict over this segment, by the start of its passage, ties by slug. */
  verdicts: string[];
  /** Rating keys, aligned with `verdicts`. */
  ratings: string[];
  /** The rating that comes last (worst) in the scale's order among `ratings`: the one to colour the mark by. */
  rating: string;
  /** Ids of the passages whose first highlighted character is in this segment. */
  passageStarts: string[];
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  marks?: SegmentMarks;
}

export interface HighlightedParagraph {
  start: number;
  end: number;
  /** Their texts, joined, are exactly `seed.text.slice(start, end)`. */
  segments: Segment[];
}

export interface MarginNote {
  slug: string;
  title: string;
  /** A draft, marked only in a preview (src/model/published.ts): the page labels it. */
  draft: boolean;
  rating: string;
  /** The scale's label for `rating` (the key itself when the scale does not know it). */
  ratingLabel: string;
  /** Id of the verdict's first passage on this seed page. */
  passageId: string;
  start: number;
}

/**
 * Every occurrence of `verdict`'s passage in seed `seedId` (its anchor when anchored there, and its
 * appearances there), in reading order and numbered. Ids depend only on this verdict's own occurrences.
 */
export function verdictPassages(verdict: Verdict, seedId: string): Passage[] {
  const spans: { start: number; end: number }[] = [];
  if (verdict.anchor?.seed === seedId) spans.push(verdict.anchor);
  for (const a of verdict.appearances) if (a.seed === seedId) spans.push(a);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const passages: Passage[] = [];
  for (const { start, end } of spans) {
    const last = passages.at(-1);
    if (last && last.start === start && last.end === end) continue;
    const occurrence = passages.length + 1;
    passages.push({ slug: verdict.slug, seed: seedId, start, end, occurrence, id: passageId(verdict.slug, occurrence) });
  }
  return passages;
}

/** The element id of the verdict's anchored passage on its seed's page (undefined when it is not anchored). */
export function anchorPassageId(verdict: Verdict): string | undefined {
  const anchor = verdict.anchor;
  if (!anchor) return undefined;
  return verdictPassages(verdict, anchor.seed).find((p) => p.start === anchor.start && p.end === anchor.end)?.id;
}

interface Placed extends Passage {
  rating: string;
}

/** The passages of `verdicts` over `seed`, cut to whole characters, empty ones dropped. */
function placedPassages(seed: Seed, verdicts: readonly PagedVerdict[]): Placed[] {
  const placed: Placed[] = [];
  for (const verdict of verdicts) {
    for (const p of verdictPassages(verdict, seed.id)) {
      if (p.start >= p.end) continue;
      const start = characterStart(seed.text, p.start);
      const end = characterEnd(seed.text, p.end);
      if (start < end) placed.push({ ...p, start, end, rating: verdict.rating });
    }
  }
  return placed;
}

const byReadingOrder = (a: Passage, b: Passage): number => a.start - b.start || bySlug(a, b) || a.occurrence - b.occurrence;

function groupBy(passages: Placed[], key: 'start' | 'end'): Map<number, Placed[]> {
  const groups = new Map<number, Placed[]>();
  for (const p of passages) {
    const group = groups.get(p[key]);
    if (group) group.push(p);
    else groups.set(p[key], [p]);
  }
  return groups;
}

function marksFor(active: Iterable<Placed>, start: number, end: number, announced: Set<Placed>, rank: Map<string, number>): SegmentMarks {
  const first = new Map<string, Placed>();
  const starting: Placed[] = [];
  for (const p of active) {
    const seen = first.get(p.slug);
    if (!seen || byReadingOrder(p, seen) < 0) first.set(p.slug, p);
    if (!announced.has(p)) {
      announced.add(p);
      starting.push(p);
    }
  }
  const over = [...first.values()].sort(byReadingOrder);
  const ratings = over.map((p) => p.rating);
  let worst = ratings[0] ?? '';
  for (const r of ratings) if ((rank.get(r) ?? -1) > (rank.get(worst) ?? -1)) worst = r;
  return {
    id: `m-${start}-${end}`,
    verdicts: over.map((p) => p.slug),
    ratings,
    rating: worst,
    passageStarts: starting.sort(byReadingOrder).map((p) => p.id),
  };
}

/**
 * The seed's paragraphs, each cut into segments at every passage boundary. `verdicts` are those the page
 * shows (src/model/published.ts); a verdict counts when its anchor or one of its appearances
 * is in this seed. Passages over a paragraph break are marked in each paragraph.
 */
export function seedHighlights(seed: Seed, verdicts: readonly PagedVerdict[], scale: RatingScale): HighlightedParagraph[] {
  const passages = placedPassages(seed, verdicts);
  const paragraphs = [...seed.paragraphs].sort((a, b) => a.start - b.start);
  const rank = new Map(scale.levels.map((level, index) => [level.key, index]));
  const starts = groupBy(passages, 'start');
  const ends = groupBy(passages, 'end');

  const points = new Float64Array(passages.length * 2 + paragraphs.length * 2);
  let n = 0;
  for (const p of passages) {
    points[n++] = p.start;
    points[n++] = p.end;
  }
  for (const p of paragraphs) {
    points[n++] = p.start;
    points[n++] = p.end;
  }
  points.sort();

  const result: HighlightedParagraph[] = paragraphs.map((p) => ({ start: p.start, end: p.end, segments: [] }));
  const active = new Set<Placed>();
  const announced = new Set<Placed>();
  let para = 0;
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    if (i > 0 && at === points[i - 1]) continue;
    for (const p of ends.get(at) ?? []) active.delete(p);
    for (const p of starts.get(at) ?? []) active.add(p);
    let next = i + 1;
    while (next < points.length && points[next] === at) next++;
    if (next === points.length) break;
    const to = points[next]!;
    while (para < paragraphs.length && paragraphs[para]!.end <= at) para++;
    const paragraph = paragraphs[para];
    if (!paragraph || paragraph.start > at) continue;
    const segments = result[para]!.segments;
    const text = seed.text.slice(at, to);
    if (active.size === 0) {
      const last = segments.at(-1);
      if (last && !last.marks) Object.assign(last, { text: last.text + text, end: to });
      else segments.push({ text, start: at, end: to });
    } else {
      segments.push({ text, start: at, end: to, marks: marksFor(active, at, to, announced, rank) });
    }
  }
  return result;
}

/** Share (0..1) of the seed's non-whitespace characters that lie in a marked segment. */
export function reviewedShare(seed: Seed, highlights: HighlightedParagraph[]): number {
  const total = countVisible(seed.text);
  if (total === 0) return 0;
  let covered = 0;
  for (const paragraph of highlights) {
    for (const segment of paragraph.segments) if (segment.marks) covered += countVisible(seed.text, segment.start, segment.end);
  }
  return covered / total;
}

/** Each of `verdicts` over this seed once, in reading order of its first passage here (ties by slug). */
export function marginNotes(seed: Seed, verdicts: readonly PagedVerdict[], scale: RatingScale): MarginNote[] {
  const labels = new Map(scale.levels.map((level) => [level.key, level.label]));
  const notes: MarginNote[] = [];
  for (const verdict of verdicts) {
    const first = verdictPassages(verdict, seed.id)[0];
    if (!first) continue;
    notes.push({
      slug: verdict.slug,
      title: verdict.title,
      draft: verdict.draft,
      rating: verdict.rating,
      ratingLabel: labels.get(verdict.rating) ?? verdict.rating,
      passageId: first.id,
      start: characterStart(seed.text, first.start),
    });
  }
  return notes.sort((a, b) => a.start - b.start || bySlug(a, b));
}
