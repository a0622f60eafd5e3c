// Captures: a seed over time. `seeds/<id>.txt` is the first capture; a later one is a new file,
// `seeds/<id>@<YYYY-MM-DD>.txt`, dated (UTC) the day it was captured. A capture is never edited and the tool
// never writes one. Each verdict is checked against one capture (`capture:` or the one current on its date);
// for a published verdict the passage is also anchored once in every later capture, and what became of it
// (unchanged, changed, removed) is kept as the verdict's `fates`.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { anchorQuote } from '../matching/anchor.ts';
import { lineStarts } from '../model/lines.ts';
import { normaliseQuote, seedView } from '../matching/normalise.ts';
import { paragraphsOf, SEED_LINE_LIMIT, SEED_SIZE_LIMIT } from './seeds.ts';
import { invisibleTextProblems } from './invisible-text.ts';
import { readTextFile } from './text-file.ts';
import { changedWords } from '../matching/word-diff.ts';
import type { Anchor, PassageFate, Problem, RuleId, Seed, Verdict } from '../model/types.ts';
import { isIsoDate, shown } from './values.ts';

/** A later capture's file name: anything with an "@" ending in .txt (a bad date is reported, not read as a seed). */
export function isCaptureFile(name: string): boolean {
  return name.endsWith('.txt') && name.includes('@');
}

/** `seeds/<id>@<date>.txt` */
export function captureFile(id: string, date: string): string {
  return `seeds/${id}@${date}.txt`;
}

/** The first capture, then every later one, oldest first. */
export function allCaptures(seed: Seed): Seed[] {
  return [seed, ...(seed.captures ?? [])];
}

/** The capture's date: the file name's for a later capture, `captured:` for the first (undefined when not given). */
export function captureDate(capture: Seed): string | undefined {
  return capture.captured ?? capture.meta.captured;
}

/** The capture an anchor's offsets are in. */
export function anchoredCapture(seed: Seed, anchor: Pick<Anchor, 'capture'>): Seed {
  if (anchor.capture === undefined) return seed;
  return seed.captures?.find((c) => c.captured === anchor.capture) ?? seed;
}

/** The latest capture dated on or before `date`; the first capture when none is. */
export function captureOn(seed: Seed, date: string): Seed {
  let current = seed;
  for (const capture of seed.captures ?? []) if (capture.captured! <= date) current = capture;
  return current;
}

export interface LoadedCaptures {
  problems: Problem[];
  /** Every capture file looked at (for the summary line). */
  files: string[];
}

/**
 * Reads every later capture in seeds/ and attaches it to its seed's `captures`, oldest first. Never writes;
 * a capture that cannot be used is an error and is left out.
 */
export function loadCaptures(root: string, seeds: Seed[], rejected: readonly string[]): LoadedCaptures {
  const problems: Problem[] = [];
  const files: string[] = [];
  const byId = new Map(seeds.map((seed) => [seed.id, seed]));
  const found = new Map<string, Seed[]>();
  for (const name of readdirSync(join(root, 'seeds')).sort()) {
    if (!isCaptureFile(name)) continue;
    const file = `seeds/${name}`;
    files.push(file);
    const fail = (message: string, line = 1, column = 1, severity: Problem['severity'] = 'error') =>
      problems.push({ file, line, column, severity, rule: 'capture-invalid', message });
    const match = /^(.*)@([^@]*)\.txt$/.exec(name)!;
    const [id, date] = [match[1]!, match[2]!];
    if (!isIsoDate(date)) {
      fail(
        `a later capture is named seeds/<id>@<YYYY-MM-DD>.txt with the day it was captured (UTC), not ${shown(name)}; rename the file. It was skipped.`,
      );
      continue;
    }
    const seed = byId.get(id);
    if (!seed) {
      fail(
        rejected.includes(id)
          ? `the first capture seeds/${id}.txt could not be loaded (see its error), so this later capture was skipped.`
          : `there is no first capture ${shown(`seeds/${id}.txt`)}: a seed's first text is seeds/<id>.txt and later captures sit beside it. It was skipped.`,
      );
      continue;
    }
    const first = seed.meta.captured;
    if (first !== undefined && date <= first) {
      fail(
        `this capture is dated ${date}, not after the first capture (captured: ${first} in ${seed.metaFile}); a later capture's date must be later. It was skipped.`,
      );
      continue;
    }
    const read = readTextFile(join(root, file), SEED_SIZE_LIMIT);
    if (!read.ok) {
      fail(`capture ${file} ${read.message}.`, read.line, read.column);
      continue;
    }
    const lines = lineStarts(read.text).length;
    if (lines > SEED_LINE_LIMIT) {
      fail(`capture ${file} has ${lines} lines, over the limit of ${SEED_LINE_LIMIT} lines; it was skipped.`);
      continue;
    }
    if (read.text.trim() === '')
      fail(`capture ${file} is empty: every passage checked in an earlier capture counts as removed.`, 1, 1, 'warning');
    const capture: Seed = {
      id,
      file,
      text: read.text,
      sha256: createHash('sha256').update(read.bytes).digest('hex'),
      meta: seed.meta,
      // One article, one name: a later capture is named as its first capture is.
      title: seed.title,
      titleFrom: seed.titleFrom,
      ...(seed.metaFile ? { metaFile: seed.metaFile } : {}),
      paragraphs: paragraphsOf(read.text),
      captured: date,
    };
    problems.push(...invisibleTextProblems(capture));
    const list = found.get(id) ?? [];
    list.push(capture);
    found.set(id, list);
  }
  for (const [id, list] of found) byId.get(id)!.captures = list.sort((a, b) => (a.captured! < b.captured! ? -1 : 1));
  return { problems, files };
}

export interface CaptureChoice {
  capture?: Seed;
  problem?: { rule: RuleId; message: string };
}

/** The capture a verdict is checked against: the one `capture:` names, or the one current on the verdict's date. */
export function checkedCapture(seed: Seed, verdict: Pick<Verdict, 'capture' | 'date'>): CaptureChoice {
  if (verdict.capture === undefined) return { capture: verdict.date ? captureOn(seed, verdict.date) : seed };
  const named = allCaptures(seed).find((c) => captureDate(c) === verdict.capture);
  if (named) return { capture: named };
  const dates = allCaptures(seed).flatMap((c) => (captureDate(c) ? [captureDate(c)!] : []));
  const known = dates.length > 0 ? ` Its captures are dated ${dates.join(', ')}.` : '';
  const first =
    seed.meta.captured === undefined ? ` To name the first capture, give its date as \`captured:\` in seeds/${seed.id}.yml.` : '';
  return {
    problem: {
      rule: 'capture-not-found',
      message: `seed ${seed.id} has no capture dated ${verdict.capture} (no ${captureFile(seed.id, verdict.capture)}).${known}${first} Correct \`capture:\` or remove it to check the capture current on the verdict's date.`,
    },
  };
}

/** The anchor in `capture`, with `capture` set when that is a later capture. */
export function anchorIn(capture: Seed, anchor: Anchor): Anchor {
  return capture.captured === undefined ? anchor : { ...anchor, capture: capture.captured };
}

/** What became of the anchored passage in every capture after the one it is anchored in: one anchoring each. */
export function passageFates(seed: Seed, verdict: Verdict, anchor: Anchor): PassageFate[] {
  const captures = allCaptures(seed);
  const from = captures.indexOf(anchoredCapture(seed, anchor));
  const selector = {
    quote: anchor.text,
    ...(verdict.selector.prefix ? { prefix: verdict.selector.prefix } : {}),
    ...(verdict.selector.suffix ? { suffix: verdict.selector.suffix } : {}),
  };
  return captures.slice(from + 1).map((capture) => {
    const base = { capture: capture.captured!, file: capture.file };
    const result = anchorQuote(capture, selector);
    const found = result.anchor;
    if (!found) {
      // Still there word for word, several times over: unchanged, at no single place.
      const ambiguous = result.notes.some((n) => n.rule === 'quote-ambiguous') && seedHas(capture, anchor.text);
      return { ...base, kind: ambiguous ? 'unchanged' : 'removed' };
    }
    const same = found.method === 'exact' || found.method === 'normalised';
    return {
      ...base,
      kind: same ? 'unchanged' : 'changed',
      text: found.text,
      start: found.start,
      end: found.end,
      line: found.line,
      column: found.column,
    };
  });
}

function seedHas(capture: Seed, text: string): boolean {
  const passage = normaliseQuote(text);
  return passage !== '' && seedView(capture).text.includes(passage);
}

function flat(text: string, max = 60): string {
  const one = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}

/** The warnings of a published verdict whose passage changed or vanished in a later capture. */
export function fateProblems(anchor: Anchor, fates: PassageFate[]): Omit<Problem, 'file' | 'line' | 'column'>[] {
  return fates.flatMap((fate): Omit<Problem, 'file' | 'line' | 'column'>[] => {
    if (fate.kind === 'unchanged') return [];
    const checked = anchor.capture === undefined ? `seeds/${anchor.seed}.txt` : captureFile(anchor.seed, anchor.capture);
    const keep = `The verdict stays on the capture it checked (${checked}); re-read the claim against the new text, and add a correction or a new verdict if the change matters.`;
    if (fate.kind === 'changed') {
      return [
        {
          severity: 'warning' as const,
          rule: 'passage-changed' as const,
          message: `the passage this verdict checked reads differently in the later capture ${fate.file} (line ${fate.line}): ${changedWords(anchor.text, fate.text!)}. It now reads ${flat(fate.text!, 120)}. ${keep}`,
        },
      ];
    }
    return [
      {
        severity: 'warning' as const,
        rule: 'passage-removed' as const,
        message: `the passage this verdict checked, ${flat(anchor.text, 120)}, is not in the later capture ${fate.file}: it was removed or rewritten beyond recognition. ${keep}`,
      },
    ];
  });
}
