// Anchoring a verdict's quote to the passage of its seed: exact -> normalised -> case-insensitive -> approximate.
// A quote is never attached silently to the wrong text: several equally good places are an error unless prefix/suffix
// single one out, and an approximate match must be the single best one within 1 error per 10 characters.
//
// The entry point; each step is its own module in anchoring/: candidate.ts (occurrences and notes), choose-by-context.ts
// (prefix/suffix), approximate.ts (with start-votes.ts), closest-passage.ts (when nothing is close enough)
// and quote-difference.ts (what the editor is told differs).
import { toOriginal, normaliseQuote, seedView } from './normalise.ts';
import type { Anchor, AnchorMethod, QuoteSelector, Seed } from '../model/types.ts';
import { approximateMatches, bestOf } from './anchoring/approximate.ts';
import { error, occurrences, positionOf, type AnchorNote, type Candidate, type Tier } from './anchoring/candidate.ts';
import { choose } from './anchoring/choose-by-context.ts';
import { notFound } from './anchoring/closest-passage.ts';
import { notVerbatim } from './anchoring/quote-difference.ts';

export interface AnchorResult {
  anchor?: Anchor;
  notes: AnchorNote[];
}

export function anchorQuote(seed: Seed, selector: QuoteSelector): AnchorResult {
  const quote = normaliseQuote(selector.quote);
  if (quote === '') {
    return {
      notes: [
        error(
          'field-invalid',
          `the quote is empty or only whitespace; copy the passage you are checking from seed ${seed.id} into \`quote:\`.`,
        ),
      ],
    };
  }
  const plain = seedView(seed);
  let tier: Tier = 'normalised';
  let candidates = occurrences(plain, quote);
  if (candidates.length === 0) {
    const folded = seedView(seed, true);
    const foldedQuote = normaliseQuote(selector.quote, { foldCase: true });
    tier = 'case';
    candidates = occurrences(folded, foldedQuote);
    if (candidates.length === 0) {
      tier = 'approximate';
      const approximate = approximateMatches(folded, foldedQuote);
      candidates = bestOf(approximate.matches);
      if (candidates.length === 0) return { notes: [notFound(seed, folded, foldedQuote, approximate.votes)] };
    }
  }
  const choice = choose(seed, candidates, selector, tier);
  if (!choice.candidate) return { notes: choice.notes };
  const anchor = toAnchor(seed, choice.candidate, selector.quote, tier);
  const notes = [...choice.notes];
  if (anchor.method === 'case' || anchor.method === 'approximate') notes.unshift(notVerbatim(seed, anchor, quote));
  return { anchor, notes };
}

function toAnchor(seed: Seed, candidate: Candidate, rawQuote: string, tier: Tier): Anchor {
  const { start, end } = toOriginal(candidate.view, candidate.vs, candidate.ve);
  const text = seed.text.slice(start, end);
  const method: AnchorMethod = tier === 'normalised' ? (text === rawQuote.trim() ? 'exact' : 'normalised') : tier;
  const { line, column } = positionOf(seed, start);
  return { seed: seed.id, start, end, line, column, method, errors: candidate.errors, text };
}
