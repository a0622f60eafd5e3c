// npm start after a save: only the pages that depend on the change are rendered and written again (the
// verdict, the seed pages it highlights, the listings and feeds it appears in); an unrelated verdict's page
// and seed page are left as they were. A deleted verdict's page is removed. No timing: what is written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, verdictText } from './support/project.ts';
import { startDevServer, type DevServer } from './support/dev-server.ts';
import { buildSite } from './support/site.ts';
import { DEV_SCRIPT } from '../src/eleventy/dev-server.ts';

const fixture = (file: string) => fs.readFileSync(new URL(`fixtures/clean/${file}`, import.meta.url), 'utf8');
const SENTINEL = '<!-- left as the first build wrote it -->';

let server: DevServer;
let root: string;
const served = (file: string) => path.join(root, '.cache/serve', file);
const read = (file: string) => fs.readFileSync(served(file), 'utf8');
/** Marks a written page so that a rewrite shows (Eleventy replaces the whole file when it writes it). */
const mark = (file: string) => fs.appendFileSync(served(file), SENTINEL);
const lighthouse = verdictText({
  title: 'title: The lighthouse was switched off in 1998',
  seed: 'seed: gamma',
  quote: 'quote: The old lighthouse on the point was switched off in 1998',
  date: 'date: 2024-01-01',
  claimant: 'claimant: Harbour Master',
  tags: 'tags: [lighthouses]',
});

beforeAll(async () => {
  root = makeProject({
    'seeds/alpha.txt': fixture('seeds/alpha.txt'),
    'seeds/alpha.yml': fixture('seeds/alpha.yml'),
    'seeds/beta.txt': fixture('seeds/beta.txt'),
    'seeds/gamma.txt': 'Lighthouse keepers\n\nThe old lighthouse on the point was switched off in 1998 after a storm.\n',
    'content/verdicts/sea-wall-vote.md': fixture('content/verdicts/sea-wall-vote.md'),
    'content/verdicts/lighthouse.md': lighthouse,
  });
  // PREVIEW=0: npm start renders what production publishes, ClaimReview and annotations included, so the
  // whole-site files it reuses item by item are compared with a production build's.
  server = await startDevServer(root, { PREVIEW: '0' });
});
afterAll(async () => {
  await server?.close();
  removeProjects();
});

describe('a save during npm start', () => {
  it('re-renders the changed verdict and the seed pages it highlights, and leaves an unrelated page unwritten', async () => {
    const unrelated = [
      'verdicts/lighthouse/index.html',
      'seeds/gamma/index.html',
      'claimants/harbour-master/index.html',
      'topics/lighthouses/index.html',
    ];
    // its claimant's, topics' and outlet's pages list it
    const archive = [
      'claimants/port-ellery-gazette/index.html',
      'topics/harbour/index.html',
      'topics/council/index.html',
      'outlets/port-ellery-gazette-fictional-test-outlet/index.html',
    ];
    const related = ['verdicts/sea-wall-vote/index.html', 'seeds/alpha/index.html', 'seeds/beta/index.html', 'index.html', ...archive];
    for (const file of [...unrelated, ...related]) mark(file);

    const file = path.join(root, 'content/verdicts/sea-wall-vote.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: The council did vote for a new sea wall'));
    await server.waitFor(/Wrote \d+ files?/, 2, 30_000);

    for (const page of related) {
      expect(read(page), page).not.toContain(SENTINEL);
      expect(read(page), page).toContain('The council did vote for a new sea wall');
    }
    expect(read('feed.xml')).toContain('The council did vote for a new sea wall');
    for (const page of unrelated) expect(read(page), page).toContain(SENTINEL);
  });

  it('removes the page of a deleted verdict and renders its seed page again', async () => {
    mark('seeds/alpha/index.html');
    fs.rmSync(path.join(root, 'content/verdicts/lighthouse.md'));
    // Eleventy's watcher rebuilds on a change or a new file, not on a deletion: the next save shows it.
    const other = path.join(root, 'content/verdicts/sea-wall-vote.md');
    fs.writeFileSync(other, fs.readFileSync(other));
    await server.waitFor(/Wrote \d+ files?/, 3, 30_000);
    expect(fs.existsSync(served('verdicts/lighthouse/index.html'))).toBe(false);
    // its claimant and its tag had no other verdict: their pages are gone too
    expect(fs.existsSync(served('claimants/harbour-master/index.html'))).toBe(false);
    expect(fs.existsSync(served('topics/lighthouses/index.html'))).toBe(false);
    expect(read('seeds/gamma/index.html')).toContain('No passage of this text has been fact-checked yet.');
    expect(read('seeds/alpha/index.html')).toContain(SENTINEL);
  });

  it("moves a verdict whose claimant changed from the old claimant's page to the new one's, and renders the index of claimants again", async () => {
    mark('claimants/index.html');
    mark('topics/harbour/index.html');
    const file = path.join(root, 'content/verdicts/sea-wall-vote.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^claimant: .*$/m, 'claimant: Harbour Master'));
    await server.waitFor(/Wrote \d+ files?/, 4, 30_000);
    expect(fs.existsSync(served('claimants/port-ellery-gazette/index.html'))).toBe(false);
    expect(read('claimants/harbour-master/index.html')).toContain('The council did vote for a new sea wall');
    expect(read('claimants/index.html')).not.toContain(SENTINEL);
    expect(read('claimants/index.html')).toContain('Harbour Master');
    // the topic page prints the claimant of each verdict it lists
    expect(read('topics/harbour/index.html')).not.toContain(SENTINEL);
  });

  it('renders a verdict page again when the claimants.yml entry it names changes', async () => {
    const claimants = path.join(root, 'content/_data/claimants.yml');
    fs.writeFileSync(claimants, '- key: gazette\n  name: Port Ellery Gazette\n  type: Organization\n');
    await server.waitFor(/Wrote \d+ files?/, 5, 30_000);
    const verdict = path.join(root, 'content/verdicts/sea-wall-vote.md');
    fs.writeFileSync(verdict, fs.readFileSync(verdict, 'utf8').replace(/^claimant: .*$/m, 'claimant: gazette'));
    await server.waitFor(/Wrote \d+ files?/, 6, 30_000);
    expect(read('verdicts/sea-wall-vote/index.html')).toContain('Claimed by Port Ellery Gazette');

    mark('verdicts/sea-wall-vote/index.html');
    fs.writeFileSync(claimants, '- key: gazette\n  name: The Port Ellery Gazette\n  type: Organization\n');
    await server.waitFor(/Wrote \d+ files?/, 7, 30_000);
    expect(read('verdicts/sea-wall-vote/index.html')).not.toContain(SENTINEL);
    expect(read('verdicts/sea-wall-vote/index.html')).toContain('Claimed by The Port Ellery Gazette');
  });

  it('renders every page again when a value printed site-wide changes', async () => {
    // Seed titles are printed in listings, side columns and sources: a seed's metadata concerns every page.
    mark('verdicts/sea-wall-vote/index.html');
    fs.appendFileSync(path.join(root, 'seeds/gamma.yml'), 'title: Lighthouse keepers\n');
    await server.waitFor(/Wrote \d+ files?/, 8, 30_000);
    expect(read('verdicts/sea-wall-vote/index.html')).not.toContain(SENTINEL);
  });

  it('writes a changed page, and the whole-site files it is in, with the bytes a full build writes for them', async () => {
    // Only the saved verdict's items of /claimreview.json and /annotations.jsonld are made again; the others
    // (the lighthouse verdict's, made when it was added) are kept from the last save.
    fs.writeFileSync(path.join(root, 'content/verdicts/lighthouse.md'), lighthouse);
    await server.waitFor(/Wrote \d+ files?/, 9, 30_000);
    const file = path.join(root, 'content/verdicts/sea-wall-vote.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: The council voted for a sea wall on Tuesday'));
    await server.waitFor(/Wrote \d+ files?/, 10, 30_000);
    const built = await buildSite(root);
    const pages = [
      'verdicts/sea-wall-vote/index.html',
      'verdicts/lighthouse/index.html',
      'seeds/alpha/index.html',
      'seeds/beta/index.html',
      'index.html',
      'feed.xml',
      'sitemap.xml',
      'claimreview.json',
      'annotations.jsonld',
    ];
    for (const page of pages) {
      // npm start adds its error-page script to every HTML page (dev-server.ts); nothing else differs.
      expect(read(page).replace(`${DEV_SCRIPT}\n`, ''), page).toBe(fs.readFileSync(path.join(built, page), 'utf8'));
    }
    expect(read('claimreview.json')).toContain('The council voted for a sea wall on Tuesday');
  });
});
