// The pure site pieces (highlights, passage context, text fragments, ClaimReview) on the sample content,
// through the real model: what the seed and verdict pages will print must agree with the anchors.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claimReview, claimReviewFeed, type JsonObject, safeJson } from '../src/site/claimreview.ts';
import { anchorPassageId, marginNotes, reviewedShare, seedHighlights, verdictPassages } from '../src/site/highlights.ts';
import { buildModel } from '../src/model/model.ts';
import { passageContext } from '../src/site/passage-context.ts';
import { formatTextDirective, textDirective } from '../src/site/text-fragment.ts';
import { publishedVerdicts } from '../src/model/published.ts';
import type { SiteMeta } from '../src/model/types.ts';

const model = buildModel({ root: fileURLToPath(new URL('..', import.meta.url)) });
const published = publishedVerdicts(model.verdicts);
const site: SiteMeta = {
  title: 'Sample',
  description: 'Sample site.',
  url: 'https://factcheck.example.net',
  language: 'en',
  organisation: { name: 'Sample newsroom', url: 'https://factcheck.example.net/' },
};

describe('site pieces on the sample content', () => {
  it('has published, anchored verdicts to show', () => {
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(published.length).toBeGreaterThan(0);
  });

  it('highlights every occurrence of every passage on its seed page, with the seed text intact', () => {
    for (const seed of model.seeds) {
      const paragraphs = seedHighlights(seed, published, model.scale);
      for (const p of paragraphs) expect(p.segments.map((s) => s.text).join('')).toBe(seed.text.slice(p.start, p.end));
      const segments = paragraphs.flatMap((p) => p.segments);
      const starts = new Set(segments.flatMap((s) => s.marks?.passageStarts ?? []));
      for (const v of published) {
        for (const passage of verdictPassages(v, seed.id)) {
          expect(starts.has(passage.id), `${v.slug} ${passage.id} on ${seed.id}`).toBe(true);
          const marked = segments.filter((s) => s.marks?.verdicts.includes(v.slug) && s.start < passage.end && s.end > passage.start);
          // the marked text over the passage is the passage's text inside paragraphs (line breaks are between them)
          const expected = seed.paragraphs
            .map((p) => seed.text.slice(Math.max(p.start, passage.start), Math.min(p.end, passage.end)))
            .join('');
          expect(marked.map((s) => s.text).join('')).toBe(expected);
        }
      }
      const notes = marginNotes(seed, published, model.scale);
      for (const n of notes) expect(starts.has(n.passageId)).toBe(true);
      expect(reviewedShare(seed, paragraphs)).toBeGreaterThanOrEqual(0);
      expect(reviewedShare(seed, paragraphs)).toBeLessThanOrEqual(1);
    }
  });

  it('links each verdict to a passage id that exists on its seed page', () => {
    for (const v of published) {
      const seed = model.seedsById.get(v.anchor.seed)!;
      const ids = seedHighlights(seed, published, model.scale).flatMap((p) => p.segments.flatMap((s) => s.marks?.passageStarts ?? []));
      expect(ids).toContain(anchorPassageId(v));
    }
  });

  it('shows each passage in its own words and points the original article at it', () => {
    for (const v of published) {
      const seed = model.seedsById.get(v.anchor.seed)!;
      const ctx = passageContext(seed, v.anchor);
      expect(ctx.passage).toBe(v.anchor.text.replace(/\s+/gu, ' '));
      const d = textDirective(seed, v.anchor);
      expect(d, v.slug).toBeDefined();
      const folded = seed.text.replace(/\s+/gu, ' ');
      expect(folded).toContain(d!.textStart);
      expect(formatTextDirective(d!)).toMatch(/^:~:text=[^\s#&]+$/);
    }
  });

  it("describes every published verdict as a ClaimReview with Google's required properties", () => {
    const feed = claimReviewFeed(model, site);
    const items = (feed['dataFeedElement'] as JsonObject[]).map((i) => i['item'] as JsonObject);
    expect(items).toHaveLength(published.length);
    for (const v of published) {
      const review = claimReview(v, model, site);
      expect(JSON.parse(safeJson(review))).toEqual(review);
      expect(review['claimReviewed']).toBe(v.claim);
      expect((review['reviewRating'] as JsonObject)['alternateName']).toBeTruthy();
      const appearance = (review['itemReviewed'] as JsonObject)['appearance'] as JsonObject[];
      const carriers = new Set([v.anchor.seed, ...v.appearances.map((a) => a.seed)]);
      expect(appearance).toHaveLength(carriers.size);
    }
  });
});
