// The text of one step of a changes page, built here rather than in a template so every character of the two
// captures is kept (the element uses white-space: pre-wrap). Removed words are <del>, added ones <ins>, and the
// words of a checked passage are inside <mark class="checked">: line-through, underline and a box carry the
// meaning without colour, and nothing needs JavaScript.
import type { DiffText } from '../site/capture-pages.ts';
import { visibleHtml } from './visible-html.ts';

export function diffHtml(pieces: DiffText[]): string {
  return pieces
    .map((piece) => {
      // Invisible characters (controls, bidi overrides) are shown as labels, as on the seed page.
      const text = visibleHtml(piece.text);
      const inner = piece.checked ? `<mark class="checked">${text}</mark>` : text;
      return piece.kind === 'removed' ? `<del>${inner}</del>` : piece.kind === 'added' ? `<ins>${inner}</ins>` : inner;
    })
    .join('');
}
