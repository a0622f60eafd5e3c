// The search index's records, computed from the model like every page: one per published verdict and one
// per seed page (a later capture's page is not indexed: its text is the same story again). Pagefind gets
// these records instead of parsing the built HTML (src/cli/search-index.ts), so what a reader can search
// for, the rating shown on each result and the filters all come from the same data as the pages.
//
// Pagefind keeps `content` as given and the search page prints excerpts of it, and filter values, as HTML:
// both are escaped here. `meta` values are printed as text by Pagefind's UI and stay raw.
import type { SiteData, SeedPage, VerdictPage } from './site-data.ts';
import { escapeHtml } from './html.ts';
import { INVISIBLE_IN_TEXT } from '../content/invisible-text.ts';
import { codePointLabel } from '../model/visible.ts';
import { compareText } from '../model/order.ts';

/** Pagefind's filter names, as the search page shows them (its UI capitalises the first letter). */
export const SEARCH_FILTERS = { rating: 'rating', topic: 'topic', claimant: 'claimant', source: 'source text' } as const;

export interface SearchRecord {
  /** The page's site path, without the path prefix: the search page adds it (Pagefind's `baseUrl`). */
  url: string;
  /** What a reader searches, as escaped HTML text. */
  content: string;
  language: string;
  meta: { title: string; rating?: string };
  filters: Record<string, string[]>;
}

/**
 * Text as Pagefind's content or a filter value: escaped, each invisible character (a bidi override could
 * reorder the excerpt around it) as its code-point label such as U+202E, and no word starting with "_": Pagefind reads words
 * such as `___PAGEFIND_WEIGHT___0` in the content as its own instructions. A zero-width space before the
 * word stops that and is dropped from the indexed word (Pagefind strips U+200B).
 */
export function searchText(text: string): string {
  return escapeHtml(text.replace(INVISIBLE_IN_TEXT, (c) => ` ${codePointLabel(c.charCodeAt(0))} `)).replace(/(^|\s)_/g, '$1\u200B_');
}

/** The text of the explanation's HTML (markdown-it's, already escaped): tags become spaces. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^|\s)_/g, '$1\u200B_');
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareText);

export function verdictRecord(page: VerdictPage, site: SiteData): SearchRecord {
  const v = page.verdict;
  const claimant = site.claimant(v);
  const { before, passage, after } = page.context;
  // The title is searched as the record's meta; in the content it would only repeat itself in excerpts.
  const parts = [
    searchText(v.claim),
    claimant ? searchText(`Claimed by ${claimant.name}`) : '',
    searchText(`${before}${passage}${after}`),
    htmlText(page.explanationHtml),
    v.tags.length ? searchText(`Topics: ${v.tags.join(', ')}`) : '',
  ];
  const filters: Record<string, string[]> = {
    [SEARCH_FILTERS.rating]: [searchText(page.level.label)],
    [SEARCH_FILTERS.source]: [searchText(page.seedTitle)],
  };
  if (v.tags.length) filters[SEARCH_FILTERS.topic] = sorted(v.tags.map(searchText));
  if (claimant) filters[SEARCH_FILTERS.claimant] = [searchText(claimant.name)];
  return {
    url: page.url,
    content: parts.filter(Boolean).join(' · '),
    language: site.site.language,
    meta: { title: v.title, rating: page.level.label },
    filters,
  };
}

export function seedRecord(page: SeedPage, site: SiteData): SearchRecord {
  return {
    url: page.url,
    content: searchText(page.seed.text),
    language: site.site.language,
    meta: { title: `Source text: ${page.title}` },
    filters: { [SEARCH_FILTERS.source]: [searchText(page.title)] },
  };
}

/**
 * About how much text one Pagefind index holds. Pagefind needs about 70 times its records' text in memory
 * while it builds an index (1.4 GB for the 19 MB of the reference size, 1,000 seeds and 10,000 verdicts),
 * so a large site's records are split into several indexes of at most this much, built one after the
 * other; the search page searches them together (Pagefind's mergeIndex).
 */
export const SHARD_TEXT = 24 * 1024 ** 2;
/**
 * SHARD_TEXT, or SEARCH_SHARD_TEXT from the environment (bytes): a test builds a small site in several
 * indexes with it, to search them together as a large site's search page does.
 */
export function shardText(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env['SEARCH_SHARD_TEXT']);
  return Number.isInteger(value) && value > 0 ? value : SHARD_TEXT;
}

/** What a verdict's record holds besides its title, claim and explanation (the passage in context, names). */
const VERDICT_EXTRA = 600;

/** One index: where it is published (a site path; the first is Pagefind's default) and the pages in it. */
export interface SearchShard {
  bundle: string;
  verdicts: VerdictPage[];
  seeds: SeedPage[];
}

/**
 * The site's records in shards of about SHARD_TEXT, verdicts (by slug) then seeds (by id), sized from the
 * model's text lengths so the search page knows the shards before the records are made.
 */
export function searchShards(verdicts: readonly VerdictPage[], seeds: readonly SeedPage[], limit = SHARD_TEXT): SearchShard[] {
  const shards: SearchShard[] = [{ bundle: '/pagefind/', verdicts: [], seeds: [] }];
  let size = 0;
  const place = (weight: number): SearchShard => {
    let shard = shards.at(-1)!;
    if (size > 0 && size + weight > limit) {
      shard = { bundle: `/pagefind/${shards.length + 1}/`, verdicts: [], seeds: [] };
      shards.push(shard);
      size = 0;
    }
    size += weight;
    return shard;
  };
  for (const page of verdicts)
    place(page.verdict.title.length + page.verdict.claim.length + page.verdict.body.length + VERDICT_EXTRA).verdicts.push(page);
  for (const page of seeds) place(page.seed.text.length).seeds.push(page);
  return shards;
}

/** The records of one shard. */
export function* shardRecords(shard: SearchShard, site: SiteData): Generator<SearchRecord> {
  for (const page of shard.verdicts) yield verdictRecord(page, site);
  for (const page of shard.seeds) yield seedRecord(page, site);
}
