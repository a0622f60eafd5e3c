// Excerpts of seed text and of the editor's own words for the messages of anchoring: on one line, cut short,
// and not starting or ending mid-word.

const EXCERPT_LENGTH = 80;

/** [vs, ve) grown to the nearest spaces (by at most a word's length), so an excerpt does not start or end mid-word. */
export function wholeWords(text: string, vs: number, ve: number): [number, number] {
  const MAX_GROWTH = 40;
  let from = vs;
  while (from > 0 && vs - from < MAX_GROWTH && text[from - 1] !== ' ') from--;
  let to = ve;
  while (to < text.length && to - ve < MAX_GROWTH && text[to] !== ' ') to++;
  return [from === 0 || text[from - 1] === ' ' ? from : vs, to === text.length || text[to] === ' ' ? to : ve];
}

/** An excerpt in double quotes, escaped like a JSON string so quote marks and control characters stay readable. */
export function quoted(text: string, max = EXCERPT_LENGTH): string {
  return JSON.stringify(excerpt(text, 'start', max));
}

/** The text on one line, whitespace collapsed, cut to `max` characters (keeping its start or its end). */
export function excerpt(text: string, keep: 'start' | 'end' = 'start', max = EXCERPT_LENGTH): string {
  // Cut first so that a huge text is never copied whole; whitespace runs may shrink it further.
  const cut = text.length > max * 8 ? (keep === 'start' ? text.slice(0, max * 8) : text.slice(-max * 8)) : text;
  const flat = cut.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  return keep === 'start' ? `${chars.slice(0, max - 1).join('')}…` : `…${chars.slice(chars.length - max + 1).join('')}`;
}
