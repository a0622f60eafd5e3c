// Seed text as HTML with its invisible characters shown (src/content/invisible-text.ts): each control, DEL, C1 control
// and bidi control becomes a labelled span, so a bidi override cannot reorder the words around it and no raw
// ESC or DEL reaches a page. Everything else is escaped as escapeHtml does.
import { INVISIBLE_IN_TEXT } from '../content/invisible-text.ts';
import { codePointLabel, describeCodePoint } from '../model/visible.ts';
import { escapeHtml } from './html.ts';

/** `<span class="invisible-char" title="U+202E RIGHT-TO-LEFT OVERRIDE">U+202E</span>` for one such character. */
function label(char: string): string {
  const codePoint = char.charCodeAt(0);
  return `<span class="invisible-char" title="${escapeHtml(describeCodePoint(codePoint))}">${codePointLabel(codePoint)}</span>`;
}

/** `text` escaped for an element's content, every invisible character as its label. */
export function visibleHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INVISIBLE_IN_TEXT)) {
    html += escapeHtml(text.slice(last, match.index)) + label(match[0]);
    last = match.index + 1;
  }
  return last === 0 ? escapeHtml(text) : html + escapeHtml(text.slice(last));
}
