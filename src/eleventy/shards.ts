// `npm run build` renders a large site in several runs of Eleventy, one after the other in one process.
//
// Eleventy keeps every page it wrote in memory until its build ends (each paginated page's template
// caches its rendered HTML, and write() returns every page's content). At 100,000 verdicts that is more
// than 2 GB of HTML, held as two-byte strings because the pages have typographic quotes, so one run does
// not fit in Node's default heap. Each run therefore renders a slice of every page list (pages.ts reads
// `fc.rendered.<list>`), and the single pages in the first; the model and the site data are computed once,
// by the first run, and handed to the next. The pages are the same whichever run renders them: each is
// made from its own item and the site-wide data only, as npm start's incremental render already relies on.
import type { UserConfig } from '@11ty/eleventy';
import type { SiteData } from './site-data.ts';

/** Items per list and run. A verdict page is about 10 KB: 25,000 pages are about 500 MB of strings. */
export const PAGES_PER_RUN = 25_000;

export interface Shard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

/** One build made of `count` Eleventy runs: what the first run computed, for the others. */
export class ShardedBuild {
  /** The site data of the first run, reused as it is by the others (same content, same process). */
  siteData: SiteData | undefined;
  constructor(readonly count: number) {}
}

/** Runs for `items` pages in the largest list (at least 1). */
export const runsFor = (items: number, perRun = PAGES_PER_RUN): number => Math.max(1, Math.ceil(items / perRun));

/** The contiguous part of `list` the run `shard` renders: the lists are cut into `count` near-equal parts. */
export function sliceFor<T>(list: readonly T[], shard: Shard): T[] {
  const start = Math.floor((list.length * shard.index) / shard.count);
  const end = Math.floor((list.length * (shard.index + 1)) / shard.count);
  return list.slice(start, end);
}

const runs = new WeakMap<UserConfig, { build: ShardedBuild; shard: Shard }>();

/** Marks the Eleventy run whose configuration is `config` as run `index` of `build` (call from Eleventy's `config` option). */
export function joinBuild(config: UserConfig, build: ShardedBuild, index: number): void {
  runs.set(config, { build, shard: { index, count: build.count } });
}

/** The build and run that `config` belongs to; none for a build in one run and for npm start. */
export const runOf = (config: UserConfig): { build: ShardedBuild; shard: Shard } | undefined => runs.get(config);
