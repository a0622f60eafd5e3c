// A verdict's page, computed in TypeScript from the model: everything _includes/pages/verdict.njk prints
// (and the Atom feed's entry for it). The template looks nothing up; it escapes and prints these values.
//
// The two large strings (the explanation as HTML and the JSON-LD script) are computed when the page is
// rendered and not kept: at 100,000 verdicts, holding both for every verdict for the whole build would
// cost hundreds of megabytes that Eleventy's own copy of each written page already costs once. The
// passage's context and the link to the original are computed when rendered too: after a save in npm
// start, only the changed pages are rendered, and their inputs (the verdict, the checked capture) are in
// the page's data, which is what incremental.ts fingerprints.
import type MarkdownIt from 'markdown-it';
import type { PagedVerdict, RatingLevel, Seed, Verdict } from '../model/types.ts';
import type { PassageContext } from '../site/passage-context.ts';
import { outputFileOf, seedUrl, verdictUrl } from '../site/urls.ts';
import { paragraphNumber } from '../content/seeds.ts';
import type { ArchiveLinks } from './archive-data.ts';

/** An appearance of the verdict's passage in another seed (or again in its own). */
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

const authorList = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** Where the checked passage is in the files, for the page's evidence details (readers are told the paragraph). */
export interface PassageEvidence {
  seed: string;
  /** The capture the verdict checked: `seeds/<id>.txt` or `seeds/<id>@<date>.txt`. */
  file: string;
  sha256: string;
  line: number;
  column: number;
}

/** What a VerdictPage needs from the rest of the site's data (SiteData implements it). */
export interface VerdictPageSource {
  level(key: string): RatingLevel | undefined;
  seed(id: string): Seed | undefined;
  seedTitle(id: string): string;
  checkedCapture(verdict: PagedVerdict): Seed;
  passageUrl(verdict: PagedVerdict): string;
  passageContext(verdict: PagedVerdict): PassageContext;
  originalArticleUrl(verdict: PagedVerdict): string | undefined;
  alsoAppearsIn(verdict: PagedVerdict): Appears[];
  jsonLdScript(verdict: PagedVerdict): string;
  archiveLinks(verdict: PagedVerdict): ArchiveLinks;
}

/**
 * The environment a verdict's explanation is rendered with: markdown.ts starts its headings at h3 when
 * the environment names a verdict (the page's h2 are its sections), as Eleventy's data did before.
 */
export const explanationEnv = (verdict: Verdict): { verdictSlug: string } => ({ verdictSlug: verdict.slug });

export class VerdictPage {
  /** The page's URL, a site path without the prefix. */
  readonly url: string;
  /** The page file relative to the output folder, e.g. `verdicts/<slug>/index.html`. */
  readonly outputPath: string;
  readonly level: RatingLevel;
  /** The seed the passage is anchored in. */
  readonly seed: Seed;
  readonly seedTitle: string;
  readonly seedUrl: string;
  /** The capture the passage is anchored in (`seed` for its first capture). */
  readonly capture: Seed;
  /** The passage on its seed's page. */
  readonly passageUrl: string;
  readonly alsoAppearsIn: Appears[];
  /** The passage's paragraph in the checked capture, counted as its page shows them (seeds.ts paragraphNumber). */
  readonly paragraph: number | undefined;
  readonly evidence: PassageEvidence;
  /** "A, B and C" */
  readonly byline: string;
  /** The claimant's, topics' and outlet's pages. */
  readonly archive: ArchiveLinks;

  // Private fields (not properties): a page's data is the values above, and serialises as such.
  readonly #site: VerdictPageSource;
  readonly #markdown: InstanceType<typeof MarkdownIt>;

  constructor(
    readonly verdict: PagedVerdict,
    site: VerdictPageSource,
    markdown: InstanceType<typeof MarkdownIt>,
  ) {
    this.#site = site;
    this.#markdown = markdown;
    const anchor = verdict.anchor;
    this.url = verdictUrl(verdict.slug);
    this.outputPath = outputFileOf(this.url);
    const level = site.level(verdict.rating);
    if (!level) throw new Error(`${verdict.file}: rating ${JSON.stringify(verdict.rating)} is not on the scale; run \`npm run check\`.`);
    this.level = level;
    this.seed = site.seed(anchor.seed)!;
    this.seedTitle = site.seedTitle(anchor.seed);
    this.seedUrl = seedUrl(anchor.seed);
    this.capture = site.checkedCapture(verdict);
    this.passageUrl = site.passageUrl(verdict);
    this.alsoAppearsIn = site.alsoAppearsIn(verdict);
    this.paragraph = paragraphNumber(this.capture, anchor.start);
    this.evidence = { seed: anchor.seed, file: this.capture.file, sha256: this.capture.sha256, line: anchor.line, column: anchor.column };
    this.byline = authorList.format(verdict.authors);
    this.archive = site.archiveLinks(verdict);
  }

  get title(): string {
    return this.verdict.title;
  }

  /** The passage with a few of the capture's words around it. */
  get context(): PassageContext {
    return this.#site.passageContext(this.verdict);
  }

  /** The original article, scrolled to the passage; undefined when the seed has no URL. */
  get originalArticleUrl(): string | undefined {
    return this.#site.originalArticleUrl(this.verdict);
  }

  /** The explanation (the editor's Markdown) as HTML, with the markdown-it setup every page uses. */
  get explanationHtml(): string {
    return this.#markdown.render(this.verdict.body, explanationEnv(this.verdict));
  }

  /** `<script type="application/ld+json">` with the verdict's ClaimReview. */
  get jsonLdScript(): string {
    return this.#site.jsonLdScript(this.verdict);
  }
}
