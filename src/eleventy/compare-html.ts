// The aligned text of a compare page: one seed's text with the other's merged in, built here because every
// character matters. Shared text is plain; text only this seed has is <ins>; text only the other has is <del>;
// changed words are the other's <del> then this one's <ins> (so this text, without the <del>s, is exactly itself); words written with other quote marks or dashes
// are <mark class="typography">. Each marked piece starts with a visually hidden label, so a screen reader
// (which does not announce <ins> and <del>) says what it is. Whitespace is the seeds' own (shown with pre-wrap).
import type { AlignedPart, SeedRelation } from '../matching/provenance/index.ts';
import type { Seed, Span } from '../model/types.ts';
import { escapeHtml } from './html.ts';
import { onlyHereId } from '../site/urls.ts';

const hidden = (text: string) => `<span class="visually-hidden">${escapeHtml(text)}</span>`;

export function alignedTextHtml(relation: SeedRelation, seed: Seed, other: Seed, names: { own: string; other: string }): string {
  const isA = relation.a === seed.id;
  const own = (p: AlignedPart): Span | undefined => (isA ? p.a : p.b);
  const theirs = (p: AlignedPart): Span | undefined => (isA ? p.b : p.a);
  const onlyOwn = isA ? 'only-a' : 'only-b';
  const x = seed.text;
  const y = other.text;
  let out = '';
  let lastX = 0;
  let lastY = 0;
  let added = 0;
  const ownText = (s: Span) => escapeHtml(x.slice(s.start, s.end));
  const otherText = (s: Span) => escapeHtml(y.slice(s.start, s.end));
  for (const part of relation.parts) {
    const xs = own(part);
    const ys = theirs(part);
    if (xs) out += escapeHtml(x.slice(lastX, xs.start));
    switch (part.kind) {
      case 'same':
        out += ownText(xs!);
        break;
      case 'typography':
        out += `<mark class="typography">${ownText(xs!)}${hidden(` (written ${y.slice(ys!.start, ys!.end)} in ${names.other})`)}</mark>`;
        break;
      case 'changed':
        out += `<del>${hidden(`In ${names.other}: `)}${otherText(ys!)} </del><ins>${hidden(`In ${names.own}: `)}${ownText(xs!)}</ins>`;
        break;
      default:
        out +=
          part.kind === onlyOwn
            ? `<ins id="${onlyHereId(++added)}">${hidden(`Only in ${names.own}: `)}${ownText(xs!)}</ins>`
            : // The other text's own spacing before the passage, and a space after it when this text goes on,
              // are inside the <del>: this text without its <del>s is exactly this text.
              `<del>${escapeHtml(lastY > 0 ? y.slice(lastY, ys!.start) : '')}${hidden(`Only in ${names.other}: `)}${otherText(ys!)}${x.slice(lastX).trim() !== '' ? ' ' : ''}</del>`;
    }
    if (xs) lastX = xs.end;
    if (ys) lastY = ys.end;
  }
  // Spaces that end a line of the seed are kept, written as references so the page has no trailing whitespace.
  return (out + escapeHtml(x.slice(lastX))).replace(/[ \t]+(?=\r?\n)/g, (run) => run.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
}
