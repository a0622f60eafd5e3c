// Throwaway project folders for tests: seeds/, content/verdicts/ and the scale, written from strings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const created: string[] = [];

/** The default scale as the fixtures carry it. */
export const FIXTURE_SCALE = readFileSync(new URL('../fixtures/clean/content/_data/ratings.yml', import.meta.url), 'utf8');

/**
 * A project with the given files (project-relative path -> content). seeds/, content/verdicts/ and the
 * default scale exist unless `files` overrides the scale (pass null to leave a file out). Seed alpha comes
 * with its metadata (SEED_ALPHA_META: url and published, so check has nothing to say about what the
 * structured data lacks) unless `files` gives `seeds/alpha.yml` (null: none).
 */
export function makeProject(files: Record<string, string | Uint8Array | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'factcheck-test-'));
  created.push(root);
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content/verdicts'), { recursive: true });
  const alphaMeta: Record<string, string> =
    'seeds/alpha.txt' in files && !('seeds/alpha.yml' in files) ? { 'seeds/alpha.yml': SEED_ALPHA_META } : {};
  const all: Record<string, string | Uint8Array | null> = { 'content/_data/ratings.yml': FIXTURE_SCALE, ...alphaMeta, ...files };
  for (const [path, content] of Object.entries(all)) {
    if (content === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Removes every folder made by makeProject (call from afterAll). */
export function removeProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export const SEED_ALPHA = readFileSync(new URL('../fixtures/clean/seeds/alpha.txt', import.meta.url), 'utf8');
export const SEED_ALPHA_META = readFileSync(new URL('../fixtures/clean/seeds/alpha.yml', import.meta.url), 'utf8');

/** A valid verdict on seed alpha; `overrides` replaces whole front-matter lines by key (null removes the key). */
export function verdictText(overrides: Record<string, string | null> = {}, body = 'Explanation.\n'): string {
  const fields: Record<string, string> = {
    title: 'title: The council voted for a sea wall',
    seed: 'seed: alpha',
    quote: 'quote: The council of Port Ellery voted on Tuesday to build a new sea wall',
    rating: 'rating: accurate',
    sources: 'sources:\n  - title: Port Ellery council minutes\n    url: https://example.org/minutes',
    author: 'author: Test Editor',
    date: 'date: 2024-03-01',
  };
  for (const [key, line] of Object.entries(overrides)) {
    if (line === null) delete fields[key];
    else fields[key] = line;
  }
  return `---\n${Object.values(fields).join('\n')}\n---\n${body}`;
}
