// Which verdicts have a page (src/model/published.ts): published means not a draft and anchored; a preview adds
// the anchored drafts; a verdict whose quote did not anchor has no page anywhere (check reports it).
import { describe, expect, it } from 'vitest';
import { isPublished, pagedVerdicts, publishedVerdicts } from '../src/model/published.ts';
import { anchorOf, makeSeed, makeVerdict } from './support/content.ts';

const seed = makeSeed('s', 'One claim here. Another claim there.');
const published = makeVerdict('published', { anchor: anchorOf(seed, 'One claim here.') });
const draft = makeVerdict('draft', { anchor: anchorOf(seed, 'Another claim there.'), draft: true });
const lost = makeVerdict('lost');
const lostDraft = makeVerdict('lost-draft', { draft: true });
const all = [lostDraft, draft, published, lost];

describe('the verdicts with a page', () => {
  it('are the published ones (not a draft, anchored) outside a preview, in the order given', () => {
    expect(publishedVerdicts(all).map((v) => v.slug)).toEqual(['published']);
    expect(pagedVerdicts(all, { preview: false }).map((v) => v.slug)).toEqual(['published']);
    expect(all.map(isPublished)).toEqual([false, false, true, false]);
  });

  it('are every anchored verdict, drafts too, in a preview', () => {
    expect(pagedVerdicts(all, { preview: true }).map((v) => v.slug)).toEqual(['draft', 'published']);
  });
});
