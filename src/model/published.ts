// Which verdicts have a page, decided once from the model. Published: not a draft, and its quote anchored.
// In a preview (PREVIEW=1, npm start) every anchored draft has a page too, labelled as a draft; a draft is
// never in a feed, the sitemap, the ClaimReview feed or the annotations. Everything downstream takes these
// types, so no adapter or template tests `draft` and `anchor` again, nor asserts that an anchor is there.
// (A verdict without an anchor has an error in the model's problems: check fails, and so does the build.)
import type { PagedVerdict, PublishedVerdict, Verdict } from './types.ts';

export const isPublished = (verdict: Verdict): verdict is PublishedVerdict => !verdict.draft && verdict.anchor !== undefined;

const isAnchored = (verdict: Verdict): verdict is PagedVerdict => verdict.anchor !== undefined;

/** The published verdicts, in the order given. */
export function publishedVerdicts(verdicts: readonly Verdict[]): PublishedVerdict[] {
  return verdicts.filter(isPublished);
}

/** The verdicts that get a page, in the order given: the published ones, and in a preview the anchored drafts too. */
export function pagedVerdicts(verdicts: readonly Verdict[], options: { preview: boolean }): PagedVerdict[] {
  return options.preview ? verdicts.filter(isAnchored) : publishedVerdicts(verdicts);
}
