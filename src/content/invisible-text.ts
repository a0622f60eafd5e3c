// Invisible characters in a seed: controls (other than TAB, LF and CR), DEL, C1 controls and the bidi embedding,
// override and isolate controls. A seed is evidence and is kept byte for byte, so they are not an error: each is a
// text-invisible warning at its first line and column, and every page that shows seed text shows them as a
// visible label (src/eleventy/visible-html.ts). The marks LRM, RLM and ALM are normal in right-to-left text.
import { lineStarts, positionAt, seedLineStarts } from '../model/lines.ts';
import type { Problem } from '../model/types.ts';
import { BIDI_CONTROLS, describeCodePoint } from '../model/visible.ts';

/** The characters of seed text that are shown as labels instead of being emitted. */
export const INVISIBLE_IN_TEXT = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}]`, 'g');
const BIDI = new RegExp(`[${BIDI_CONTROLS}]`);

/** Each invisible code point of `text` with the offset of its first occurrence and its count, in text order. */
function firstOccurrences(text: string): { codePoint: number; offset: number; count: number }[] {
  const found = new Map<number, { codePoint: number; offset: number; count: number }>();
  for (const match of text.matchAll(INVISIBLE_IN_TEXT)) {
    const codePoint = match[0].charCodeAt(0);
    const seen = found.get(codePoint);
    if (seen) seen.count++;
    else found.set(codePoint, { codePoint, offset: match.index, count: 1 });
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

function effectOf(codePoint: number): string {
  return BIDI.test(String.fromCharCode(codePoint))
    ? 'an invisible bidi control that changes the order in which the text after it is displayed'
    : 'an invisible control character that terminals and browsers act on instead of showing';
}

/** One text-invisible warning per code point found in `seed.text`, at its first occurrence, in text order. */
export function invisibleTextProblems(seed: { file: string; text: string }): Problem[] {
  const found = firstOccurrences(seed.text);
  if (found.length === 0) return [];
  const starts = seedLineStarts(seed);
  return found.map(({ codePoint, offset, count }) => {
    const { line, column } = positionAt(starts, offset);
    const times = count === 1 ? '' : ` (${count} times)`;
    return {
      file: seed.file,
      line,
      column,
      severity: 'warning' as const,
      rule: 'text-invisible' as const,
      message:
        `the seed contains ${describeCodePoint(codePoint)} at ${line}:${column}${times}, ${effectOf(codePoint)}. ` +
        'The seed is kept as it is (it is evidence) and its pages show the character as a visible label; ' +
        'if the source as published does not contain it, restore the seed from the source.',
    };
  });
}

/**
 * One text-invisible error per code point typed into a verdict file (front matter or explanation): an editor wrote
 * it, so it is removed rather than shown. `text` is the file's text, BOM removed.
 */
export function verdictInvisibleProblems(file: string, text: string, what = 'the verdict'): Problem[] {
  const found = firstOccurrences(text);
  if (found.length === 0) return [];
  const starts = lineStarts(text);
  return found.map(({ codePoint, offset, count }) => {
    const { line, column } = positionAt(starts, offset);
    const times = count === 1 ? '' : ` (${count} times)`;
    return {
      file,
      line,
      column,
      severity: 'error' as const,
      rule: 'text-invisible' as const,
      message: `${what} contains ${describeCodePoint(codePoint)} at ${line}:${column}${times}, ${effectOf(codePoint)}; remove it${rtlAdvice(codePoint)}.`,
    };
  });
}

/** For a bidi control in an editor's text: what to use instead. */
function rtlAdvice(codePoint: number): string {
  return BIDI.test(String.fromCharCode(codePoint))
    ? ' (in right-to-left text, the marks U+200E and U+200F set a direction without hiding the order)'
    : '';
}

/**
 * The text-invisible error for a field value holding an invisible character through a YAML escape ("\e", "\u202E"),
 * or undefined. `typed` are the code points found typed in the file, already reported at their own position.
 */
export function fieldInvisibleProblem(label: string, value: string, typed: ReadonlySet<number>): string | undefined {
  for (const match of value.matchAll(INVISIBLE_IN_TEXT)) {
    const codePoint = match[0].charCodeAt(0);
    if (typed.has(codePoint)) continue;
    return `${label} contains ${describeCodePoint(codePoint)} at character ${match.index + 1}, written as a YAML escape: ${effectOf(codePoint)}; remove it${rtlAdvice(codePoint)}`;
  }
  return undefined;
}

/** The invisible code points that occur in `text`. */
export function invisibleCodePoints(text: string): Set<number> {
  return new Set(firstOccurrences(text).map((f) => f.codePoint));
}

/** `U+001B ESCAPE at character 7` for the first invisible character of a value (a field an editor wrote), or undefined. */
export function invisibleInValue(value: string): string | undefined {
  const match = new RegExp(INVISIBLE_IN_TEXT.source).exec(value);
  return match ? `${describeCodePoint(match[0].charCodeAt(0))} at character ${match.index + 1}` : undefined;
}
