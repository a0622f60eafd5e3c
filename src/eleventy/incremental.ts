// `npm start`: after a save, only the pages whose data changed are rendered and written again.
//
// Every paginated page is one item of a SiteData list (pages.ts, pagePerItem), and its template prints
// only that item and a few site-wide values. So a page is fingerprinted by hashing its item's data
// together with those site-wide values; after a save that touched only content (content/, seeds/), each
// list hands Eleventy only the items whose fingerprint changed, and the other pages' files stay as the
// previous build wrote them. A page that is gone (a verdict deleted, renamed or made a draft) has its file
// removed. Anything else that changes (a template, the CSS, the config) renders every page again, as does
// the first build. The single pages (feeds, sitemap, search...) are always rendered: every verdict is in
// some of them. `npm run build` never uses this: it renders every page, once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Seed, Verdict } from '../model/types.ts';
import { outputFileOf } from '../site/urls.ts';
import type { SiteData } from './site-data.ts';
import { sliceFor, type Shard } from './shards.ts';

const isSeed = (value: object): value is Seed => 'sha256' in value && 'text' in value && 'paragraphs' in value;
const isVerdict = (value: object): value is Verdict => 'selector' in value && 'bodyLine' in value && 'slug' in value;

/**
 * Hashes of verdicts, kept across builds. The model hands a rebuild the same verdict object while its file's
 * text is unchanged (model.ts's cache) and replaces, never edits, what it derives later (anchor, appearances,
 * fates). So each field's hash is kept with the value it was made from and made again only when the field
 * holds another value: after a save, hashing 10,000 verdicts costs a look at each field, not serialising them.
 */
class VerdictHashes {
  private readonly known = new WeakMap<Verdict, { fields: Map<string, { value: unknown; hash: string }>; whole: string }>();

  of(verdict: Verdict, hashes: Fingerprints): string {
    const entries = Object.entries(verdict);
    let known = this.known.get(verdict);
    if (known && known.fields.size === entries.length && entries.every(([key, value]) => known!.fields.get(key)?.value === value))
      return known.whole;
    const fields = new Map<string, { value: unknown; hash: string }>();
    const whole = createHash('sha256');
    for (const [key, value] of entries) {
      let field = known?.fields.get(key);
      if (!field || field.value !== value)
        field = {
          value,
          hash: value !== null && typeof value === 'object' ? hashes.of(value, '') : (JSON.stringify(value) ?? 'undefined'),
        };
      fields.set(key, field);
      whole.update(`${key}\0${field.hash}\0`);
    }
    known = { fields, whole: whole.digest('hex') };
    this.known.set(verdict, known);
    return known.whole;
  }
}

/**
 * Hashes of a page's data. A seed stands for its id, its bytes' hash and its metadata, not its whole text;
 * a verdict (listed on many pages) and a page item already hashed in this build stand for their hash, so
 * each is serialised once per build (a verdict once while it is unchanged, see VerdictHashes).
 */
class Fingerprints {
  /** Objects of this build (the model's verdicts, page items) -> their hash. A new build starts a new map. */
  private readonly known = new WeakMap<object, string>();

  constructor(private readonly verdicts = new VerdictHashes()) {}

  of(value: unknown, salt: string): string {
    const json = JSON.stringify(value, (_key, v: unknown) => {
      if (v === value || !v || typeof v !== 'object') return v;
      const known = this.known.get(v);
      if (known) return `#${known}`;
      if (v instanceof Map || v instanceof Set) return Array.from<unknown>(v);
      if (isSeed(v)) return { id: v.id, sha256: v.sha256, meta: v.meta, title: v.title };
      if (isVerdict(v)) return `#${this.remember(v, this.verdicts.of(v, this))}`;
      return v;
    });
    return createHash('sha256')
      .update(salt)
      .update(json ?? 'undefined')
      .digest('hex');
  }

  remember(value: object, hash: string): string {
    this.known.set(value, hash);
    return hash;
  }
}

const fingerprint = (value: unknown, salt: string): string => new Fingerprints().of(value, salt);

export interface SiteWide {
  /** What every page prints besides its own item: site settings, the scale, seed titles, claimant names, the editors' pages. */
  all: string;
  /** What listings also print: the counts by rating, the most checked seeds, the number of seeds. */
  listings: string;
}

export function siteWideFingerprints(fc: SiteData): SiteWide {
  return {
    all: fingerprint(
      {
        site: fc.site,
        pathPrefix: fc.pathPrefix,
        scale: fc.model.scale,
        contentPages: fc.model.pages.map((p) => [p.url, p.title]),
        // A seed's title may come from its text (seed-title.ts), so it is hashed too.
        seeds: fc.model.seeds.map((s) => [s.id, s.meta, s.title]),
        // content/_data/claimants.yml: verdict pages and listings name claimants from it.
        claimants: [...(fc.model.claimants?.values() ?? [])],
      },
      '',
    ),
    listings: fingerprint(
      {
        ratingCounts: fc.ratingCounts.map((r) => [r.level.key, r.count]),
        topSeeds: fc.topSeeds.map((s) => [s.seed.id, s.title, s.verdictCount]),
        seeds: fc.seedPages.length,
      },
      '',
    ),
  };
}

/** Lists whose pages print nothing of SiteWide.listings; any other list (a new one too) is treated as a listing. */
const NOT_LISTINGS = new Set(['verdictPages', 'seedPages', 'redirects']);

/** The project folders whose files are content: a change anywhere else renders every page. */
const CONTENT_FOLDERS = ['content', 'seeds'];

/** `dir` and each folder above it, up to the file system's root. */
function ancestors(dir: string): string[] {
  const list = [path.resolve(dir)];
  while (path.dirname(list.at(-1)!) !== list.at(-1)) list.push(path.dirname(list.at(-1)!));
  return list;
}

/**
 * True when every changed file is inside content/ or seeds/ of `root`. Eleventy's watcher names a file
 * relative to the common folder of everything it watches (the project and this tool's _includes/), which
 * is `root` or a folder above it: each of those is tried.
 */
export function onlyContentChanged(changed: readonly string[], root: string): boolean {
  const bases = ancestors(root);
  return changed.every((file) => {
    const candidates = bases.map((base) => path.resolve(base, file));
    return candidates.some((absolute) => {
      const relative = path.relative(root, absolute);
      return !relative.startsWith('..') && !path.isAbsolute(relative) && CONTENT_FOLDERS.includes(relative.split(path.sep)[0]!);
    });
  });
}

export class RenderPlan {
  /** list name -> page URL -> fingerprint, as last written. */
  private written = new Map<string, Map<string, string>>();
  private selected = new Map<string, unknown[]>();
  private full = true;
  private siteWide: SiteWide = { all: '', listings: '' };
  private outputDir = '';
  private readonly verdictHashes = new VerdictHashes();
  private hashes = new Fingerprints(this.verdictHashes);
  /** URLs rendered in the current build, by list (for tests and the log). */
  readonly rendered = new Map<string, string[]>();
  /** reuse(): values made in this build, and in the build before (by name and inputs' fingerprint). */
  private kept = new Map<string, string>();
  private keptBefore = new Map<string, string>();

  /** Starts a build: `full` renders every page (first build, or something else than content changed). */
  begin(options: { full: boolean; siteWide: SiteWide; outputDir: string }): void {
    this.full = options.full || options.siteWide.all !== this.siteWide.all;
    this.siteWide = options.siteWide;
    this.outputDir = options.outputDir;
    this.selected.clear();
    this.rendered.clear();
    this.hashes = new Fingerprints(this.verdictHashes);
    // A full render makes every value again; otherwise those of the last build whose inputs are unchanged are reused.
    this.keptBefore = this.full ? new Map<string, string>() : this.kept;
    this.kept = new Map();
  }

  /**
   * A piece of a page that every verdict adds to (one item of /claimreview.json, of /annotations.jsonld): the
   * one the last build made when `inputs` (hashed as page data is, with the site-wide values) are the same,
   * else `make()`. `inputs` must hold everything `make` reads but the site-wide values (SiteWide.all).
   */
  reuse(name: string, inputs: unknown, make: () => string): string {
    const key = `${name}:${this.hashes.of(inputs, this.siteWide.all)}`;
    const value = this.kept.get(key) ?? this.keptBefore.get(key) ?? make();
    this.kept.set(key, value);
    return value;
  }

  /** The items of list `name` to render in this build (each one's page URL is `url`). */
  select<T>(name: string, items: readonly T[]): T[] {
    const done = this.selected.get(name);
    if (done) return done as T[];
    const before = this.written.get(name) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const chosen: T[] = [];
    const salt = NOT_LISTINGS.has(name) ? this.siteWide.all : `${this.siteWide.all}:${this.siteWide.listings}`;
    for (const item of items) {
      const url = (item as { url?: unknown }).url;
      if (typeof url !== 'string') {
        // Not a page with a URL of its own (e.g. a redirect): always rendered.
        chosen.push(item);
        continue;
      }
      const print = this.hashes.of(item, salt);
      if (item && typeof item === 'object') this.hashes.remember(item, print);
      now.set(url, print);
      if (this.full || before.get(url) !== print) chosen.push(item);
    }
    for (const url of before.keys()) {
      if (!now.has(url)) fs.rmSync(path.join(this.outputDir, outputFileOf(url)), { force: true });
    }
    this.written.set(name, now);
    this.selected.set(name, chosen);
    this.rendered.set(
      name,
      chosen.map((item) => (item as { url?: string }).url ?? ''),
    );
    return chosen;
  }
}

/**
 * `fc.rendered.<list>`: the items of `fc.<list>` to render in this build; with no plan (npm run build),
 * the whole list, or this run's slice of it (shards.ts). Pagination reads it (pages.ts), the rest of the
 * site reads the whole lists.
 */
export function renderedLists(fc: SiteData, plan: () => RenderPlan | undefined, shard: () => Shard | undefined): Record<string, unknown[]> {
  return new Proxy<Record<string, unknown[]>>(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string') return undefined;
        const list = (fc as unknown as Record<string, unknown>)[name];
        if (!Array.isArray(list)) return undefined;
        const items: unknown[] = list;
        const current = plan();
        if (current) return current.select(name, items);
        const run = shard();
        return run ? sliceFor(items, run) : items;
      },
    },
  );
}
