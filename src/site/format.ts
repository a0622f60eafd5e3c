// Numbers and dates as the pages print them.

/** A share as a whole percentage, never "0%" for a seed with something reviewed nor "100%" for one not fully reviewed. */
export function percent(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  return `${Math.min(99, Math.max(1, Math.round(share * 100)))}%`;
}

/**
 * How much of a text its fact-checks cover, as a reader reads it: the share of its characters (not white space)
 * that lie in a checked passage. Undefined when nothing is checked (the page then says so in words).
 */
export function coverageSentence(share: number): string | undefined {
  return share > 0 ? `The fact-checked passages make up ${percent(share)} of this text.` : undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-09-23` -> `23 September 2022` (the date as written: no time zone can shift it). */
export function readableDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}
