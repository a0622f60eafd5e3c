// The editorial difference between two models of the same project (the base revision and the
// working tree): which verdicts are new, changed, renamed, removed or newly published, and what a
// change of a seed's bytes did to every anchor in it. Pure: both models are already built.
import type { Anchor, Correction, Model, Problem, Seed, Verdict } from '../model/types.ts';
import { bySlug } from '../model/order.ts';

export interface TextChange {
  old: string;
  new: string;
}

/** What happened to an anchor between base and head. */
export type AnchorFate =
  | { kind: 'unchanged'; anchor: Anchor }
  | { kind: 'moved'; from: Anchor; to: Anchor }
  | { kind: 'approximate'; from?: Anchor; to: Anchor; difference: string }
  | { kind: 'found'; to: Anchor }
  | { kind: 'lost'; from?: Anchor; reason: string };

export interface VerdictChange {
  before: Verdict;
  after: Verdict;
  /** The base slug, when the verdict's file was renamed. */
  renamedFrom?: string;
  title?: TextChange;
  /** Rating keys. */
  rating?: TextChange;
  claim?: TextChange;
  /** The quoted passage (seed id included when it changed) and where the anchor went. */
  quote?: TextChange & { fate: AnchorFate };
  published: boolean;
  unpublished: boolean;
  correctionsAdded: Correction[];
  sourcesChanged: boolean;
  explanationChanged: boolean;
}

export interface SeedChange {
  seed: Seed;
  oldSha256: string;
  /** The seed's text at the base. */
  oldText: string;
  /** Every verdict that was anchored in the seed at base and still exists, by slug, with its anchor's fate. */
  verdicts: { verdict: Verdict; fate: AnchorFate }[];
}

export interface EditorialDiff {
  added: Verdict[];
  removed: Verdict[];
  /** Verdicts present on both sides with any editorial change, renames included; sorted by new slug. */
  changed: VerdictChange[];
  seedsChanged: SeedChange[];
  seedsAdded: Seed[];
  seedsRemoved: Seed[];
}

/** What the anchoring said about a verdict (the quote-* problem on its `quote:` line), for "lost" and "approximate". */
function anchorNote(model: Model, verdict: Verdict, rules: string[]): string | undefined {
  return model.problems.find((p: Problem) => p.file === verdict.file && rules.includes(p.rule))?.message;
}

/**
 * The same place as an editor sees it: seed, line, column and length. A fix on an earlier line that
 * keeps the line count (a typo in the headline) shifts offsets but moves nothing.
 */
function sameSpot(a: Anchor, b: Anchor): boolean {
  return a.seed === b.seed && a.line === b.line && a.column === b.column && a.end - a.start === b.end - b.start;
}

export function anchorFate(base: Model, head: Model, before: Verdict | undefined, after: Verdict): AnchorFate {
  const from = before?.anchor;
  const to = after.anchor;
  if (!to) {
    const reason =
      anchorNote(head, after, ['quote-not-found', 'quote-ambiguous', 'seed-not-found', 'field-invalid', 'field-missing']) ??
      'the quote no longer anchors';
    return { kind: 'lost', ...(from ? { from } : {}), reason };
  }
  if (to.method === 'approximate' && !(from && from.method === 'approximate' && sameSpot(from, to) && from.text === to.text)) {
    const difference = anchorNote(head, after, ['quote-approximate']) ?? `matches "${to.text}" with ${to.errors} differences`;
    return { kind: 'approximate', ...(from ? { from } : {}), to, difference };
  }
  if (!from) return { kind: 'found', to };
  if (sameSpot(from, to) && from.text === to.text) return { kind: 'unchanged', anchor: to };
  return { kind: 'moved', from, to };
}

function change(a: string, b: string): TextChange | undefined {
  return a === b ? undefined : { old: a, new: b };
}

/** The quote as the editor wrote it, surrounding whitespace aside (anchoring ignores it too). */
function passageOf(v: Verdict): string {
  return v.selector.quote.trim();
}

function explicitClaim(v: Verdict): string | undefined {
  return 'claim' in v.positions ? v.claim : undefined;
}

function compareVerdicts(base: Model, head: Model, before: Verdict, after: Verdict): VerdictChange | undefined {
  const selectorChanged =
    before.seed !== after.seed ||
    before.selector.quote !== after.selector.quote ||
    (before.selector.prefix ?? '') !== (after.selector.prefix ?? '') ||
    (before.selector.suffix ?? '') !== (after.selector.suffix ?? '');
  const oldClaim = explicitClaim(before);
  const newClaim = explicitClaim(after);
  const known = new Set(before.corrections.map((c) => `${c.date}\n${c.note}`));
  const result: VerdictChange = {
    before,
    after,
    ...(before.slug !== after.slug ? { renamedFrom: before.slug } : {}),
    published: before.draft && !after.draft,
    unpublished: !before.draft && after.draft,
    correctionsAdded: after.corrections.filter((c) => !known.has(`${c.date}\n${c.note}`)),
    sourcesChanged: JSON.stringify(before.sources) !== JSON.stringify(after.sources),
    explanationChanged: before.body.trim() !== after.body.trim(),
  };
  const title = change(before.title, after.title);
  if (title) result.title = title;
  const rating = change(before.rating, after.rating);
  if (rating) result.rating = rating;
  if ((oldClaim !== undefined || newClaim !== undefined) && before.claim !== after.claim) {
    result.claim = { old: before.claim, new: after.claim };
  }
  if (selectorChanged) {
    const label = (v: Verdict) => (before.seed === after.seed ? passageOf(v) : `${v.seed}: ${passageOf(v)}`);
    result.quote = { old: label(before), new: label(after), fate: anchorFate(base, head, before, after) };
  }
  const changed =
    result.renamedFrom !== undefined ||
    result.title ||
    result.rating ||
    result.claim ||
    result.quote ||
    result.published ||
    result.unpublished ||
    result.correctionsAdded.length > 0 ||
    result.sourcesChanged ||
    result.explanationChanged;
  return changed ? result : undefined;
}

/**
 * Pairs a removed verdict with an added one as a rename: first the renames git detected
 * (`renames`: old file -> new file), then the same seed and the same quote.
 */
function pairRenames(removed: Verdict[], added: Verdict[], renames: ReadonlyMap<string, string>): [Verdict, Verdict][] {
  const pairs: [Verdict, Verdict][] = [];
  const taken = new Set<Verdict>();
  const addedByFile = new Map(added.map((v) => [v.file, v]));
  for (const old of removed) {
    const target = renames.get(old.file);
    const candidate = target === undefined ? undefined : addedByFile.get(target);
    if (candidate && !taken.has(candidate)) {
      pairs.push([old, candidate]);
      taken.add(old).add(candidate);
    }
  }
  for (const old of removed) {
    if (taken.has(old)) continue;
    const candidate = added.find((v) => !taken.has(v) && v.seed === old.seed && passageOf(v) === passageOf(old));
    if (candidate) {
      pairs.push([old, candidate]);
      taken.add(old).add(candidate);
    }
  }
  return pairs;
}

export function diffModels(base: Model, head: Model, renames: ReadonlyMap<string, string> = new Map()): EditorialDiff {
  const baseBySlug = new Map(base.verdicts.map((v) => [v.slug, v]));
  const headBySlug = new Map(head.verdicts.map((v) => [v.slug, v]));
  const onlyBase = base.verdicts.filter((v) => !headBySlug.has(v.slug));
  const onlyHead = head.verdicts.filter((v) => !baseBySlug.has(v.slug));
  const pairs: [Verdict, Verdict][] = head.verdicts.flatMap((v) => {
    const before = baseBySlug.get(v.slug);
    return before ? [[before, v] as [Verdict, Verdict]] : [];
  });
  const renamed = pairRenames(onlyBase, onlyHead, renames);
  const paired = new Set(renamed.flat());
  pairs.push(...renamed);

  const changed = pairs
    .map(([before, after]) => compareVerdicts(base, head, before, after))
    .filter((c): c is VerdictChange => c !== undefined)
    .sort((a, b) => bySlug(a.after, b.after));

  const seedsChanged: SeedChange[] = [];
  for (const seed of head.seeds) {
    const old = base.seedsById.get(seed.id);
    if (!old || old.sha256 === seed.sha256) continue;
    // Verdicts that were anchored in the seed before the change (new verdicts are listed as new).
    const verdicts = pairs
      // (in this first capture: a verdict checked against a later capture is not affected by this file)
      .filter(([before]) => before.seed === seed.id && before.anchor?.capture === undefined)
      .sort(([, a], [, b]) => bySlug(a, b))
      .map(([before, after]) => ({ verdict: after, fate: anchorFate(base, head, before, after) }));
    seedsChanged.push({ seed, oldSha256: old.sha256, oldText: old.text, verdicts });
  }

  return {
    added: onlyHead.filter((v) => !paired.has(v)),
    removed: onlyBase.filter((v) => !paired.has(v)),
    changed,
    seedsChanged,
    seedsAdded: head.seeds.filter((s) => !base.seedsById.has(s.id)),
    seedsRemoved: base.seeds.filter((s) => !head.seedsById.has(s.id)),
  };
}

export function isEmpty(diff: EditorialDiff): boolean {
  return (
    diff.added.length +
      diff.removed.length +
      diff.changed.length +
      diff.seedsChanged.length +
      diff.seedsAdded.length +
      diff.seedsRemoved.length ===
    0
  );
}
