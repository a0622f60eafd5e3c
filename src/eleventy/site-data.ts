// What the templates print, computed once per build from the model. Templates only escape and print
// these values; every decision (order, pages, links, counts) is made here or in the pure helpers.
import type { Model, RatingLevel, Seed, SiteMeta, Source, Verdict } from '../types.ts';
import { anchorPassageId, marginNotes, reviewedShare, seedHighlights, verdictPassages } from '../highlights.ts';
import type { HighlightedParagraph, MarginNote } from '../highlights.ts';
import { absoluteUrl, homeUrl, ratingUrl, seedIndexUrl, seedUrl, verdictUrl } from '../urls.ts';
import { redirectPage, redirectsFile, type Redirect } from '../redirects.ts';
import { headersFile } from '../headers.ts';
import { passageContext, type PassageContext } from '../passage-context.ts';
import { originalPassageUrl } from '../text-fragment.ts';
import { seedTextHtml } from './seed-html.ts';
import { claimReview, claimReviewFeed, jsonLdScript, safeJson } from '../claimreview.ts';
import { bySlug, compareText as compare, newestFirst } from '../order.ts';
import { ProvenanceData, type ComparePage } from './provenance-data.ts';

export const PAGE_SIZE = 50;
/** The Atom feed's length: the newest published verdicts. */
export const FEED_ENTRIES = 50;
/** Seeds named in the home page's side column; the /seeds/ index lists them all. */
export const SIDE_SEEDS = 10;

export interface Listing<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  url: string;
  previousUrl?: string;
  nextUrl?: string;
}

export interface RatingPage extends Listing<Verdict> {
  level: RatingLevel;
  count: number;
}

export interface SeedPage {
  seed: Seed;
  title: string;
  url: string;
  paragraphs: HighlightedParagraph[];
  notes: MarginNote[];
  /** e.g. "12%" */
  reviewed: string;
  verdictCount: number;
}

export interface Appears {
  seed: Seed;
  title: string;
  /** Link to the first occurrence on that seed's page. */
  url: string;
  /** Occurrences in that seed (besides the anchored passage itself, in the anchor's own seed). */
  count: number;
  /** The anchor's own seed: the passage occurs again later or earlier in the same text. */
  sameSeed: boolean;
}

export function paginate<T>(items: readonly T[], size: number, urlOf: (page: number) => string): Listing<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const pages: Listing<T>[] = [];
  for (let number = 1; number <= total; number++) {
    pages.push({
      number,
      total,
      items: items.slice((number - 1) * size, number * size),
      url: urlOf(number),
      ...(number > 1 ? { previousUrl: urlOf(number - 1) } : {}),
      ...(number < total ? { nextUrl: urlOf(number + 1) } : {}),
    });
  }
  return pages;
}

export function seedTitle(seed: Seed): string {
  return seed.meta.title?.trim() || seed.id;
}

/** A share as a whole percentage, never "0%" for a seed with something reviewed nor "100%" for one not fully reviewed. */
export function percent(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  return `${Math.min(99, Math.max(1, Math.round(share * 100)))}%`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-09-23` -> `23 September 2022` (the date as written: no time zone can shift it). */
export function readableDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

export interface SiteInput {
  model: Model;
  site: SiteMeta & { notice: string };
  pathPrefix: string;
  /** Absolute path of the content folder. */
  inputDir: string;
  redirects: Redirect[];
  css: string;
}

/**
 * One instance lives for the whole Eleventy process (it is the `fc` global data); `update` replaces its
 * contents at the start of every build, so a rebuild in watch mode sees the new model.
 */
export class SiteData {
  model!: Model;
  site!: SiteMeta & { notice: string };
  pathPrefix = '/';
  inputDir = '';
  redirects: Redirect[] = [];
  css = '';
  /** Whether this build has a page at /about/ (set once Eleventy knows every page's URL, before any is rendered). */
  hasAbout = false;
  published: Verdict[] = [];
  newest: Verdict[] = [];
  homePages: Listing<Verdict>[] = [];
  ratingPages: RatingPage[] = [];
  seedPages: SeedPage[] = [];
  /** /seeds/, /seeds/page/2/, ...: every seed in id order, PAGE_SIZE a page. */
  seedIndexPages: Listing<SeedPage>[] = [];
  /** The SIDE_SEEDS most fact-checked seeds (ties by id), for the home page's side column. */
  topSeeds: SeedPage[] = [];
  /** Rating levels with the number of published verdicts for each, in the scale's order. */
  ratingCounts: { level: RatingLevel; count: number; url: string }[] = [];
  /** Shared text between seeds: seed page sections, compare pages, verdict notes (provenance-data.ts). */
  provenance = new ProvenanceData();
  /** /seeds/<id>/compare/<other>/ for every related pair, both ways. */
  comparePages: ComparePage[] = [];
  /** Slugs of the FEED_ENTRIES newest verdicts, the only verdict pages in Eleventy's collections. */
  feedSlugs = new Set<string>();
  private levels = new Map<string, RatingLevel>();
  private bySlug = new Map<string, Verdict>();
  private allBySlug = new Map<string, Verdict>();
  private verdictsBySeed = new Map<string, Verdict[]>();

  update(input: SiteInput): void {
    const { model } = input;
    Object.assign(this, { model, site: input.site, pathPrefix: input.pathPrefix, inputDir: input.inputDir, redirects: input.redirects, css: input.css });
    this.levels = new Map(model.scale.levels.map((level) => [level.key, level]));
    this.allBySlug = new Map(model.verdicts.map((v) => [v.slug, v]));
    this.published = model.verdicts.filter((v) => !v.draft && v.anchor).sort(bySlug);
    this.bySlug = new Map(this.published.map((v) => [v.slug, v]));
    this.newest = [...this.published].sort(newestFirst);
    this.homePages = paginate(this.newest, PAGE_SIZE, homeUrl);
    this.feedSlugs = new Set(this.newest.slice(0, FEED_ENTRIES).map((v) => v.slug));

    this.ratingPages = [];
    for (const level of model.scale.levels) {
      const rated = this.newest.filter((v) => v.rating === level.key);
      for (const page of paginate(rated, PAGE_SIZE, (n) => ratingUrl(level.key, n))) {
        this.ratingPages.push({ ...page, level, count: rated.length });
      }
    }

    this.verdictsBySeed = new Map();
    for (const verdict of this.published) {
      const seeds = new Set([verdict.anchor!.seed, ...verdict.appearances.map((a) => a.seed)]);
      for (const id of seeds) {
        const list = this.verdictsBySeed.get(id) ?? [];
        list.push(verdict);
        this.verdictsBySeed.set(id, list);
      }
    }
    this.provenance.update(model, seedTitle, (path) => this.absoluteUrl(path));
    this.comparePages = this.provenance.comparePages;
    this.seedPages = model.seeds.map((seed) => this.seedPage(seed));
    this.seedIndexPages = paginate(this.seedPages, PAGE_SIZE, seedIndexUrl);
    this.topSeeds = [...this.seedPages].sort((a, b) => b.verdictCount - a.verdictCount || compare(a.seed.id, b.seed.id)).slice(0, SIDE_SEEDS);

    // Counted once per build: every listing page shows them (a getter re-counted all verdicts on each page).
    const counts = new Map<string, number>();
    for (const v of this.published) counts.set(v.rating, (counts.get(v.rating) ?? 0) + 1);
    this.ratingCounts = model.scale.levels.map((level) => ({ level, count: counts.get(level.key) ?? 0, url: ratingUrl(level.key) }));
  }

  /** Any verdict the model read, drafts included (the front matter engine needs the drafts too). */
  anyVerdict(slug: string): Verdict | undefined {
    return this.allBySlug.get(slug);
  }

  private seedPage(seed: Seed): SeedPage {
    const verdicts = this.verdictsBySeed.get(seed.id) ?? [];
    const paragraphs = seedHighlights(seed, verdicts, this.model.scale);
    return {
      seed,
      title: seedTitle(seed),
      url: seedUrl(seed.id),
      paragraphs,
      notes: marginNotes(seed, verdicts, this.model.scale),
      reviewed: percent(reviewedShare(seed, paragraphs)),
      verdictCount: verdicts.length,
    };
  }

  level(key: string): RatingLevel | undefined {
    return this.levels.get(key);
  }

  verdict(slug: string): Verdict | undefined {
    return this.bySlug.get(slug);
  }

  seed(id: string): Seed | undefined {
    return this.model.seedsById.get(id);
  }

  /** Where the verdict's passage sits on its seed's page. */
  passageUrl(verdict: Verdict): string {
    return seedUrl(verdict.anchor!.seed, anchorPassageId(verdict));
  }

  /** Every seed other than the anchor's own where the passage appears, by seed id; then further occurrences in the anchor's seed. */
  alsoAppearsIn(verdict: Verdict): Appears[] {
    const anchorSeed = verdict.anchor!.seed;
    const ids = [...new Set(verdict.appearances.map((a) => a.seed))].sort(compare);
    const result: Appears[] = [];
    for (const id of ids) {
      const seed = this.seed(id);
      if (!seed) continue;
      const passages = verdictPassages(verdict, id).filter((p) => id !== anchorSeed || p.start !== verdict.anchor!.start);
      const first = passages[0];
      if (!first) continue;
      result.push({ seed, title: seedTitle(seed), url: seedUrl(id, first.id), count: passages.length, sameSeed: id === anchorSeed });
    }
    return result.sort((a, b) => (a.seed.id === anchorSeed ? 1 : 0) - (b.seed.id === anchorSeed ? 1 : 0) || compare(a.seed.id, b.seed.id));
  }

  /** The passage with a few of the seed's words around it. */
  passageContext(verdict: Verdict): PassageContext {
    const anchor = verdict.anchor!;
    return passageContext(this.seed(anchor.seed)!, anchor);
  }

  /** The original article, scrolled to the passage by a text fragment; undefined when the seed has no URL. */
  originalArticleUrl(verdict: Verdict): string | undefined {
    const anchor = verdict.anchor!;
    return originalPassageUrl(this.seed(anchor.seed)!, anchor);
  }

  /** The seed page's text, highlighted (see seed-html.ts). */
  seedHtml(page: SeedPage): string {
    return seedTextHtml(page.paragraphs, {
      level: (key) => this.level(key),
      title: (slug) => this.verdict(slug)?.title ?? slug,
    });
  }

  /** `path` (a site path without the prefix) as an absolute URL under the site URL and the path prefix. */
  absoluteUrl(sitePath: string): string {
    return absoluteUrl(this.site, sitePath, this.pathPrefix);
  }

  /** The verdict page's `<script type="application/ld+json">` with its ClaimReview. */
  jsonLdScript(verdict: Verdict): string {
    return jsonLdScript(claimReview(verdict, this.model, this.site, this.pathPrefix));
  }

  /** /claimreview.json: a schema.org DataFeed of every published verdict's ClaimReview, compact (aggregators parse it; `jq .` pretty-prints it). */
  get claimReviewFeedJson(): string {
    return safeJson(claimReviewFeed(this.model, this.site, this.pathPrefix));
  }

  /**
   * Absolute URLs of every HTML page, sorted: the model's pages (verdicts, seeds, listings) and the pages in
   * Eleventy's collections (the editors' content pages, search; 404 and redirects are in neither).
   */
  sitemapUrls(pages: { url?: string | false }[]): string[] {
    const listed = pages.map((p) => p.url).filter((url): url is string => typeof url === 'string' && url.endsWith('/'));
    const model = [...this.published.map((v) => verdictUrl(v.slug)), ...[this.homePages, this.ratingPages, this.seedPages, this.seedIndexPages, this.comparePages].flat().map((p) => p.url)];
    return [...new Set([...listed, ...model])].sort(compare).map((url) => this.absoluteUrl(url));
  }

  seedIndexUrl(page?: number): string {
    return seedIndexUrl(page);
  }

  ratingUrl(key: string): string {
    return ratingUrl(key);
  }

  get headersFile(): string {
    return headersFile(this.pathPrefix);
  }

  get redirectsFile(): string {
    return redirectsFile(this.redirects, this.pathPrefix);
  }

  redirectPage(redirect: Redirect): string {
    return redirectPage(redirect, { language: this.site.language, canonical: this.absoluteUrl(verdictUrl(redirect.to)) });
  }

  verdictUrl(slug: string): string {
    return verdictUrl(slug);
  }

  seedUrl(id: string, fragment?: string): string {
    return seedUrl(id, fragment);
  }

  seedTitle(id: string): string {
    const seed = this.seed(id);
    return seed ? seedTitle(seed) : id;
  }

  isWebSource(source: Source): boolean {
    return source.kind === 'web';
  }

  date(iso: string): string {
    return readableDate(iso);
  }
}
