// The orders the tool lists things in. Strings compare by UTF-16 code unit (never by locale, which
// depends on the machine), so the same content gives the same order everywhere.
import type { Verdict } from './types.ts';

/** Code-unit order of two strings: deterministic, unlike localeCompare. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const bySlug = (a: Pick<Verdict, 'slug'>, b: Pick<Verdict, 'slug'>): number => compareText(a.slug, b.slug);

/** Newest publication date first (dates are YYYY-MM-DD, so they compare as text); same date: by slug. */
export const newestFirst = (a: Pick<Verdict, 'date' | 'slug'>, b: Pick<Verdict, 'date' | 'slug'>): number =>
  compareText(b.date, a.date) || bySlug(a, b);
