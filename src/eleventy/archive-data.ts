// What the archive pages print: one page (paginated) per claimant, topic and outlet, an index of each kind,
// and the links to them from verdict and seed pages. Computed once per build from the verdicts with a page
// (the published ones; in a preview the drafts too, as on every listing), grouped by src/site/archive.ts; the
// templates print these values.
import {
  archiveGroups,
  archiveSlug,
  claimantSlug,
  ratingTally,
  type ArchiveGroup,
  type ArchiveKind,
  type TallyRow,
} from '../site/archive.ts';
import { compareText } from '../model/order.ts';
import type { Claimant, PagedVerdict, RatingScale, Seed, Verdict } from '../model/types.ts';
import { claimantIndexUrl, claimantUrl, outletIndexUrl, outletUrl, topicIndexUrl, topicUrl } from '../site/urls.ts';
import { paginate, type Listing } from '../site/paginate.ts';
import { PAGE_SIZE } from './site-data.ts';

/** A seed as an outlet page lists it. */
export interface SeedLink {
  title: string;
  url: string;
  verdictCount: number;
}

/** One page of a claimant's, topic's or outlet's verdicts (and an outlet's seeds, paginated alongside). */
export interface ArchivePage extends Listing<PagedVerdict> {
  kind: ArchiveKind;
  name: string;
  description?: string;
  /** Published verdicts in the whole group, on every page. */
  count: number;
  tally: TallyRow[];
  /** An outlet's seeds on this page (PAGE_SIZE a page, like the verdicts), and how many it has. */
  seeds: SeedLink[];
  seedCount: number;
  /** The index of every group of this kind. */
  indexUrl: string;
  /** The newest `updated` (else `date`) of the group's verdicts, for the sitemap. */
  lastmod?: string;
}

/** A link to one archive page, with its number of published verdicts. */
export interface ArchiveLink {
  name: string;
  url: string;
  count: number;
}

export interface ArchiveEntry extends ArchiveLink {
  description?: string;
  seedCount: number;
}

/** `/claimants/`, `/topics/`, `/outlets/`: every group of one kind, by name. */
export interface ArchiveIndexPage extends Listing<ArchiveEntry> {
  kind: ArchiveKind;
  /** Groups of this kind on every page of the index. */
  groupCount: number;
}

/** What a verdict or seed page links to: its claimant(s), topics and outlet. */
export interface ArchiveLinks {
  claimants: ArchiveLink[];
  topics: ArchiveLink[];
  outlets: ArchiveLink[];
}

const PAGE_URL: Record<ArchiveKind, (slug: string, page?: number) => string> = {
  claimant: claimantUrl,
  topic: topicUrl,
  outlet: outletUrl,
};
const INDEX_URL: Record<ArchiveKind, (page?: number) => string> = {
  claimant: claimantIndexUrl,
  topic: topicIndexUrl,
  outlet: outletIndexUrl,
};

const newest = (verdicts: readonly Verdict[]): string | undefined =>
  verdicts.reduce<string | undefined>((latest, v) => {
    const when = v.updated ?? v.date;
    return latest === undefined || when > latest ? when : latest;
  }, undefined);

export class ArchiveData {
  claimantPages: ArchivePage[] = [];
  topicPages: ArchivePage[] = [];
  outletPages: ArchivePage[] = [];
  claimantIndexPages: ArchiveIndexPage[] = [];
  topicIndexPages: ArchiveIndexPage[] = [];
  outletIndexPages: ArchiveIndexPage[] = [];
  private bySlug: Record<ArchiveKind, Map<string, ArchiveLink>> = { claimant: new Map(), topic: new Map(), outlet: new Map() };
  private claimants: ReadonlyMap<string, Claimant> | undefined;
  private outletOfSeed = new Map<string, string>();

  /** `seedLink` names a seed's title, page and number of published verdicts. */
  update(
    verdicts: readonly PagedVerdict[],
    seeds: readonly Seed[],
    claimants: ReadonlyMap<string, Claimant> | undefined,
    scale: RatingScale,
    seedLink: (seed: Seed) => SeedLink,
  ): void {
    this.claimants = claimants;
    const archive = archiveGroups(verdicts, seeds, claimants);
    // A claimant or topic with no published verdict has nothing to show; an outlet page still lists its seeds.
    const claimantGroups = archive.claimants.filter((g) => g.verdicts.length > 0);
    const topicGroups = archive.topics.filter((g) => g.verdicts.length > 0);
    this.claimantPages = claimantGroups.flatMap((g) => this.pages(g, scale, seedLink));
    this.topicPages = topicGroups.flatMap((g) => this.pages(g, scale, seedLink));
    this.outletPages = archive.outlets.flatMap((g) => this.pages(g, scale, seedLink));
    this.claimantIndexPages = this.index('claimant', claimantGroups);
    this.topicIndexPages = this.index('topic', topicGroups);
    this.outletIndexPages = this.index('outlet', archive.outlets);
    this.bySlug = { claimant: this.links(claimantGroups), topic: this.links(topicGroups), outlet: this.links(archive.outlets) };
    this.outletOfSeed = new Map(archive.outlets.flatMap((g) => g.seeds.map((s) => [s.id, g.slug] as const)));
  }

  private pages(group: ArchiveGroup, scale: RatingScale, seedLink: (seed: Seed) => SeedLink): ArchivePage[] {
    const count = Math.max(group.verdicts.length, group.seeds.length);
    const urlOf = (n: number) => PAGE_URL[group.kind](group.slug, n);
    const tally = ratingTally(group.verdicts, scale);
    const lastmod = newest(group.verdicts);
    return paginate([...Array(count).keys()], PAGE_SIZE, urlOf).map((page) => {
      const from = (page.number - 1) * PAGE_SIZE;
      return {
        ...page,
        items: group.verdicts.slice(from, from + PAGE_SIZE),
        kind: group.kind,
        name: group.name,
        ...(group.description ? { description: group.description } : {}),
        count: group.verdicts.length,
        tally,
        seeds: group.seeds.slice(from, from + PAGE_SIZE).map(seedLink),
        seedCount: group.seeds.length,
        indexUrl: INDEX_URL[group.kind](),
        ...(lastmod ? { lastmod } : {}),
      };
    });
  }

  private index(kind: ArchiveKind, groups: readonly ArchiveGroup[]): ArchiveIndexPage[] {
    const entries: ArchiveEntry[] = groups.map((g) => ({
      name: g.name,
      url: PAGE_URL[kind](g.slug),
      count: g.verdicts.length,
      seedCount: g.seeds.length,
      ...(g.description ? { description: g.description } : {}),
    }));
    return paginate(entries, PAGE_SIZE, INDEX_URL[kind]).map((page) => ({ ...page, kind, groupCount: groups.length }));
  }

  private links(groups: readonly ArchiveGroup[]): Map<string, ArchiveLink> {
    return new Map(groups.map((g) => [g.slug, { name: g.name, url: PAGE_URL[g.kind](g.slug), count: g.verdicts.length }]));
  }

  private link(kind: ArchiveKind, slug: string | undefined): ArchiveLink[] {
    const found = slug === undefined ? undefined : this.bySlug[kind].get(slug);
    return found ? [found] : [];
  }

  /** A published verdict's claimant, its tags (as the editor ordered them) and its passage's seed's outlet. */
  forVerdict(verdict: PagedVerdict): ArchiveLinks {
    const topics = [...new Set(verdict.tags.map(archiveSlug))].flatMap((slug) => this.link('topic', slug));
    return {
      claimants: this.link('claimant', claimantSlug(verdict, this.claimants)),
      topics,
      outlets: this.link('outlet', this.outletOfSeed.get(verdict.anchor.seed)),
    };
  }

  /** A seed's outlet, and the claimants and topics of the published verdicts highlighted on its page, by name. */
  forSeed(seed: Seed, verdicts: readonly PagedVerdict[]): ArchiveLinks {
    const claimants = new Map<string, ArchiveLink>();
    const topics = new Map<string, ArchiveLink>();
    for (const v of verdicts) {
      const links = this.forVerdict(v);
      for (const l of links.claimants) claimants.set(l.url, l);
      for (const l of links.topics) topics.set(l.url, l);
    }
    const byName = (a: ArchiveLink, b: ArchiveLink) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.url, b.url);
    return {
      claimants: [...claimants.values()].sort(byName),
      topics: [...topics.values()].sort(byName),
      outlets: this.link('outlet', this.outletOfSeed.get(seed.id)),
    };
  }
}
