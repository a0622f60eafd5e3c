// What the pages show of the model's provenance (src/matching/provenance/): the "Shared text" section of a seed page,
// the compare pages, the note on a verdict whose passage only one of two related texts has, and a seed page's
// isBasedOn. Computed once per build from the model; the templates print these values.
import { jsonLdScript, type JsonObject } from '../site/claimreview.ts';
import { relationsBySeed, REPOST_SHARE, type RelationSide, type SeedRelation } from '../matching/provenance/index.ts';
import { orderSentence, sharedTextSummary, type SharedTextSummary } from '../matching/provenance/summary.ts';
import type { Model, Seed, Verdict } from '../model/types.ts';
import { compareUrl, onlyHereId, seedUrl } from '../site/urls.ts';
import { alignedTextHtml } from './compare-html.ts';

/**
 * A passage only this seed has, as the seed page lists it: the opening words of each of its lines (a
 * paragraph, a caption, a one-line remark), so the reader sees what was added without reading it twice;
 * the compare page has it whole.
 */
export interface AddedPassage {
  lines: string[];
  /** Lines after the first ADDED_LINES, not listed. */
  moreLines: number;
  words: number;
  /** Where it is marked on the compare page. */
  url: string;
}

/** Words of a line the seed page shows, lines of a passage it lists, and passages of a relation it lists. */
export const ADDED_WORDS = 14;
export const ADDED_LINES = 20;
export const ADDED_SHOWN = 5;

function opening(line: string): string {
  const words = line.split(/\s+/);
  return words.length <= ADDED_WORDS ? line : `${words.slice(0, ADDED_WORDS).join(' ')} …`;
}

export interface SharedText extends SharedTextSummary {
  relation: SeedRelation;
  /** The first ADDED_SHOWN passages only this seed has, in its order, and how many more there are. */
  added: AddedPassage[];
  moreAdded: number;
  other: Seed;
  otherTitle: string;
  otherUrl: string;
  compareUrl: string;
  order: string;
}

export interface ComparePage {
  url: string;
  seed: Seed;
  other: Seed;
  title: string;
  otherTitle: string;
  seedUrl: string;
  otherUrl: string;
  /** The same comparison from the other seed's side. */
  reverseUrl: string;
  shared: SharedText;
  relation: SeedRelation;
}

export interface OnlyInNote {
  seedTitle: string;
  seedUrl: string;
  otherTitle: string;
  otherUrl: string;
  compareUrl: string;
}

type Title = (seed: Seed) => string;

export class ProvenanceData {
  comparePages: ComparePage[] = [];
  private model!: Model;
  private title: Title = (seed) => seed.id;
  private absoluteUrl: (path: string) => string = (path) => path;
  private sides = new Map<string, RelationSide[]>();

  update(model: Model, title: Title, absoluteUrl: (path: string) => string): void {
    this.model = model;
    this.title = title;
    this.absoluteUrl = absoluteUrl;
    this.sides = relationsBySeed(model.provenance);
    this.comparePages = model.seeds.flatMap((seed) => this.sharedText(seed).map((shared) => this.comparePage(seed, shared)));
  }

  /** The seed's relations, the other seed's share it repeats largest first. */
  sharedText(seed: Seed): SharedText[] {
    return (this.sides.get(seed.id) ?? []).flatMap((side) => {
      const other = this.model.seedsById.get(side.other);
      if (!other) return [];
      return [
        {
          ...sharedTextSummary(side),
          relation: side.relation,
          added: this.added(seed, side).slice(0, ADDED_SHOWN),
          moreAdded: Math.max(0, side.adds - ADDED_SHOWN),
          other,
          otherTitle: this.title(other),
          otherUrl: seedUrl(other.id),
          compareUrl: compareUrl(seed.id, other.id),
          order: orderSentence(side, {
            ...(seed.meta.published ? { own: seed.meta.published } : {}),
            ...(other.meta.published ? { other: other.meta.published } : {}),
          }),
        },
      ];
    });
  }

  private added(seed: Seed, side: RelationSide): AddedPassage[] {
    const own = side.relation.a === seed.id ? 'a' : 'b';
    const kind = own === 'a' ? 'only-a' : 'only-b';
    return side.relation.parts
      .filter((p) => p.kind === kind)
      .map((p, k) => {
        const lines = seed.text
          .slice(p[own]!.start, p[own]!.end)
          .split(/\r?\n|\r/)
          .map((line) => line.trim())
          .filter((line) => line !== '');
        return {
          lines: lines.slice(0, ADDED_LINES).map(opening),
          moreLines: Math.max(0, lines.length - ADDED_LINES),
          words: own === 'a' ? p.wordsA : p.wordsB,
          url: compareUrl(seed.id, side.other, onlyHereId(k + 1)),
        };
      });
  }

  private comparePage(seed: Seed, shared: SharedText & { relation: SeedRelation }): ComparePage {
    return {
      url: shared.compareUrl,
      seed,
      other: shared.other,
      title: this.title(seed),
      otherTitle: shared.otherTitle,
      seedUrl: seedUrl(seed.id),
      otherUrl: shared.otherUrl,
      reverseUrl: compareUrl(shared.other.id, seed.id),
      shared,
      relation: shared.relation,
    };
  }

  /** The compare page's aligned text (see compare-html.ts). */
  alignedHtml(page: ComparePage): string {
    return alignedTextHtml(page.relation, page.seed, page.other, { own: page.title, other: page.otherTitle });
  }

  /**
   * "This passage appears only in <seed>; <other>, which repeats the rest of the report, does not contain it."
   * Said when the verdict's seed repeats most of a related seed (REPOST_SHARE) but its passage lies wholly in
   * text only the verdict's seed has, the other seed carries no appearance of it, and the verdict cites that
   * seed as a source: the editor compared the two, so "the report" is the one the other seed carries (a passage
   * of some other report that the compilation adds would be absent from it too, but that says nothing).
   */
  onlyInNotes(verdict: Verdict): OnlyInNote[] {
    const anchor = verdict.anchor;
    if (!anchor) return [];
    const seed = this.model.seedsById.get(anchor.seed)!;
    const cited = new Set(verdict.sources.flatMap((s) => (s.kind === 'seed' ? [s.seed] : [])));
    const carriers = new Set(verdict.appearances.map((a) => a.seed));
    return (this.sides.get(seed.id) ?? []).flatMap((side) => {
      if (side.repeats < REPOST_SHARE || !cited.has(side.other) || carriers.has(side.other)) return [];
      const own = side.relation.a === seed.id ? 'a' : 'b';
      const onlyOwn = own === 'a' ? 'only-a' : 'only-b';
      const overlapping = side.relation.parts.filter((p) => {
        const s = p[own];
        return s !== undefined && s.start < anchor.end && anchor.start < s.end;
      });
      if (overlapping.length === 0 || overlapping.some((p) => p.kind !== onlyOwn)) return [];
      const other = this.model.seedsById.get(side.other)!;
      return [
        {
          seedTitle: this.title(seed),
          seedUrl: seedUrl(seed.id),
          otherTitle: this.title(other),
          otherUrl: seedUrl(other.id),
          compareUrl: compareUrl(seed.id, other.id),
        },
      ];
    });
  }

  /**
   * A seed page's JSON-LD: a CreativeWork with `isBasedOn` the earlier seeds it repeats, only where the
   * publication dates of both say which came first; '' otherwise (a seed page has no other JSON-LD).
   */
  seedJsonLd(seed: Seed): string {
    const absoluteUrl = this.absoluteUrl;
    const earlier = (this.sides.get(seed.id) ?? []).filter((side) => side.order === 'later');
    if (earlier.length === 0) return '';
    const work = (s: Seed): JsonObject => ({
      '@type': 'CreativeWork',
      url: absoluteUrl(seedUrl(s.id)),
      name: this.title(s),
      ...(s.meta.published ? { datePublished: s.meta.published } : {}),
    });
    const based = earlier.map((side) => work(this.model.seedsById.get(side.other)!));
    return jsonLdScript({ '@context': 'https://schema.org', ...work(seed), isBasedOn: based });
  }
}
