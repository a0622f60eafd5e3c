// The ClaimReview JSON-LD the site writes (src/site/claimreview.ts) as the tests read it back: the fields
// they look at, typed, so that reading one is checked instead of going through `any`.
interface Appearance {
  url: string;
  headline: string;
}

export interface ClaimReviewLd {
  '@context': string;
  '@type': string;
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { name: string };
  reviewRating: { '@type': string; alternateName: string };
  itemReviewed: { '@type': string; author: { name: string }; appearance: [Appearance, ...Appearance[]] };
  citation: unknown[];
}

/** claimreview.json: every published verdict's ClaimReview in a schema.org DataFeed. */
export interface ClaimReviewFeed {
  '@type': string;
  dataFeedElement: { item: ClaimReviewLd }[];
}
