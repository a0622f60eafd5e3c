// What the capture pages need, pure: the list of a seed's captures, the word diff of each pair of consecutive
// captures with the checked passages on either side, and the notice of a verdict whose passage changed or
// vanished after the check. Templates only print these values.
import { allCaptures, anchoredCapture, captureDate } from '../content/captures.ts';
import { bySlug } from '../model/order.ts';
import type { PassageFate, PublishedVerdict, Seed, Verdict } from '../model/types.ts';
import { captureUrl, seedChangesUrl, seedUrl } from './urls.ts';
import { wordDiff } from '../matching/word-diff.ts';

/** The element id of the changes page's section for the step to this later capture. */
export const changeId = (date: string): string => `capture-${date}`;

/** The page of one capture: the seed's own page for the first, `/seeds/<id>/<date>/` for a later one. */
export function capturePageUrl(capture: Seed, fragment?: string): string {
  return capture.captured === undefined ? seedUrl(capture.id, fragment) : captureUrl(capture.id, capture.captured, fragment);
}

export interface CaptureLink {
  /** YYYY-MM-DD, or undefined for a first capture without `captured:`. */
  date?: string;
  file: string;
  sha256: string;
  url: string;
  first: boolean;
  /** The capture this page shows. */
  current: boolean;
}

/** Every capture of `seed`, oldest first, the one `shown` marked current. */
export function captureLinks(seed: Seed, shown: Seed): CaptureLink[] {
  return allCaptures(seed).map((capture, index) => ({
    ...(captureDate(capture) !== undefined ? { date: captureDate(capture)! } : {}),
    file: capture.file,
    sha256: capture.sha256,
    url: capturePageUrl(capture),
    first: index === 0,
    current: capture === shown,
  }));
}

export interface DiffText {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** Inside a passage a published verdict checked (or followed) in the capture this text is from. */
  checked: boolean;
}

export interface ChangedPassage {
  slug: string;
  title: string;
  rating: string;
  /** What the step did to the passage. */
  kind: PassageFate['kind'];
  before: string;
  after?: string;
}

export interface ChangeStep {
  id: string;
  from: CaptureLink;
  to: CaptureLink;
  /** Undefined when the captures differ in too many words to show them word by word. */
  pieces?: DiffText[];
  identical: boolean;
  /** Every published verdict's passage that sat in the older capture, with what the step did to it, by slug. */
  passages: ChangedPassage[];
}

interface Located {
  verdict: Verdict;
  start: number;
  end: number;
  text: string;
}

/** Where each published verdict's passage sits in `capture`: its anchor, or where it was followed to. */
function locatedIn(seed: Seed, capture: Seed, verdicts: Verdict[]): Located[] {
  const found: Located[] = [];
  for (const verdict of verdicts) {
    const anchor = verdict.anchor;
    if (!anchor || anchor.seed !== seed.id) continue;
    if (anchoredCapture(seed, anchor) === capture) found.push({ verdict, start: anchor.start, end: anchor.end, text: anchor.text });
    const fate = verdict.fates?.find((f) => f.capture === capture.captured);
    if (fate && fate.start !== undefined && fate.end !== undefined)
      found.push({ verdict, start: fate.start, end: fate.end, text: fate.text! });
  }
  return found;
}

/** `text[from, to)` cut at every boundary of `ranges`, each piece marked when inside one of them. */
function marked(kind: DiffText['kind'], text: string, from: number, to: number, ranges: Located[]): DiffText[] {
  const cuts = new Set([from, to]);
  for (const r of ranges) for (const at of [r.start, r.end]) if (at > from && at < to) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const out: DiffText[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const checked = ranges.some((r) => r.start < b && r.end > a);
    const last = out.at(-1);
    if (last && last.checked === checked) last.text += text.slice(a, b);
    else out.push({ kind, text: text.slice(a, b), checked });
  }
  return out;
}

/** The word diff from each capture to the next, oldest first (nothing for a seed with one capture). */
export function changeSteps(seed: Seed, verdicts: readonly PublishedVerdict[]): ChangeStep[] {
  const published = verdicts.filter((v) => v.anchor.seed === seed.id).sort(bySlug);
  const captures = allCaptures(seed);
  const steps: ChangeStep[] = [];
  for (let i = 0; i + 1 < captures.length; i++) {
    const [older, newer] = [captures[i]!, captures[i + 1]!];
    const before = locatedIn(seed, older, published);
    const after = locatedIn(seed, newer, published);
    const diff = wordDiff(older.text, newer.text);
    const pieces = diff?.flatMap((piece) =>
      piece.kind === 'added'
        ? marked('added', newer.text, piece.newStart, piece.newEnd, after)
        : marked(piece.kind, older.text, piece.oldStart, piece.oldEnd, before),
    );
    const passages = before.map(({ verdict, text }) => {
      const now = after.find((l) => l.verdict === verdict);
      const fate = verdict.fates?.find((f) => f.capture === newer.captured);
      const kind: PassageFate['kind'] = now
        ? now.text === text
          ? 'unchanged'
          : 'changed'
        : fate?.kind === 'unchanged'
          ? 'unchanged'
          : 'removed';
      return {
        slug: verdict.slug,
        title: verdict.title,
        rating: verdict.rating,
        kind,
        before: text,
        ...(now && now.text !== text ? { after: now.text } : {}),
      };
    });
    steps.push({
      id: changeId(newer.captured!),
      from: captureLinks(seed, older)[i]!,
      to: captureLinks(seed, newer)[i + 1]!,
      ...(pieces ? { pieces } : {}),
      identical: older.text === newer.text,
      passages,
    });
  }
  return steps;
}

export interface PassageNotice {
  /** The later capture's date. */
  date: string;
  kind: 'changed' | 'removed' | 'restored';
  /** The passage's words in that capture (changed). */
  text?: string;
  /** The changes page, at this step. */
  url: string;
}

/**
 * For the verdict page: each later capture in which the checked passage reads differently from the capture
 * before it (changed, removed, or back to the words that were checked). Empty when it never changed.
 */
export function passageNotices(verdict: Verdict): PassageNotice[] {
  const anchor = verdict.anchor;
  if (!anchor || !verdict.fates) return [];
  const notices: PassageNotice[] = [];
  let previous: { kind: PassageFate['kind']; text?: string } = { kind: 'unchanged', text: anchor.text };
  for (const fate of verdict.fates) {
    const same = fate.kind === previous.kind && (fate.kind !== 'changed' || fate.text === previous.text);
    if (!same) {
      const kind = fate.kind === 'unchanged' ? 'restored' : fate.kind;
      notices.push({
        date: fate.capture,
        kind,
        ...(fate.kind === 'changed' ? { text: fate.text! } : {}),
        url: seedChangesUrl(anchor.seed, changeId(fate.capture)),
      });
    }
    previous = fate;
  }
  return notices;
}
