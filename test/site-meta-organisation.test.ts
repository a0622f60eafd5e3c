// The publishing organisation (ClaimReview `author`) without a URL of its own is the site itself: its home
// page under the build's path prefix, never the bare origin, which under --pathprefix is not this site.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteSettings, siteMeta } from '../src/eleventy/site-meta.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project(site: object): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-site-meta-'));
  made.push(root);
  fs.mkdirSync(path.join(root, 'content/_data'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'content/_data/site.json'),
    JSON.stringify({ title: 'T', description: 'D', url: 'https://example.org', notice: 'N', ...site }),
  );
  return root;
}

describe('the organisation URL', () => {
  it("is the site's home, path prefix included, when site.json gives none", () => {
    const settings = readSiteSettings(project({ organisation: { name: 'Newsroom' } }));
    expect(siteMeta(settings).organisation.url).toBe('https://example.org/');
    expect(siteMeta(settings, '/factcheck/').organisation.url).toBe('https://example.org/factcheck/');
    const moved = readSiteSettings(project({ organisation: { name: 'Newsroom' } }), { siteUrl: 'https://preview.example.net/pr-7/' });
    expect(siteMeta(moved, '/factcheck/').organisation.url).toBe('https://preview.example.net/pr-7/factcheck/');
  });

  it("is site.json's own when given, whatever the prefix", () => {
    const settings = readSiteSettings(project({ organisation: { name: 'Newsroom', url: 'https://newsroom.example.net/' } }));
    expect(siteMeta(settings, '/factcheck/').organisation).toEqual({ name: 'Newsroom', url: 'https://newsroom.example.net/' });
  });
});
