// A word-level diff of two texts (two captures of a seed, a passage and its later words), with the offsets of
// every piece in both texts. Words are runs of non-whitespace ("300,000", "“Definitely.”" are one word each), and
// runs of whitespace are tokens too, so the pieces rebuild either text exactly. The algorithm is the `diff` package's (Myers).
import { diffArrays } from 'diff';

export interface DiffPiece {
  kind: 'same' | 'removed' | 'added';
  /** [oldStart, oldEnd) in the old text (empty for an added piece), [newStart, newEnd) in the new one (empty for a removed piece). */
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Beyond this many changed words the diff is not computed (a capture rewritten wholesale). */
export const MAX_EDIT_TOKENS = 20_000;

function tokens(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** The pieces in order, or undefined when the texts differ in more than MAX_EDIT_TOKENS words. */
export function wordDiff(before: string, after: string): DiffPiece[] | undefined {
  const a = tokens(before);
  const b = tokens(after);
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDIT_TOKENS });
  if (!parts) return undefined;
  const pieces: DiffPiece[] = [];
  let i = 0; // token index in a
  let j = 0; // token index in b
  let oldAt = 0;
  let newAt = 0;
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    let oldLength = 0;
    let newLength = 0;
    if (!part.added) for (let k = 0; k < count; k++) oldLength += a[i + k]!.length;
    if (!part.removed) for (let k = 0; k < count; k++) newLength += b[j + k]!.length;
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    pieces.push({ kind, oldStart: oldAt, oldEnd: oldAt + oldLength, newStart: newAt, newEnd: newAt + newLength });
    if (!part.added) {
      i += count;
      oldAt += oldLength;
    }
    if (!part.removed) {
      j += count;
      newAt += newLength;
    }
  }
  return pieces;
}

/** At most this many changes are listed by `changedWords`. */
const LISTED_CHANGES = 3;

function flat(text: string, max = 60): string {
  const one = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}

const blank = (piece: DiffPiece, before: string, after: string): boolean =>
  (piece.kind === 'added' ? after.slice(piece.newStart, piece.newEnd) : before.slice(piece.oldStart, piece.oldEnd)).trim() === '';

/** The changed words of two texts for a message, e.g. `"300,000" -> "200,000"; "Definitely." removed`. */
export function changedWords(before: string, after: string): string {
  const pieces = wordDiff(before, after);
  if (!pieces) return 'the text was rewritten throughout';
  const changes: string[] = [];
  for (let n = 0; n < pieces.length; n++) {
    const piece = pieces[n]!;
    if (piece.kind === 'same' || blank(piece, before, after)) continue;
    const next = pieces[n + 1];
    if (piece.kind === 'removed' && next?.kind === 'added') {
      changes.push(`${flat(before.slice(piece.oldStart, piece.oldEnd))} -> ${flat(after.slice(next.newStart, next.newEnd))}`);
      n++;
    } else if (piece.kind === 'removed') changes.push(`${flat(before.slice(piece.oldStart, piece.oldEnd))} removed`);
    else changes.push(`${flat(after.slice(piece.newStart, piece.newEnd))} added`);
  }
  if (changes.length === 0) return 'only whitespace differs';
  const more = changes.length - LISTED_CHANGES;
  return changes.slice(0, LISTED_CHANGES).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
