// What the templates print, computed once per build from the model. Templates only escape and print
// these values; every decision (order, pages, links, counts) is made here or in the pure helpers.
import type { Model, PagedVerdict, PublishedVerdict, RatingLevel, Seed, SiteMeta } from '../model/types.ts';
import { isPublished, pagedVerdicts, publishedVerdicts } from '../model/published.ts';
import { anchorPassageId, marginNotes, reviewedShare, seedHighlights, verdictPassages } from '../site/highlights.ts';
import type { HighlightedParagraph, MarginNote } from '../site/highlights.ts';
import { absoluteUrl, homeUrl, ratingUrl, searchUrl, seedIndexUrl, seedUrl, shareImageUrl, sitemapUrl, verdictUrl } from '../site/urls.ts';
import { redirectPage, redirectsFile, type Redirect } from '../site/redirects.ts';
import { headersFile } from '../site/headers.ts';
import { robotsTxt } from '../site/robots.ts';
import { annotationCollectionJson } from '../site/annotations.ts';
import { passageContext, type PassageContext } from '../site/passage-context.ts';
import { originalPassageUrl } from '../site/text-fragment.ts';
import { seedTextHtml } from './seed-html.ts';
import { visibleHtml } from './visible-html.ts';
import { displayUrl } from '../content/values.ts';
import { claimReview, claimReviewFeedJson, jsonLdScript } from '../site/claimreview.ts';
import { claimantOf, type ClaimantView } from '../content/claimants.ts';
import { bySlug, compareText as compare, newestFirst } from '../model/order.ts';
import { createMarkdown } from './markdown.ts';
import { VerdictPage, type Appears } from './verdict-page.ts';
import { atomFeed, type AtomFeed } from './feed.ts';
import { renderedLists, type RenderPlan } from './incremental.ts';
import type { Shard } from './shards.ts';
import { anchoredCapture } from '../content/captures.ts';
import {
  captureLinks,
  capturePageUrl,
  changeSteps,
  passageNotices,
  type CaptureLink,
  type ChangeStep,
  type PassageNotice,
} from '../site/capture-pages.ts';
import { diffHtml } from './changes-html.ts';
import { seedChangesUrl } from '../site/urls.ts';
import { unknownOrigin } from '../site/seed-origin.ts';
import { coverageSentence, readableDate } from '../site/format.ts';
import { paginate, type Listing } from '../site/paginate.ts';

export { VerdictPage, type Appears };
import { ProvenanceData, type ComparePage } from './provenance-data.ts';
import { ArchiveData, type ArchiveIndexPage, type ArchiveLinks, type ArchivePage } from './archive-data.ts';
import { searchShards, shardText, type SearchShard } from './search-records.ts';

export const PAGE_SIZE = 50;
/** The Atom feed's length: the newest published verdicts. */
export const FEED_ENTRIES = 50;
/** Seeds named in the home page's side column; the /seeds/ index lists them all. */
export const SIDE_SEEDS = 10;

export interface RatingPage extends Listing<PagedVerdict> {
  level: RatingLevel;
  count: number;
}

export interface SeedPage {
  seed: Seed;
  title: string;
  url: string;
  paragraphs: HighlightedParagraph[];
  notes: MarginNote[];
  /** "The fact-checked passages make up 12% of this text." (undefined when none is checked) */
  coverage?: string;
  /** What of the text's origin is not known, in a sentence (seed-origin.ts); undefined when everything is. */
  unknownOrigin?: string;
  verdictCount: number;
  /** A seed with later captures: every capture, and its changes page. */
  captures?: CaptureLink[];
  changesUrl?: string;
  /** A later capture's page: the capture's date (the first capture's page is the seed page itself). */
  capture?: string;
  /** The seed's outlet's page, and the pages of the claimants and topics of the verdicts highlighted on it. */
  archive: ArchiveLinks;
}

/** `/seeds/<id>/changes/`: the word diff of each pair of consecutive captures. */
export interface ChangesPage {
  seed: Seed;
  title: string;
  url: string;
  steps: ChangeStep[];
}

export interface SiteInput {
  model: Model;
  site: SiteMeta & { notice: string };
  pathPrefix: string;
  /** Absolute path of the content folder. */
  inputDir: string;
  redirects: Redirect[];
  css: string;
  /** A preview build: not the published site (see src/site/site-origin.ts). */
  preview?: boolean;
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
  /**
   * A preview (PREVIEW=1, and npm start unless PREVIEW=0): every page says so, nothing is indexed, no ClaimReview
   * is published, and drafts have pages. One mode for everything a preview shows differently.
   */
  preview = false;
  /** Whether this build has a page at /about/ (set once Eleventy knows every page's URL, before any is rendered). */
  hasAbout = false;
  /** By slug. The feeds, the sitemap and the share images of a published site name these only. */
  published: PublishedVerdict[] = [];
  /** The verdicts with a page, by slug: the published ones, and the drafts in a preview (src/model/published.ts). */
  paged: PagedVerdict[] = [];
  /** `paged`, newest first: what the listings show. */
  newest: PagedVerdict[] = [];
  homePages: Listing<PagedVerdict>[] = [];
  ratingPages: RatingPage[] = [];
  seedPages: SeedPage[] = [];
  /** The pages of the later captures of every seed that has some, by seed id then date. */
  capturePages: SeedPage[] = [];
  changesPages: ChangesPage[] = [];
  /** /seeds/, /seeds/page/2/, ...: every seed in id order, PAGE_SIZE a page. */
  seedIndexPages: Listing<SeedPage>[] = [];
  /** The SIDE_SEEDS most fact-checked seeds (ties by id), for the home page's side column. */
  topSeeds: SeedPage[] = [];
  /** Rating levels with the number of listed verdicts for each, in the scale's order. */
  ratingCounts: { level: RatingLevel; count: number; url: string }[] = [];
  /** One page per paged verdict, by slug. */
  verdictPages: VerdictPage[] = [];
  /** /feed.xml: the FEED_ENTRIES newest verdict pages. */
  feed!: AtomFeed;
  /** npm start: which pages a rebuild renders (incremental.ts); none in a build, which renders every page. */
  plan: RenderPlan | undefined;
  /** A build in several Eleventy runs (shards.ts): the run rendering now. */
  shard: Shard | undefined;
  /** The list every single page (search, feeds, sitemap...) paginates over: one item, so one run renders them. */
  readonly singles: readonly object[] = [{}];
  /** `rendered.<list>`: the items of `<list>` this build renders pages for (what pagination reads, pages.ts). */
  readonly rendered = renderedLists(
    this,
    () => this.plan,
    () => this.shard,
  );
  /** Each rating level's key by its label: the search page shows a result's rating (its label) as the level's badge. */
  get ratingKeysByLabel(): Record<string, string> {
    return Object.fromEntries(this.model.scale.levels.map((level) => [level.label, level.key]));
  }
  /** The search indexes and the pages in each (search-records.ts): the search page loads every one. */
  searchShards: SearchShard[] = [];
  /** Shared text between seeds: seed page sections, compare pages, verdict notes (provenance-data.ts). */
  provenance = new ProvenanceData();
  /** /seeds/<id>/compare/<other>/ for every related pair, both ways. */
  comparePages: ComparePage[] = [];
  /** Claimant, topic and outlet pages and their indexes, and the links to them (archive-data.ts). */
  readonly archive = new ArchiveData();
  // The archive's page lists, at `fc.<list>` where pagination (pages.ts) and npm start's render plan read every list.
  get claimantPages(): ArchivePage[] {
    return this.archive.claimantPages;
  }
  get topicPages(): ArchivePage[] {
    return this.archive.topicPages;
  }
  get outletPages(): ArchivePage[] {
    return this.archive.outletPages;
  }
  get claimantIndexPages(): ArchiveIndexPage[] {
    return this.archive.claimantIndexPages;
  }
  get topicIndexPages(): ArchiveIndexPage[] {
    return this.archive.topicIndexPages;
  }
  get outletIndexPages(): ArchiveIndexPage[] {
    return this.archive.outletIndexPages;
  }
  private levels = new Map<string, RatingLevel>();
  private bySlug = new Map<string, PagedVerdict>();
  private readonly markdown = createMarkdown();
  private verdictsBySeed = new Map<string, PagedVerdict[]>();

  update(input: SiteInput): void {
    const { model } = input;
    Object.assign(this, {
      model,
      site: input.site,
      pathPrefix: input.pathPrefix,
      inputDir: input.inputDir,
      redirects: input.redirects,
      css: input.css,
      preview: input.preview ?? false,
    });
    this.levels = new Map(model.scale.levels.map((level) => [level.key, level]));
    this.published = publishedVerdicts(model.verdicts).sort(bySlug);
    this.paged = pagedVerdicts(model.verdicts, { preview: this.preview }).sort(bySlug);
    this.bySlug = new Map(this.paged.map((v) => [v.slug, v]));
    this.newest = [...this.paged].sort(newestFirst);
    this.homePages = paginate(this.newest, PAGE_SIZE, homeUrl);

    this.ratingPages = [];
    for (const level of model.scale.levels) {
      const rated = this.newest.filter((v) => v.rating === level.key);
      for (const page of paginate(rated, PAGE_SIZE, (n) => ratingUrl(level.key, n))) {
        this.ratingPages.push({ ...page, level, count: rated.length });
      }
    }

    this.verdictsBySeed = new Map();
    for (const verdict of this.paged) {
      // A passage anchored in a later capture is highlighted on that capture's page (key `<id>@<date>`).
      const anchor = verdict.anchor;
      const seeds = new Set([
        anchor.capture === undefined ? anchor.seed : `${anchor.seed}@${anchor.capture}`,
        ...verdict.appearances.map((a) => a.seed),
      ]);
      for (const id of seeds) {
        const list = this.verdictsBySeed.get(id) ?? [];
        list.push(verdict);
        this.verdictsBySeed.set(id, list);
      }
    }
    this.archive.update(this.paged, model.seeds, model.claimants, model.scale, (seed) => ({
      title: seed.title,
      url: seedUrl(seed.id),
      verdictCount: this.verdictsBySeed.get(seed.id)?.length ?? 0,
    }));
    this.provenance.update(
      model,
      (seed) => seed.title,
      (path) => this.absoluteUrl(path),
    );
    this.comparePages = this.provenance.comparePages;
    this.seedPages = model.seeds.map((seed) => this.seedPage(seed));
    const withCaptures = model.seeds.filter((seed) => seed.captures);
    this.capturePages = withCaptures.flatMap((seed) => seed.captures!.map((capture) => this.seedPage(capture, seed)));
    this.changesPages = withCaptures.map((seed) => ({
      seed,
      title: seed.title,
      url: seedChangesUrl(seed.id),
      steps: changeSteps(seed, this.published),
    }));
    this.seedIndexPages = paginate(this.seedPages, PAGE_SIZE, seedIndexUrl);
    this.verdictPages = this.paged.map((v) => new VerdictPage(v, this, this.markdown));
    // A draft's page (a preview's) is never in the search index.
    this.searchShards = searchShards(
      this.verdictPages.filter((page) => isPublished(page.verdict)),
      this.seedPages,
      shardText(),
    );
    const pageOf = new Map(this.verdictPages.map((page) => [page.verdict.slug, page]));
    const newestPublished = [...this.published].sort(newestFirst);
    this.feed = atomFeed(
      this.site,
      newestPublished.slice(0, FEED_ENTRIES).map((v) => pageOf.get(v.slug)!),
    );
    this.topSeeds = [...this.seedPages]
      .sort((a, b) => b.verdictCount - a.verdictCount || compare(a.seed.id, b.seed.id))
      .slice(0, SIDE_SEEDS);

    // Counted once per build: every listing page shows them (a getter re-counted all verdicts on each page).
    const counts = new Map<string, number>();
    for (const v of this.paged) counts.set(v.rating, (counts.get(v.rating) ?? 0) + 1);
    this.ratingCounts = model.scale.levels.map((level) => ({ level, count: counts.get(level.key) ?? 0, url: ratingUrl(level.key) }));
  }

  /** The page of a seed's first capture (`seed`), or of one of its later captures (`seed` with `first`). */
  private seedPage(seed: Seed, first?: Seed): SeedPage {
    const verdicts = this.verdictsBySeed.get(first ? `${seed.id}@${seed.captured}` : seed.id) ?? [];
    const paragraphs = seedHighlights(seed, verdicts, this.model.scale);
    const owner = first ?? seed;
    const coverage = coverageSentence(reviewedShare(seed, paragraphs));
    const unknown = unknownOrigin(seed);
    return {
      seed,
      title: seed.title,
      url: capturePageUrl(seed),
      paragraphs,
      notes: marginNotes(seed, verdicts, this.model.scale),
      ...(coverage ? { coverage } : {}),
      ...(unknown ? { unknownOrigin: unknown } : {}),
      verdictCount: verdicts.length,
      ...(owner.captures ? { captures: captureLinks(owner, seed), changesUrl: seedChangesUrl(owner.id) } : {}),
      ...(seed.captured !== undefined ? { capture: seed.captured } : {}),
      archive: this.archive.forSeed(seed, verdicts),
    };
  }

  /** The capture a verdict's passage is anchored in. */
  checkedCapture(verdict: PagedVerdict): Seed {
    return anchoredCapture(this.seed(verdict.anchor.seed)!, verdict.anchor);
  }

  /** The page of the capture the verdict checked (the seed page for the first capture). */
  checkedCaptureUrl(verdict: PagedVerdict): string {
    return capturePageUrl(this.checkedCapture(verdict));
  }

  /** Later captures in which the verdict's passage reads differently: the verdict page says so near the top. */
  passageNotices(verdict: PagedVerdict): PassageNotice[] {
    return passageNotices(verdict);
  }

  /** One step of a changes page: the word diff with <del>, <ins> and the checked passages marked. */
  diffHtml(step: ChangeStep): string {
    return diffHtml(step.pieces ?? []);
  }

  level(key: string): RatingLevel | undefined {
    return this.levels.get(key);
  }

  verdict(slug: string): PagedVerdict | undefined {
    return this.bySlug.get(slug);
  }

  seed(id: string): Seed | undefined {
    return this.model.seedsById.get(id);
  }

  /** The verdict's claimant, topics and outlet pages (its page prints them). */
  archiveLinks(verdict: PagedVerdict): ArchiveLinks {
    return this.archive.forVerdict(verdict);
  }

  /** Who made the verdict's claim (its claimants.yml entry, or the free text); undefined when none is named. */
  claimant(verdict: PagedVerdict): ClaimantView | undefined {
    return claimantOf(verdict, this.model.claimants, [this.seed(verdict.anchor.seed)!]);
  }

  /** Open Graph and Twitter card values of a verdict page: its title, the rating and the claim, its canonical URL and share image. */
  shareMeta(verdict: PagedVerdict): { title: string; description: string; url: string; image: string; imageAlt: string } {
    const label = this.level(verdict.rating)?.label ?? verdict.rating;
    return {
      title: verdict.title,
      description: `${label}: ${verdict.claim}`,
      url: this.absoluteUrl(verdictUrl(verdict.slug)),
      image: this.absoluteUrl(shareImageUrl(verdict.slug)),
      imageAlt: `Rated ${label}: ${verdict.claim} (${this.site.title})`,
    };
  }

  /** Where the verdict's passage sits on its seed's page. */
  passageUrl(verdict: PagedVerdict): string {
    return capturePageUrl(this.checkedCapture(verdict), anchorPassageId(verdict));
  }

  /** Every seed other than the anchor's own where the passage appears, by seed id; then further occurrences in the anchor's seed. */
  alsoAppearsIn(verdict: PagedVerdict): Appears[] {
    const anchorSeed = verdict.anchor.seed;
    const ids = [...new Set(verdict.appearances.map((a) => a.seed))].sort(compare);
    const result: Appears[] = [];
    for (const id of ids) {
      const seed = this.seed(id);
      if (!seed) continue;
      const passages = verdictPassages(verdict, id).filter((p) => id !== anchorSeed || p.start !== verdict.anchor.start);
      const first = passages[0];
      if (!first) continue;
      result.push({ seed, title: seed.title, url: seedUrl(id, first.id), count: passages.length, sameSeed: id === anchorSeed });
    }
    return result.sort((a, b) => (a.seed.id === anchorSeed ? 1 : 0) - (b.seed.id === anchorSeed ? 1 : 0) || compare(a.seed.id, b.seed.id));
  }

  /** The passage with a few of the seed's words around it. */
  passageContext(verdict: PagedVerdict): PassageContext {
    return passageContext(this.checkedCapture(verdict), verdict.anchor);
  }

  /** Seed text for a page: escaped, each invisible character shown as a labelled span (visible-html.ts). */
  visibleHtml(text: string): string {
    return visibleHtml(text);
  }

  /** A URL as a browser's address bar shows it: the host punycoded (values.ts). */
  displayUrl(url: string): string {
    return displayUrl(url);
  }

  /** The original article, scrolled to the passage by a text fragment; undefined when the seed has no URL. */
  originalArticleUrl(verdict: PagedVerdict): string | undefined {
    return originalPassageUrl(this.checkedCapture(verdict), verdict.anchor);
  }

  /** The seed page's text, highlighted (see seed-html.ts). */
  seedHtml(page: SeedPage): string {
    return seedTextHtml(page.paragraphs, {
      level: (key) => this.level(key),
      title: (slug) => {
        const verdict = this.verdict(slug);
        if (!verdict) return slug;
        return verdict.draft ? `${verdict.title} (draft, not published)` : verdict.title;
      },
    });
  }

  /** `path` (a site path without the prefix) as an absolute URL under the site URL and the path prefix. */
  absoluteUrl(sitePath: string): string {
    return absoluteUrl(this.site, sitePath, this.pathPrefix);
  }

  /** The verdict page's `<script type="application/ld+json">` with its ClaimReview. */
  jsonLdScript(verdict: PagedVerdict): string {
    // A preview is not publication: no ClaimReview may say this verdict was published (a draft has a page only in a preview).
    if (this.preview) return '';
    return jsonLdScript(claimReview(verdict, this.model, this.site, this.pathPrefix));
  }

  /** /claimreview.json: a schema.org DataFeed of every published verdict's ClaimReview, compact (aggregators parse it; `jq .` pretty-prints it). */
  get claimReviewFeedJson(): string {
    return claimReviewFeedJson(this.model, this.site, this.pathPrefix, { preview: this.preview, itemJson: this.reusedItem('claimreview') });
  }

  /**
   * npm start: a verdict's item of a whole-site file, kept from the last save while its inputs are unchanged
   * (RenderPlan.reuse): the verdict, its seed, the capture it is anchored in and the seeds its passage appears in.
   */
  private reusedItem(name: string): ((verdict: PublishedVerdict, json: () => string) => string) | undefined {
    const plan = this.plan;
    if (!plan) return undefined;
    return (verdict, json) => {
      const seeds = [this.seed(verdict.anchor.seed), this.checkedCapture(verdict), ...verdict.appearances.map((a) => this.seed(a.seed))];
      return plan.reuse(name, [verdict, seeds], json);
    };
  }

  /**
   * Absolute URLs of every HTML page but the 404 page and the redirects, sorted: the editors' content pages
   * (those at a folder URL), the search page, and the model's pages (verdicts, seeds, listings).
   */
  get sitemapUrls(): string[] {
    const content = this.model.pages.map((p) => p.url).filter((url) => url.endsWith('/'));
    const verdictPages = this.published.map((v) => ({ url: verdictUrl(v.slug) }));
    const pages = [
      verdictPages,
      this.homePages,
      this.ratingPages,
      this.seedPages,
      this.seedIndexPages,
      this.capturePages,
      this.changesPages,
      this.comparePages,
      this.archivePages,
      this.archiveIndexPages,
    ]
      .flat()
      .map((p) => p.url);
    return [...new Set([...content, searchUrl(), ...pages])].sort(compare).map((url) => this.absoluteUrl(url));
  }

  private get archivePages(): ArchivePage[] {
    return [this.claimantPages, this.topicPages, this.outletPages].flat();
  }

  private get archiveIndexPages(): ArchiveIndexPage[] {
    return [this.claimantIndexPages, this.topicIndexPages, this.outletIndexPages].flat();
  }

  /**
   * The sitemap's entries: sitemapUrls, each verdict page with `lastmod`, its `updated` date, else its `date`;
   * each page of a claimant, topic or outlet with the newest of its verdicts' (the tally on every page counts them all).
   */
  get sitemapEntries(): { loc: string; lastmod?: string }[] {
    const lastmod = new Map(this.published.map((v) => [this.absoluteUrl(verdictUrl(v.slug)), v.updated ?? v.date]));
    for (const page of this.archivePages) if (page.lastmod) lastmod.set(this.absoluteUrl(page.url), page.lastmod);
    return this.sitemapUrls.map((loc) => ({ loc, ...(lastmod.has(loc) ? { lastmod: lastmod.get(loc)! } : {}) }));
  }

  seedIndexUrl(page?: number): string {
    return seedIndexUrl(page);
  }

  ratingUrl(key: string): string {
    return ratingUrl(key);
  }

  /** /annotations.jsonld: every published verdict as a W3C Web Annotation on its passage (none in a preview). */
  get annotationsJson(): string {
    return annotationCollectionJson(this.model, this.site, this.pathPrefix, {
      preview: this.preview,
      itemJson: this.reusedItem('annotations'),
    });
  }

  get robotsTxt(): string {
    return robotsTxt({ preview: this.preview, sitemap: this.absoluteUrl(sitemapUrl()) });
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

  /** The seed's readable title (seed-title.ts); the id of a seed that is not on the site. */
  seedTitle(id: string): string {
    return this.seed(id)?.title ?? id;
  }

  date(iso: string): string {
    return readableDate(iso);
  }
}
