// The content model shared by the core, the Eleventy plugin and the CLI commands.
// Offsets are UTF-16 code-unit offsets into `Seed.text` (a JavaScript string index),
// lines and columns are 1-based, and every path is project-relative with `/` separators.
import type { ContentPage } from '../content/content-files.ts';
import type { SiteSettings } from '../content/site-settings.ts';
import type { Provenance } from '../matching/provenance/index.ts';

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'frontmatter-invalid'
  | 'field-missing'
  | 'field-unknown'
  | 'field-invalid'
  | 'seed-not-found'
  | 'seed-invalid'
  | 'quote-not-found'
  | 'quote-ambiguous'
  | 'quote-approximate'
  | 'context-changed'
  | 'rating-unknown'
  | 'source-invalid'
  | 'date-invalid'
  | 'duplicate-slug'
  | 'slug-invalid'
  | 'scale-invalid'
  | 'correction-missing'
  | 'published-removed'
  | 'seed-changed'
  | 'site-invalid'
  | 'data-file-unknown'
  | 'content-file-unknown'
  | 'permalink-invalid'
  | 'url-collision'
  | 'capture-invalid'
  | 'capture-not-found'
  | 'passage-changed'
  | 'passage-removed'
  | 'capture-changed'
  | 'text-invisible'
  | 'url-mixed-script'
  | 'claimants-invalid'
  | 'claimant-unknown'
  | 'claimant-by-name'
  | 'claim-too-long'
  | 'seed-meta-missing'
  | 'seed-repost'
  | 'archive-name-empty'
  | 'archive-name-collision';

/** One message for an editor, printed like a compiler's: file:line:col: severity: message [rule]. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: RuleId;
  message: string;
}

export interface SeedMeta {
  title?: string;
  outlet?: string;
  /** Absolute http(s) URL of the original article. */
  url?: string;
  /** ISO date, YYYY-MM-DD (UTC). */
  published?: string;
  language?: string;
  /** Absolute http(s) URL of an archived copy. */
  archived?: string;
  /** ISO date (UTC) the first capture, `seeds/<id>.txt`, was taken. */
  captured?: string;
}

export type TitleSource = 'metadata' | 'headline' | 'opening' | 'id';

/** A paragraph of a seed, as [start, end) offsets into `Seed.text` (no line breaks inside the range ends). */
export interface Span {
  start: number;
  end: number;
}

export interface Seed {
  id: string;
  /** e.g. `seeds/001_9340af456b0c9be9.txt` */
  file: string;
  /** The decoded text, BOM removed; line endings kept as they are in the file. */
  text: string;
  /** SHA-256 (hex) of the file's bytes, exactly as stored. */
  sha256: string;
  meta: SeedMeta;
  /** The name readers see (seed-title.ts): `meta.title`, else the text's headline line, else its opening words in quotes; the id only for an empty text. */
  title: string;
  /** Where `title` comes from. */
  titleFrom: TitleSource;
  /** `seeds/<id>.yml` when present. */
  metaFile?: string;
  /** Where each field of `meta` is written in `metaFile`. */
  metaPositions?: Record<string, Position>;
  paragraphs: Span[];
  /** Set on a later capture only (`seeds/<id>@<date>.txt`): its date, YYYY-MM-DD (UTC). The first capture's is `meta.captured`. */
  captured?: string;
  /** On the first capture only: every later capture of the same seed (same id and meta), oldest first. See captures.ts. */
  captures?: Seed[];
}

export type AnchorMethod = 'exact' | 'normalised' | 'case' | 'approximate';

/** Where a verdict's quote sits in a seed. */
export interface Anchor {
  seed: string;
  start: number;
  end: number;
  /** Position of `start` in the seed file. */
  line: number;
  column: number;
  method: AnchorMethod;
  /** Edit distance on the normalised texts (0 unless method is 'approximate'). */
  errors: number;
  /** The seed's own words at [start, end). */
  text: string;
  /** The date of the later capture the offsets are in; absent for the first capture, `seeds/<id>.txt`. */
  capture?: string;
}

/** What became of a published verdict's passage in one later capture of its seed. */
export interface PassageFate {
  /** The later capture's date and file. */
  capture: string;
  file: string;
  kind: 'unchanged' | 'changed' | 'removed';
  /** The capture's words where the passage now is (unchanged and changed; absent when it occurs several times). */
  text?: string;
  start?: number;
  end?: number;
  line?: number;
  column?: number;
}

/** Another place where the anchored passage occurs (same normalised text). */
export interface Appearance {
  seed: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface RatingLevel {
  key: string;
  label: string;
  description: string;
  /** ClaimReview ratingValue; null for ratings outside the numeric scale (e.g. `unsupported`). */
  value: number | null;
  /** CSS colour for the badge; never the only carrier of the rating. */
  colour: string;
}

/** Someone who makes claims, from content/_data/claimants.yml; verdicts name it by `key` in `claimant`. */
export interface Claimant {
  key: string;
  name: string;
  type: 'Person' | 'Organization';
  /** Absolute http(s) URLs that identify the claimant (schema.org sameAs); only ones the editor wrote. */
  sameAs: string[];
  description?: string;
}

export interface RatingScale {
  file: string;
  /** In order from best to worst. */
  levels: RatingLevel[];
  /** Highest and lowest numeric values on the scale (ClaimReview bestRating / worstRating). */
  best: number;
  worst: number;
}

export interface WebSource {
  kind: 'web';
  title: string;
  url: string;
  publisher?: string;
  date?: string;
  archived?: string;
}

export interface SeedSource {
  kind: 'seed';
  seed: string;
  title?: string;
}

export type Source = WebSource | SeedSource;

export interface Correction {
  date: string;
  note: string;
}

/** Where a field of the verdict's front matter starts in its file. */
export interface Position {
  line: number;
  column: number;
}

export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

export interface Verdict {
  slug: string;
  /** e.g. `content/verdicts/peskov-definitely.md` */
  file: string;
  title: string;
  seed: string;
  selector: QuoteSelector;
  /** The claim as restated; the quote when none is given. */
  claim: string;
  claimant?: string;
  rating: string;
  sources: Source[];
  authors: string[];
  /** ISO date, YYYY-MM-DD (UTC). */
  date: string;
  updated?: string;
  corrections: Correction[];
  draft: boolean;
  tags: string[];
  /** Old slugs that must keep working (redirect pages are emitted for them). */
  redirectFrom: string[];
  /** The Markdown explanation. */
  body: string;
  /** Line of the file where `body` begins. */
  bodyLine: number;
  /** Position of each front-matter field's value (of the key, when the value is empty), by key. */
  positions: Record<string, Position>;
  /** Positions of list items, e.g. `sources.0`, `corrections.1`. */
  itemPositions: Record<string, Position>;
  /** Absent when the quote could not be anchored (there is then an error in `Model.problems`). */
  anchor?: Anchor;
  /** Every other place (in any seed, the anchor's seed included) where the anchored passage occurs. */
  appearances: Appearance[];
  /** `capture:`, the date of the capture the editor checked (absent: the capture current on `date`). */
  capture?: string;
  /** Published verdicts: the passage in each capture of its seed later than the anchor's, oldest first. */
  fates?: PassageFate[];
}

/** A verdict whose quote was anchored, so it can have a page: published, or a draft in a preview (src/model/published.ts). */
export type PagedVerdict = Verdict & { anchor: Anchor };

/** A verdict the published site shows: not a draft, its quote anchored (src/model/published.ts). */
export type PublishedVerdict = PagedVerdict & { draft: false };

export interface Model {
  root: string;
  /** Sorted by id. */
  seeds: Seed[];
  seedsById: Map<string, Seed>;
  scale: RatingScale;
  /** content/_data/claimants.yml by key (empty without the file); optional for models built by hand. */
  claimants?: Map<string, Claimant>;
  /** Every verdict that could be read, drafts included, sorted by slug. */
  verdicts: Verdict[];
  /** The editors' own Markdown pages (content/about.md...), sorted by file. */
  pages: ContentPage[];
  /** content/_data/site.json, when the project has a valid one (the build then falls back to the tool's). */
  site?: SiteSettings;
  /** Sorted by file, line, column, rule. */
  problems: Problem[];
  /** Which seeds share text with which, aligned word by word (src/matching/provenance/). */
  provenance: Provenance;
}

/** Site metadata from `content/_data/site.json`; `url` may be overridden at build time. */
export interface SiteMeta {
  title: string;
  description: string;
  /** Absolute http(s) origin + path of the published site, without the path prefix, e.g. `https://example.org`. */
  url: string;
  language: string;
  /** The publishing organisation: ClaimReview `author`. */
  organisation: { name: string; url: string; logo?: string };
  /** Absolute http(s) URL of the licence of the site's structured data (DataFeed sdLicense), when site.json gives one. */
  license?: string;
}
