// Choosing among candidates with prefix/suffix. Several equally good places are an error unless the context
// singles one out: context that sits right next to exactly one place picks it; otherwise context that still
// mostly agrees (an edited seed) may pick the single best place, with a warning that says what changed.
import search from 'approx-string-match';
import { normaliseQuote, toOriginal } from '../normalise.ts';
import type { QuoteSelector, Seed } from '../../model/types.ts';
import { error, MAX_OCCURRENCES, plural, positionOf, warning, type AnchorNote, type Candidate, type Tier } from './candidate.ts';
import { excerpt, wholeWords } from './excerpt.ts';

const LISTED_OCCURRENCES = 20;
/** Context agreeing on at least this share of its characters may still pick one of several places (with a warning). */
const MIN_CONTEXT_AGREEMENT = 0.5;

interface ContextCheck {
  field: 'prefix' | 'suffix';
  /** Share (0..1) of the given context that the seed still has next to the candidate. */
  agreement: number;
  given: string;
  /** The seed's own words where the context should be. */
  actual: string;
}

/** Prefix/suffix longer than this are compared by the part nearest the quote. */
export const CONTEXT_LENGTH = 200;

interface Context {
  prefix: string;
  suffix: string;
}

/** The selector's prefix and suffix, normalised and case-folded, cut to the part nearest the quote. */
function contextOf(selector: QuoteSelector): Context {
  return {
    prefix: normaliseQuote(selector.prefix ?? '', { foldCase: true }).slice(-CONTEXT_LENGTH),
    suffix: normaliseQuote(selector.suffix ?? '', { foldCase: true }).slice(0, CONTEXT_LENGTH),
  };
}

function contextChecks(seed: Seed, candidate: Candidate, selector: QuoteSelector, context: Context): ContextCheck[] {
  const checks: ContextCheck[] = [];
  const { view, vs, ve } = candidate;
  const { prefix, suffix } = context;
  if (prefix !== '') {
    const from = Math.max(0, vs - prefix.length - 1);
    const range = toOriginal(view, wholeWords(view.text, from, vs)[0], vs);
    checks.push({
      field: 'prefix',
      agreement: contextAgreement(view.text.slice(Math.max(0, vs - 2 * prefix.length), vs), prefix, 'end'),
      given: excerpt(selector.prefix ?? '', 'end'),
      actual: excerpt(seed.text.slice(range.start, range.end), 'end'),
    });
  }
  if (suffix !== '') {
    const to = Math.min(view.text.length, ve + suffix.length + 1);
    const range = toOriginal(view, ve, wholeWords(view.text, ve, to)[1]);
    checks.push({
      field: 'suffix',
      agreement: contextAgreement(view.text.slice(ve, ve + 2 * suffix.length), suffix, 'start'),
      given: excerpt(selector.suffix ?? '', 'start'),
      actual: excerpt(seed.text.slice(range.start, range.end), 'start'),
    });
  }
  return checks;
}

/**
 * 1 when the context sits right next to the quote (whitespace aside); otherwise the share of its characters that
 * survive in the text on that side (1 - edit distance / length, via Myers), so an edited seed still scores high.
 */
function contextAgreement(side: string, context: string, adjacent: 'start' | 'end'): number {
  const text = side.toLowerCase();
  const trimmed = adjacent === 'end' ? text.trimEnd() : text.trimStart();
  if (adjacent === 'end' ? trimmed.endsWith(context) : trimmed.startsWith(context)) return 1;
  const [match] = search(text, context, context.length);
  return match ? Math.min(0.99, 1 - match.errors / context.length) : 0;
}

function agreement(checks: ContextCheck[]): number {
  return checks.reduce((sum, check) => sum + check.agreement, 0) / Math.max(1, checks.length);
}

function contextChanged(seed: Seed, candidate: Candidate, checks: ContextCheck[]): AnchorNote[] {
  const { line } = positionOf(seed, toOriginal(candidate.view, candidate.vs, candidate.ve).start);
  return checks
    .filter((check) => check.agreement < 1)
    .map((check) => {
      const where = check.field === 'prefix' ? 'before' : 'after';
      const now = check.actual === '' ? 'nothing' : JSON.stringify(check.actual);
      return warning(
        'context-changed',
        `the ${check.field} no longer matches seed ${seed.id}: the verdict has ${JSON.stringify(check.given)} but the seed now has ` +
          `${now} ${where} the quote (line ${line}). The seed may have been edited: check that the passage still ` +
          `says what the verdict reviews, then update \`${check.field}:\`.`,
      );
    });
}

export function choose(
  seed: Seed,
  candidates: Candidate[],
  selector: QuoteSelector,
  tier: Tier,
): { candidate?: Candidate; notes: AnchorNote[] } {
  const context = contextOf(selector);
  const checks = candidates.map((candidate) => contextChecks(seed, candidate, selector, context));
  if (candidates.length === 1) {
    const candidate = candidates[0] as Candidate;
    return { candidate, notes: contextChanged(seed, candidate, checks[0] ?? []) };
  }
  const hasContext = (checks[0] ?? []).length > 0;
  if (!hasContext) return { notes: [ambiguous(seed, candidates, tier, 'no-context')] };
  const fitting = candidates.filter((_, i) => (checks[i] ?? []).every((check) => check.agreement === 1));
  if (fitting.length === 1) return { candidate: fitting[0], notes: [] };
  if (fitting.length > 1) return { notes: [ambiguous(seed, candidates, tier, 'fits-several', fitting)] };
  const scores = checks.map(agreement);
  const best = Math.max(...scores);
  const bestAt = scores.indexOf(best);
  if (best >= MIN_CONTEXT_AGREEMENT && scores.indexOf(best, bestAt + 1) === -1) {
    const candidate = candidates[bestAt] as Candidate;
    return { candidate, notes: contextChanged(seed, candidate, checks[bestAt] ?? []) };
  }
  return { notes: [ambiguous(seed, candidates, tier, 'fits-none')] };
}

function ambiguous(
  seed: Seed,
  candidates: Candidate[],
  tier: Tier,
  context: 'no-context' | 'fits-several' | 'fits-none',
  fitting: Candidate[] = [],
): AnchorNote {
  const where = (list: Candidate[], withColumn: boolean): string => {
    const places = list.slice(0, LISTED_OCCURRENCES).map((candidate) => {
      const { line, column } = positionOf(seed, toOriginal(candidate.view, candidate.vs, candidate.ve).start);
      return withColumn ? `line ${line} (column ${column})` : `line ${line}`;
    });
    const more = list.length > LISTED_OCCURRENCES ? ` and ${list.length - places.length} more` : '';
    return places.join(', ') + more;
  };
  const count = candidates.length >= MAX_OCCURRENCES ? `at least ${candidates.length}` : `${candidates.length}`;
  const what =
    tier === 'approximate'
      ? `the quote is not verbatim in seed ${seed.id}, and ${count} passages match it equally closely ` +
        `(${plural(candidates[0]?.errors ?? 0, 'difference')} each): `
      : `the quote occurs ${count} times in seed ${seed.id}${tier === 'case' ? ' (ignoring letter case)' : ''}: `;
  const fix =
    context === 'no-context'
      ? 'Add `prefix:` or `suffix:` with the words just before or after the one you mean.'
      : context === 'fits-several'
        ? `The prefix/suffix fit ${fitting.length} of them (${where(fitting, false)}); make them longer so that ` +
          `they fit only the one you mean (up to ${CONTEXT_LENGTH} characters next to the quote are compared; where more are the same, quote a longer passage).`
        : 'The prefix/suffix fit none of them; copy the words just before or after the one you mean again.';
  return error('quote-ambiguous', `${what}${where(candidates, true)}. ${fix}`);
}
