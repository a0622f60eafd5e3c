// Global data files: Eleventy reads every file in content/_data/ into every template's data, and some keys
// (eleventyComputed, templateEngineOverride, permalink, layout, pagination...) make it run or re-route
// templates. Only the files our own loaders validate are data; a change to any other is a change of code.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../model/types.ts';

export const DATA_DIR = 'content/_data';
/** The global data files the site reads and validates itself (site-meta.ts, ratings.ts, the claimants loader). */
export const KNOWN_DATA_FILES: readonly string[] = ['site.json', 'ratings.yml', 'claimants.yml'];

export interface DataFileChange {
  /** Project-relative, e.g. `content/_data/site.json`. */
  file: string;
  change: 'added' | 'modified' | 'deleted';
  /** One of KNOWN_DATA_FILES. */
  known: boolean;
}

/** The changed files (project-relative, from changedFiles) under content/_data/, with what happened to each, sorted. */
export function dataFileChanges(baseRoot: string, headRoot: string, changed: readonly string[]): DataFileChange[] {
  return changed
    .filter((file) => file.startsWith(`${DATA_DIR}/`))
    .sort()
    .map((file) => {
      const inBase = existsSync(path.join(baseRoot, file));
      const inHead = existsSync(path.join(headRoot, file));
      const change = !inBase ? 'added' : !inHead ? 'deleted' : 'modified';
      return { file, change, known: KNOWN_DATA_FILES.includes(file.slice(DATA_DIR.length + 1)) };
    });
}

/** A data-file-unknown error for every change to a data file other than KNOWN_DATA_FILES. */
export function dataFileProblems(changes: readonly DataFileChange[]): Problem[] {
  return changes
    .filter((c) => !c.known)
    .map((c) => ({
      file: c.file,
      line: 1,
      column: 1,
      severity: 'error' as const,
      rule: 'data-file-unknown' as const,
      message:
        `this pull request ${c.change === 'added' ? 'adds' : c.change === 'deleted' ? 'deletes' : 'changes'} ${c.file}, which is not one of the site's data files (${KNOWN_DATA_FILES.join(', ')}). ` +
        `Global data files steer Eleventy (keys like eleventyComputed, templateEngineOverride or permalink run or re-route templates): they are code, not content. ` +
        `${c.change === 'deleted' ? 'Restore it' : 'Remove it'}, or ask a maintainer to make the change in the site's code.`,
    }));
}
