// The archive pages' model: who made the claims (claimants), what they are about (the verdicts' tags) and
// who published the texts (the seeds' outlets), each a group of verdicts at a URL-safe slug, with a tally
// of ratings. The names are the editors' free text: two that would share a page, or one that cannot have
// one, are check errors here, so the build never meets them.
import { createHash } from 'node:crypto';
import { compareText } from '../model/order.ts';
import type { Claimant, PagedVerdict, Position, Problem, RatingScale, RuleId, Seed, Verdict } from '../model/types.ts';
import { shown } from '../content/values.ts';

/** Slugs are cut to this many characters (at a hyphen when there is one), far below file name limits. */
export const ARCHIVE_SLUG_MAX = 80;

/** Latin letters that Unicode decomposition leaves as they are, written as readers spell them in ASCII. */
const LATIN_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h' };

/** The name as slugs compare it: compatibility forms unified, accents dropped, lowercase. */
const folded = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþıħ]/g, (c) => LATIN_LETTERS[c]!);

const cut = (slug: string, max: number): string => slug.slice(0, max).replace(/-+$/, '');

/**
 * The URL segment of a claimant, topic or outlet name: lowercase ASCII letters, digits and single hyphens
 * (never `.`, `/`, `%` or a control character). "Jens Stoltenberg" -> `jens-stoltenberg`, "Zürich" ->
 * `zurich`. A name with letters outside Latin (Cyrillic, Chinese...) keeps its Latin part and ends in a
 * hash of the whole name (`n-3f9a0c21d4` when nothing is Latin), so "Песков" and "Медведев" get different
 * pages. Undefined when the name has no letter or digit at all ("!!!"): it cannot be a page.
 * Names that differ only in letter case or accents get the same slug (see archiveProblems).
 */
export function archiveSlug(name: string): string | undefined {
  const base = folded(name);
  if (!/[\p{L}\p{N}]/u.test(base)) return undefined;
  const ascii = cut(base.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''), ARCHIVE_SLUG_MAX);
  if (!/[\p{L}\p{N}]/u.test(base.replace(/[a-z0-9]/g, ''))) return ascii;
  const hash = createHash('sha256').update(base.normalize('NFC'), 'utf8').digest('hex').slice(0, 10);
  return ascii === '' ? `n-${hash}` : `${cut(ascii, ARCHIVE_SLUG_MAX - 11)}-${hash}`;
}

export type ArchiveKind = 'claimant' | 'topic' | 'outlet';

/** The verdicts (and, for an outlet, the seeds) of one claimant, topic or outlet. */
export interface ArchiveGroup {
  kind: ArchiveKind;
  slug: string;
  /** As the site shows it: the claimants.yml name, the tag or the outlet as first written. */
  name: string;
  /** A listed claimant's description from claimants.yml. */
  description?: string;
  /** Newest first, ties by slug. */
  verdicts: PagedVerdict[];
  /** An outlet's seeds (first captures), by id; empty for claimants and topics. */
  seeds: Seed[];
}

/** One rating level and how many of a group's verdicts have it. */
export interface TallyRow {
  key: string;
  label: string;
  count: number;
  /** Whole percent of the group's verdicts, e.g. "25%" ("0%" when there are none). */
  share: string;
}

/** Counts of each rating of the scale, in the scale's order (levels nobody has are listed with 0). */
export function ratingTally(verdicts: readonly Pick<Verdict, 'rating'>[], scale: Pick<RatingScale, 'levels'>): TallyRow[] {
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v.rating, (counts.get(v.rating) ?? 0) + 1);
  const total = verdicts.length;
  return scale.levels.map((level) => {
    const count = counts.get(level.key) ?? 0;
    return { key: level.key, label: level.label, count, share: total === 0 ? '0%' : `${Math.round((count / total) * 100)}%` };
  });
}

/** Groups in the order the index pages list them: by name without letter case, then as written, then slug. */
const byName = (a: ArchiveGroup, b: ArchiveGroup): number =>
  compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.name, b.name) || compareText(a.slug, b.slug);

const byDateThenSlug = (a: Verdict, b: Verdict): number => compareText(b.date, a.date) || compareText(a.slug, b.slug);

/** The slug of the verdict's claimant's page; undefined when it names none (or one that cannot have a page). */
export function claimantSlug(verdict: Pick<Verdict, 'claimant'>, claimants: ReadonlyMap<string, Claimant> | undefined): string | undefined {
  const value = verdict.claimant;
  if (value === undefined) return undefined;
  return claimants?.has(value) ? value : archiveSlug(value);
}

/** Who a verdict names as its claimant: a claimants.yml entry (its key is its slug) or free text. */
function claimantIdentity(
  verdict: Verdict,
  claimants: ReadonlyMap<string, Claimant> | undefined,
): { id: string; slug: string | undefined; name: string; description?: string } | undefined {
  const value = verdict.claimant;
  if (value === undefined) return undefined;
  const listed = claimants?.get(value);
  if (listed)
    return {
      id: `key:${listed.key}`,
      slug: listed.key,
      name: listed.name,
      ...(listed.description ? { description: listed.description } : {}),
    };
  return { id: `text:${value}`, slug: claimantSlug(verdict, claimants), name: value };
}

/** Collects groups by slug; the first identity at a slug owns it (any other is an error in archiveProblems). */
class Groups {
  private readonly bySlug = new Map<string, ArchiveGroup & { id: string }>();

  constructor(private readonly kind: ArchiveKind) {}

  add(id: string, slug: string | undefined, name: string, description?: string): (ArchiveGroup & { id: string }) | undefined {
    if (slug === undefined) return undefined;
    let group = this.bySlug.get(slug);
    if (!group) {
      group = { id, kind: this.kind, slug, name, ...(description ? { description } : {}), verdicts: [], seeds: [] };
      this.bySlug.set(slug, group);
    }
    return group.id === id ? group : undefined;
  }

  list(): ArchiveGroup[] {
    return [...this.bySlug.values()]
      .map(({ id: _id, ...group }) => ({ ...group, verdicts: group.verdicts.sort(byDateThenSlug) }))
      .sort(byName);
  }
}

export interface Archive {
  claimants: ArchiveGroup[];
  topics: ArchiveGroup[];
  outlets: ArchiveGroup[];
}

/**
 * The groups of the given verdicts (pass only the published ones: a group with none has no page, except an
 * outlet, whose page lists its seeds). A verdict is in its claimant's group, each of its tags' groups, and
 * the group of the outlet of the seed its passage is anchored in.
 */
export function archiveGroups(
  verdicts: readonly PagedVerdict[],
  seeds: readonly Seed[],
  claimants: ReadonlyMap<string, Claimant> | undefined,
): Archive {
  const claimantGroups = new Groups('claimant');
  const topicGroups = new Groups('topic');
  const outletGroups = new Groups('outlet');
  const outletOf = new Map<string, ArchiveGroup>();
  for (const seed of seeds) {
    const outlet = seed.meta.outlet;
    if (outlet === undefined) continue;
    const group = outletGroups.add(`text:${outlet}`, archiveSlug(outlet), outlet);
    if (!group) continue;
    group.seeds.push(seed);
    outletOf.set(seed.id, group);
  }
  for (const verdict of verdicts) {
    const who = claimantIdentity(verdict, claimants);
    if (who) claimantGroups.add(who.id, who.slug, who.name, who.description)?.verdicts.push(verdict);
    for (const tag of new Set(verdict.tags)) topicGroups.add(`text:${tag}`, archiveSlug(tag), tag)?.verdicts.push(verdict);
    outletOf.get(verdict.anchor.seed)?.verdicts.push(verdict);
  }
  for (const group of outletOf.values()) group.seeds.sort((a, b) => compareText(a.id, b.id));
  return { claimants: claimantGroups.list(), topics: topicGroups.list(), outlets: outletGroups.list() };
}

interface Named {
  id: string;
  name: string;
  slug: string | undefined;
  file: string;
  at: Position;
  /** How the name is written, e.g. `tag "Russia"`. */
  what: string;
  /** What to do about a collision, besides writing one spelling. */
  hint: string;
}

const FOLDER: Record<ArchiveKind, string> = { claimant: '/claimants/', topic: '/topics/', outlet: '/outlets/' };

/**
 * Every verdict's claimant and tags (drafts too: they are published later) and every seed's outlet that
 * cannot have a page (`archive-name-empty`), or would share one with a different name
 * (`archive-name-collision`: "Russia" and "russia", or free text that gives a claimants.yml key's slug).
 */
export function archiveProblems(verdicts: readonly Verdict[], seeds: readonly Seed[], claimants: ReadonlyMap<string, Claimant>): Problem[] {
  const problems: Problem[] = [];
  const problem = (named: Named, rule: RuleId, message: string) =>
    problems.push({ file: named.file, line: named.at.line, column: named.at.column, severity: 'error', rule, message });
  const check = (kind: ArchiveKind, names: Named[], owners = new Map<string, Named>()) => {
    const reported = new Set<string>();
    for (const named of names) {
      if (named.slug === undefined) {
        problem(
          named,
          'archive-name-empty',
          `the ${named.what} has no letter or digit, so it cannot have a page under ${FOLDER[kind]}; write it in words.`,
        );
        continue;
      }
      const owner = owners.get(named.slug);
      if (!owner) owners.set(named.slug, named);
      else if (owner.id !== named.id && !reported.has(`${named.file}\n${named.id}`)) {
        reported.add(`${named.file}\n${named.id}`);
        const where = owner.file.startsWith('content/_data/') ? owner.file : `${owner.file}:${owner.at.line}:${owner.at.column}`;
        problem(
          named,
          'archive-name-collision',
          `the ${named.what} would share the page ${FOLDER[kind]}${named.slug}/ with the ${owner.what} (${where}): names that differ only in letter case, accents or punctuation get one page. Write it as ${shown(owner.name)}${named.hint}`,
        );
      }
    }
  };

  const sorted = [...verdicts].sort((a, b) => compareText(a.file, b.file));
  const listed = new Map<string, Named>();
  for (const c of [...claimants.values()].sort((a, b) => compareText(a.key, b.key))) {
    listed.set(c.key, {
      id: `key:${c.key}`,
      name: c.key,
      slug: c.key,
      file: 'content/_data/claimants.yml',
      at: { line: 1, column: 1 },
      what: `claimants.yml claimant "${c.key}"`,
      hint: '',
    });
  }
  const claimantNames: Named[] = [];
  for (const v of sorted) {
    const value = v.claimant;
    if (value === undefined || claimants.has(value)) continue;
    const slug = archiveSlug(value);
    const key = slug !== undefined && listed.has(slug) ? slug : undefined;
    claimantNames.push({
      id: `text:${value}`,
      name: key ?? value,
      slug,
      file: v.file,
      at: v.positions['claimant'] ?? { line: 1, column: 1 },
      what: `claimant ${shown(value)}`,
      hint: key
        ? ` (the key), or give this claimant another name.`
        : ', or give one of them another name (or list the claimant in content/_data/claimants.yml and use its key).',
    });
  }
  // Free text may not take a listed claimant's page; a listed key can be referred to as it is.
  check('claimant', claimantNames, new Map(listed));

  const tags: Named[] = [];
  for (const v of sorted) {
    v.tags.forEach((tag, index) =>
      tags.push({
        id: `text:${tag}`,
        name: tag,
        slug: archiveSlug(tag),
        file: v.file,
        at: v.itemPositions[`tags.${index}`] ?? v.positions['tags'] ?? { line: 1, column: 1 },
        what: `tag ${shown(tag)}`,
        hint: ' in every verdict.',
      }),
    );
  }
  check('topic', tags);

  const outlets: Named[] = [];
  for (const seed of seeds) {
    const outlet = seed.meta.outlet;
    if (outlet === undefined) continue;
    outlets.push({
      id: `text:${outlet}`,
      name: outlet,
      slug: archiveSlug(outlet),
      file: seed.metaFile ?? seed.file,
      at: seed.metaPositions?.['outlet'] ?? { line: 1, column: 1 },
      what: `outlet ${shown(outlet)}`,
      hint: ' in every seed of this outlet.',
    });
  }
  check('outlet', outlets);
  return problems;
}
