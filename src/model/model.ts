// The one entry point to the content: seeds, the scale, every verdict (drafts too), anchors, appearances and
// every problem, sorted. Used by `check`, `review`, the Eleventy plugin and the benchmark (`new` calls the same readers and anchoring directly).
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { anchorQuote, type AnchorResult } from '../matching/anchor.ts';
import { AppearanceIndex } from '../matching/appearances.ts';
import { allCaptures, anchorIn, checkedCapture, fateProblems, loadCaptures, passageFates } from '../content/captures.ts';
import { ModelSetupError } from './errors.ts';
import { loadContent } from '../content/content-files.ts';
import { loadScale } from '../content/ratings.ts';
import { loadClaimants } from '../content/claimants.ts';
import { structuredDataProblems } from './structured-data-rules.ts';
import { archiveProblems } from '../site/archive.ts';
import { sortProblems } from './report.ts';
import { releaseSeedViews } from '../matching/normalise.ts';
import { loadSeeds } from '../content/seeds.ts';
import { loadSiteSettings } from '../content/site-settings.ts';
import { computeProvenance, type Provenance } from '../matching/provenance/index.ts';
import { didYouMean } from '../content/suggest.ts';
import type { Appearance, Model, Position, Problem, QuoteSelector, Seed, Verdict } from './types.ts';
import { shown } from '../content/values.ts';
import { loadVerdict, VERDICTS_DIR, type ParseCache, type ParsedVerdict } from '../content/verdicts.ts';

export { ModelSetupError } from './errors.ts';

/**
 * Work kept across rebuilds of the same project (watch mode): a verdict's parse while its file's text is
 * unchanged, an anchor while its seed's bytes and the verdict's selector are, the appearance index while
 * every seed is. Entries a rebuild no longer needs are dropped.
 */
export interface ModelCache {
  verdicts: ParseCache;
  anchors: Map<string, AnchorResult>;
  appearances?: { key: string; index: AppearanceIndex };
  provenance?: { key: string; value: Provenance };
}

export function createModelCache(): ModelCache {
  return { verdicts: new Map(), anchors: new Map() };
}

export interface ModelOptions {
  root: string;
  cache?: ModelCache;
}

export interface CheckedModel extends Model {
  /** Every file that was read, project-relative (for the summary line). */
  files: string[];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function requireDirectory(root: string, relative: string, hint: string): void {
  if (!isDirectory(join(root, relative))) throw new ModelSetupError(`No ${relative}/ folder in ${root}: ${hint}`);
}

/** seeds/ and content/ must be real folders: through a link the project would read, and publish, files from elsewhere. */
function refuseLinkedFolders(root: string): void {
  for (const relative of ['seeds', 'content', VERDICTS_DIR]) {
    let linked = false;
    try {
      linked = lstatSync(join(root, relative)).isSymbolicLink();
    } catch {
      // a missing folder is reported by requireDirectory
    }
    if (linked)
      throw new ModelSetupError(
        `${relative}/ in ${root} is a symbolic link; seeds/ and content/ must be real folders inside the project (copy the files in).`,
      );
  }
}

/** Files the loaders read themselves; they refuse a link with their own message. */
const READ_BY_LOADERS = /^(?:seeds\/[^/]+\.(?:txt|yml)|content\/verdicts\/[^/]+\.md|content\/_data\/(?:ratings\.yml|site\.json))$/;

/**
 * Every other symbolic link under seeds/ and content/ (a folder, a content page, a data file): Eleventy would
 * follow it and publish a file from outside the project.
 */
function linksOutOfProject(root: string): Problem[] {
  const problems: Problem[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const file = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(file);
      else if (entry.isSymbolicLink() && !READ_BY_LOADERS.test(file)) {
        problems.push({
          file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: file.startsWith('seeds/') ? 'seed-invalid' : 'slug-invalid',
          message: `${file} is a symbolic link; only files inside the project are read and published. Replace the link with a copy of what it points to.`,
        });
      }
    }
  };
  visit('seeds');
  visit('content');
  return problems;
}

function cacheKey(seed: Seed, selector: QuoteSelector): string {
  // The seed id is part of the key: two seeds with identical bytes give anchors that name different seeds.
  return JSON.stringify([seed.sha256, seed.id, selector.quote, selector.prefix ?? null, selector.suffix ?? null]);
}

function verdictFiles(root: string, problems: Problem[]): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, VERDICTS_DIR), { withFileTypes: true })) {
    const file = `${VERDICTS_DIR}/${entry.name}`;
    if (entry.isDirectory()) {
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'slug-invalid',
        message: `${file}/ is a folder; verdicts sit directly in ${VERDICTS_DIR}/ and files in subfolders are not checked. Move them up one level.`,
      });
    } else if (/\.md$/i.test(entry.name)) {
      files.push(file);
    }
  }
  return files.sort();
}

/** Builds the whole model. Throws ModelSetupError only when the project itself is unusable. */
export function buildModel(options: ModelOptions): CheckedModel {
  const root = resolve(options.root);
  if (!isDirectory(root)) throw new ModelSetupError(`The project folder ${root} does not exist or is not a folder.`);
  refuseLinkedFolders(root);
  requireDirectory(root, 'seeds', 'the source texts live in seeds/<id>.txt; is --root the project folder?');
  requireDirectory(root, VERDICTS_DIR, 'verdicts live in content/verdicts/<slug>.md; is --root the project folder?');

  const problems: Problem[] = [];
  const { scale, problems: scaleProblems } = loadScale(root);
  problems.push(...scaleProblems);
  const site = loadSiteSettings(root);
  problems.push(...site.problems);
  const content = loadContent(root);
  problems.push(...content.problems);
  const { claimants, problems: claimantProblems } = loadClaimants(root);
  problems.push(...claimantProblems);
  const loaded = loadSeeds(root);
  problems.push(...loaded.problems);
  const seeds = loaded.seeds;
  const captures = loadCaptures(root, seeds, loaded.rejected);
  problems.push(...captures.problems);
  const seedsById = new Map(seeds.map((seed) => [seed.id, seed]));
  const rejectedSeeds = new Set(loaded.rejected);
  const ratingKeys = scale.levels.map((level) => level.key);

  const files = verdictFiles(root, problems);
  const cache = options.cache;
  const parsed = files.map((file) => loadVerdict(root, file, cache?.verdicts));
  if (cache) {
    const current = new Set(files);
    for (const file of cache.verdicts.keys()) if (!current.has(file)) cache.verdicts.delete(file);
  }

  const seedsKey = seeds.map((seed) => `${seed.id}:${seed.sha256}`).join('\n');
  const usedCacheKeys = new Set<string>();
  let appearances: AppearanceIndex | undefined;
  const occurrencesByPassage = new Map<string, readonly Appearance[]>();
  const appearanceIndex = (): AppearanceIndex => {
    if (appearances) return appearances;
    const key = seedsKey;
    if (cache?.appearances?.key === key) appearances = cache.appearances.index;
    else {
      appearances = new AppearanceIndex(seeds);
      if (cache) cache.appearances = { key, index: appearances };
    }
    return appearances;
  };

  const verdicts: Verdict[] = [];
  for (const result of parsed) {
    problems.push(...result.problems);
    const verdict = result.verdict;
    if (!verdict) continue;
    // A parse reused from the cache still carries the previous build's anchor.
    if (verdict.anchor) {
      verdict.anchor = undefined;
      verdict.appearances = [];
      delete verdict.fates;
    }
    const at = (name: string): Position => verdict.positions[name] ?? { line: 1, column: 1 };
    const problem = (position: Position, rule: Problem['rule'], message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ file: verdict.file, line: position.line, column: position.column, severity, rule, message });
    const missingSeed = (id: string): string =>
      rejectedSeeds.has(id)
        ? `could not be loaded; see the error reported for seeds/${id}.txt.`
        : `does not exist (there is no seeds/${id}.txt).${didYouMean(id, seedsById.keys())}`;

    if (result.valid.has('rating') && !ratingKeys.includes(verdict.rating)) {
      problem(
        at('rating'),
        'rating-unknown',
        `rating ${shown(verdict.rating)} is not on the scale (${scale.file}).${didYouMean(verdict.rating, ratingKeys)} Valid ratings: ${ratingKeys.join(', ')}.`,
      );
    }
    verdict.sources.forEach((source, index) => {
      if (source.kind === 'seed' && !seedsById.has(source.seed)) {
        const item = result.sourceItems[index]!;
        problem(
          verdict.itemPositions[`sources.${item}.seed`] ?? at('sources'),
          'seed-not-found',
          `source ${item + 1} cites seed "${source.seed}", which ${missingSeed(source.seed)}`,
        );
      }
    });

    if (result.valid.has('seed')) {
      const seed = seedsById.get(verdict.seed);
      if (!seed) problem(at('seed'), 'seed-not-found', `the seed "${verdict.seed}" ${missingSeed(verdict.seed)}`);
      else if (anchorable(result)) {
        const choice = checkedCapture(seed, verdict);
        if (choice.problem) problem(at('capture'), choice.problem.rule, choice.problem.message);
        const capture = choice.capture ?? seed;
        let anchored: AnchorResult | undefined;
        if (choice.capture) {
          const key = cacheKey(capture, verdict.selector);
          anchored = cache?.anchors.get(key);
          if (!anchored) {
            anchored = anchorQuote(capture, verdict.selector);
            cache?.anchors.set(key, anchored);
          }
          usedCacheKeys.add(key);
        }
        for (const note of anchored?.notes ?? []) {
          // A published verdict must carry the seed's words: an approximate quote is an error there, a warning in a draft.
          const misquote = !verdict.draft && note.rule === 'quote-approximate' && anchored?.anchor?.method === 'approximate';
          const where = capture === seed ? '' : ` (checked against the later capture ${capture.file})`;
          const message = misquote
            ? `${note.message} A published verdict must quote the seed exactly; this stays an error until it does.${where}`
            : `${note.message}${where}`;
          problem(at('quote'), note.rule, message, misquote ? 'error' : note.severity);
        }
        if (anchored?.anchor) {
          const anchor = anchorIn(capture, anchored.anchor);
          verdict.anchor = anchor;
          // Appearances are looked for in the first captures; a passage anchored in a later capture keeps only those in other seeds.
          const found = appearanceIndex().find(anchor, occurrencesByPassage);
          verdict.appearances = anchor.capture === undefined ? found : found.filter((a) => a.seed !== seed.id);
          if (!verdict.draft && seed.captures) {
            verdict.fates = passageFates(seed, verdict, anchor);
            for (const note of fateProblems(anchor, verdict.fates)) problem(at('quote'), note.rule, note.message, note.severity);
          }
        }
      }
    }
    if (result.slugValid) verdicts.push(verdict);
  }
  if (cache) {
    for (const key of cache.anchors.keys()) if (!usedCacheKeys.has(key)) cache.anchors.delete(key);
  } else {
    // Without a cache nothing anchors against these seeds again; a site build holds them to the end.
    releaseSeedViews(seeds.flatMap(allCaptures));
  }

  problems.push(
    ...slugCollisions(parsed),
    ...linksOutOfProject(root),
    ...structuredDataProblems(verdicts, seedsById, claimants),
    ...archiveProblems(verdicts, seeds, claimants),
  );
  let provenance: Provenance | undefined;
  verdicts.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return {
    root,
    seeds,
    seedsById,
    scale,
    claimants,
    verdicts,
    pages: content.pages,
    ...(site.settings ? { site: site.settings } : {}),
    problems: sortProblems(problems),
    // Computed when first read (the site and review read it; check does not, and does not pay for it).
    get provenance(): Provenance {
      if (!provenance) {
        provenance = cache?.provenance?.key === seedsKey ? cache.provenance.value : computeProvenance(seeds);
        if (cache) cache.provenance = { key: seedsKey, value: provenance };
        else releaseSeedViews(seeds);
      }
      return provenance;
    },
    files: [...new Set([scale.file, ...loaded.files, ...captures.files, ...files, ...content.files])].sort(),
  };
}

/** Seed and quote are usable, and prefix/suffix are either valid or absent. */
function anchorable(result: ParsedVerdict): boolean {
  const { valid, verdict } = result;
  if (!verdict || !valid.has('seed') || !valid.has('quote')) return false;
  return ['prefix', 'suffix'].every((name) => valid.has(name) || !(name in verdict.positions));
}

/**
 * Slugs that differ only in letter case (the pages overwrite each other on case-insensitive file systems),
 * and `redirect_from` entries that name a live page or another verdict's redirect.
 */
function slugCollisions(parsed: ParsedVerdict[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, string>();
  const withVerdict = parsed.flatMap((result) => (result.verdict ? [{ result, verdict: result.verdict }] : []));
  for (const { verdict } of withVerdict) {
    const key = verdict.slug.toLowerCase();
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, verdict.file);
    else {
      problems.push({
        file: verdict.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'duplicate-slug',
        message: `the slug "${verdict.slug}" collides with ${owner}: slugs that differ only in letter case give the same page on case-insensitive file systems. Rename one of the files.`,
      });
    }
  }
  const redirects = new Map<string, string>();
  for (const { result, verdict } of withVerdict) {
    verdict.redirectFrom.forEach((old, index) => {
      const item = result.redirectItems[index]!;
      const position = verdict.itemPositions[`redirect_from.${item}`] ?? verdict.positions.redirect_from ?? { line: 1, column: 1 };
      const page = owners.get(old);
      const redirect = redirects.get(old);
      const clash =
        page !== undefined ? `the page of ${page}` : redirect !== undefined ? `a redirect already declared in ${redirect}` : undefined;
      if (page === verdict.file) return; // reported by the validator
      if (clash === undefined) redirects.set(old, verdict.file);
      else {
        problems.push({
          file: verdict.file,
          line: position.line,
          column: position.column,
          severity: 'error',
          rule: 'duplicate-slug',
          message: `redirect_from "${old}" would replace ${clash}; an old slug can redirect to one verdict only and never to a live page.`,
        });
      }
    });
  }
  return problems;
}
