// Nothing close enough: find the closest passage to show the editor (bounded: one regex pass and a few Myers
// verifications, so a quote that is nowhere in a large seed stays cheap).
import search from 'approx-string-match';
import { toOriginal, type NormalisedText } from '../normalise.ts';
import type { Seed } from '../../model/types.ts';
import { escapeRegExp, distinctPlaces, MAX_APPROXIMATE_LENGTH, MIN_APPROXIMATE_LENGTH } from './approximate.ts';
import { error, positionOf, type AnchorNote, type Candidate } from './candidate.ts';
import { quoted, wholeWords } from './excerpt.ts';
import { CLOSEST_MAX_QUOTE, StartVotes } from './start-votes.ts';

const CLOSEST_WORDS = 16;
const CLOSEST_PLACES = 5;
const CLOSEST_MAX_HITS = 300_000;

/** Pieces agreeing on fewer places than this are weak evidence: the quote's words are asked as well. */
const STRONG_PIECE_VOTES = 3;

/**
 * The passage most like the quote. The places most voted for by the pieces of the approximate search and, when those
 * are few or weak, by the quote's longest words (one more regex pass) are measured with Myers; the best one wins.
 */
function closestPassage(view: NormalisedText, fullQuote: string, pieceVotes?: StartVotes): Candidate | undefined {
  const quote = fullQuote.slice(0, CLOSEST_MAX_QUOTE);
  const places = pieceVotes?.best(CLOSEST_PLACES) ?? [];
  const bucketSize = pieceVotes?.bucketSize ?? 0;
  const strongest = places[0]?.score ?? 0;
  const candidates = places.map((place) => ({ ...place, bucketSize }));
  if (strongest < STRONG_PIECE_VOTES) {
    const words = wordVotes(view, quote);
    if (words) candidates.push(...words.best(CLOSEST_PLACES).map((place) => ({ ...place, bucketSize: words.bucketSize })));
  }
  let closest: Candidate | undefined;
  for (const { start, bucketSize: size } of candidates) {
    const from = Math.max(0, start - quote.length);
    const to = Math.min(view.text.length, start + 2 * size + 2 * quote.length);
    const [match] = search(view.text.slice(from, to), quote, quote.length);
    if (match && (!closest || match.errors < closest.errors)) {
      closest = { view, vs: from + match.start, ve: from + match.end, errors: match.errors };
    }
  }
  return closest && distinctPlaces(view, [closest], quote.length)[0];
}

function wordVotes(view: NormalisedText, quote: string): StartVotes | undefined {
  const wordOffsets = new Map<string, number>();
  for (const word of quote.matchAll(/[\p{L}\p{N}]{3,}/gu)) {
    if (!wordOffsets.has(word[0])) wordOffsets.set(word[0], word.index);
  }
  const words = [...wordOffsets.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, CLOSEST_WORDS);
  if (words.length === 0) return undefined;
  const part = new Map(words.map((word, i) => [word, i]));
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'g');
  const votes = new StartVotes(view.text.length, quote.length);
  for (let hit = pattern.exec(view.text); hit !== null && votes.count < CLOSEST_MAX_HITS; hit = pattern.exec(view.text)) {
    votes.add(hit.index - (wordOffsets.get(hit[0]) ?? 0), part.get(hit[0]) ?? 0);
  }
  return votes.count > 0 ? votes : undefined;
}

export function notFound(seed: Seed, folded: NormalisedText, foldedQuote: string, votes?: StartVotes): AnchorNote {
  const closest = closestPassage(folded, foldedQuote, votes);
  const short =
    foldedQuote.length < MIN_APPROXIMATE_LENGTH
      ? ` (a quote shorter than ${MIN_APPROXIMATE_LENGTH} characters must match exactly)`
      : foldedQuote.length > MAX_APPROXIMATE_LENGTH
        ? ` (a quote longer than ${MAX_APPROXIMATE_LENGTH} characters must match exactly)`
        : '';
  if (!closest) {
    return error(
      'quote-not-found',
      `quote not found in seed ${seed.id}${short}, and no passage of it is similar. ` +
        'Check that `seed:` names the seed the quote was copied from, and copy the passage from it again.',
    );
  }
  const { start, end } = toOriginal(folded, ...wholeWords(folded.text, closest.vs, closest.ve));
  const { line } = positionOf(seed, start);
  return error(
    'quote-not-found',
    `quote not found in seed ${seed.id}${short}; closest: ${quoted(seed.text.slice(start, end))} (line ${line}). ` +
      'Copy the passage from the seed again, or check that `seed:` names the right seed.',
  );
}
