// Telling the editor what differs between the quote and the seed's words, when they were matched ignoring
// letter case or approximately: a short word-level diff, not the whole passage.
import { normaliseQuote } from '../normalise.ts';
import type { Anchor, Seed } from '../../model/types.ts';
import { plural, warning, type AnchorNote } from './candidate.ts';
import { quoted } from './excerpt.ts';

export function notVerbatim(seed: Seed, anchor: Anchor, quote: string): AnchorNote {
  const seedWords = normaliseQuote(anchor.text);
  const where = `seed ${seed.id} (line ${anchor.line})`;
  const advice = "The page shows the seed's own words; correct the quote to match them.";
  if (anchor.method === 'case') {
    return warning(
      'quote-approximate',
      `the quote differs from ${where} only in letter case: ${describeDifference(quote, seedWords)}. ${advice}`,
    );
  }
  const differences = plural(anchor.errors, 'difference');
  return warning(
    'quote-approximate',
    `the quote is not verbatim in ${where}; the closest passage has ${differences}: ` +
      `${describeDifference(quote, seedWords)}. ${advice}`,
  );
}

const MAX_DIFF_TOKENS = 600;
const LISTED_DIFFERENCES = 3;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenise(text: string): Token[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+|\S/gu), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * A short, readable diff of words and punctuation, each change shown with one token of context on either side,
 * e.g. `quote "use all means availble to" vs seed "use \"all means available\" to"`.
 */
function describeDifference(quote: string, seedText: string): string {
  const a = tokenise(quote);
  const b = tokenise(seedText);
  const whole = `quote ${quoted(quote)} vs seed ${quoted(seedText)}`;
  if (a.length > MAX_DIFF_TOKENS || b.length > MAX_DIFF_TOKENS) return whole;
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as Uint16Array;
    const below = lcs[i + 1] as Uint16Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i]?.text === b[j]?.text ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  // Each hunk: token ranges [i0, i1) of the quote and [j0, j1) of the seed that differ.
  const hunks: Array<{ i0: number; i1: number; j0: number; j1: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]?.text === b[j]?.text) {
      i++;
      j++;
      continue;
    }
    const last = hunks[hunks.length - 1];
    const hunk = last && last.i1 === i && last.j1 === j ? last : { i0: i, i1: i, j0: j, j1: j };
    if (hunk !== last) hunks.push(hunk);
    if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) hunk.j1 = ++j;
    else hunk.i1 = ++i;
  }
  if (hunks.length === 0) return whole;
  const fragment = (text: string, tokens: Token[], from: number, to: number): string => {
    const first = tokens[Math.max(0, from - 1)];
    const last = tokens[Math.min(tokens.length - 1, to)];
    return first && last ? quoted(text.slice(first.start, last.end), 40) : '""';
  };
  const shown = hunks
    .slice(0, LISTED_DIFFERENCES)
    .map((h) => `quote ${fragment(quote, a, h.i0, h.i1)} vs seed ${fragment(seedText, b, h.j0, h.j1)}`);
  const more = hunks.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
