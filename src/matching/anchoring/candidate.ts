// What anchoring passes around: a candidate place for the quote in a normalised view of the seed, the exact
// occurrences it starts from, and the notes (errors, warnings) it gives the editor.
import { positionAt, seedLineStarts, type LinePosition } from '../../model/lines.ts';
import { isSegmentBoundary, type NormalisedText } from '../normalise.ts';
import type { RuleId, Seed } from '../../model/types.ts';

export interface AnchorNote {
  severity: 'error' | 'warning';
  rule: RuleId;
  message: string;
}

export interface Candidate {
  view: NormalisedText;
  /** Normalised [vs, ve) in `view`. */
  vs: number;
  ve: number;
  errors: number;
}

/** How the quote was found: in the normalised view, ignoring letter case, or approximately. */
export type Tier = 'normalised' | 'case' | 'approximate';

/** More occurrences are not looked for: the quote is ambiguous anyway, and the count says "at least". */
export const MAX_OCCURRENCES = 100_000;

/** Every place where `quote` occurs in the view, on segment boundaries. */
export function occurrences(view: NormalisedText, quote: string): Candidate[] {
  const found: Candidate[] = [];
  let at = view.text.indexOf(quote);
  while (at !== -1 && found.length < MAX_OCCURRENCES) {
    const end = at + quote.length;
    if (isSegmentBoundary(view, at) && isSegmentBoundary(view, end)) found.push({ view, vs: at, ve: end, errors: 0 });
    at = view.text.indexOf(quote, at + 1);
  }
  return found;
}

export function positionOf(seed: Seed, offset: number): LinePosition {
  return positionAt(seedLineStarts(seed), offset);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function error(rule: RuleId, message: string): AnchorNote {
  return { severity: 'error', rule, message };
}

export function warning(rule: RuleId, message: string): AnchorNote {
  return { severity: 'warning', rule, message };
}
