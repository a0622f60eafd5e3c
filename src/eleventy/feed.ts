// /feed.xml, from the model: the FEED_ENTRIES newest verdict pages as an Atom feed. The markup is
// _includes/pages/feed.njk, the Atom template of @11ty/eleventy-plugin-rss (its feedPlugin) with this
// data in place of an Eleventy collection; it keeps that plugin's filters (dateToRfc3339,
// getNewestCollectionItemDate, renderTransforms) so the feed is the one the plugin wrote.
import type { SiteMeta } from '../model/types.ts';
import type { VerdictPage } from './verdict-page.ts';

export interface FeedEntry {
  title: string;
  /** The verdict page's URL, a site path (the template makes it absolute). */
  url: string;
  /** The verdict's publication date, midnight UTC. */
  date: Date;
  page: VerdictPage;
  /** The page as Eleventy's `renderTransforms` filter reads it (its URL resolves #fragment links). */
  transformPage: { url: string; outputPath: string; inputPath: string };
}

export interface AtomFeed {
  metadata: { language: string; title: string; subtitle: string; base: string; author: { name: string } };
  /** Newest first. */
  entries: FeedEntry[];
  /**
   * The feed's `<updated>` when it has no entries. The plugin's filter would take the build's clock, and
   * the same input must give the same bytes, so an empty feed says it was last updated at the epoch.
   */
  emptyUpdated: Date;
}

/** `2026-11-21` -> that day at 00:00 UTC, as Eleventy reads a `date` in front matter. */
export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function atomFeed(site: SiteMeta, newest: VerdictPage[]): AtomFeed {
  return {
    metadata: {
      language: site.language,
      title: site.title,
      subtitle: site.description,
      base: `${site.url}/`,
      author: { name: site.organisation.name },
    },
    entries: newest.map((page) => ({
      title: page.title,
      url: page.url,
      date: utcDate(page.verdict.date),
      page,
      transformPage: { url: page.url, outputPath: page.outputPath, inputPath: page.verdict.file },
    })),
    emptyUpdated: new Date(0),
  };
}
