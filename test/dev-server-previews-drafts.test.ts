// npm start is a preview: a draft has its page there, with the draft banner, beside the preview banner and
// without ClaimReview; `PREVIEW=0 npm start` serves what a production build makes, without the draft.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects } from './support/project.ts';
import { startDevServer, type DevServer } from './support/dev-server.ts';

const fixture = (file: string) => fs.readFileSync(new URL(`fixtures/clean/${file}`, import.meta.url), 'utf8');
/** The clean fixture: a published verdict and a draft (engineering-report). */
const project = () =>
  makeProject({
    'seeds/alpha.txt': fixture('seeds/alpha.txt'),
    'seeds/beta.txt': fixture('seeds/beta.txt'),
    'seeds/beta.yml': fixture('seeds/beta.yml'),
    'content/verdicts/sea-wall-vote.md': fixture('content/verdicts/sea-wall-vote.md'),
    'content/verdicts/engineering-report.md': fixture('content/verdicts/engineering-report.md'),
  });
const servers: DevServer[] = [];
const served = (server: DevServer, file: string) => path.join(server.root, '.cache/serve', file);

beforeAll(async () => {
  servers.push(...(await Promise.all([startDevServer(project(), { PREVIEW: undefined }), startDevServer(project(), { PREVIEW: '0' })])));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  removeProjects();
});

describe('npm start', () => {
  it('renders a draft’s page with the draft banner, in a preview (banner, no ClaimReview)', () => {
    const page = fs.readFileSync(served(servers[0]!, 'verdicts/engineering-report/index.html'), 'utf8');
    expect(page).toContain('<strong>Draft: not published.</strong>');
    expect(page).toContain('class="preview-banner"');
    expect(page).not.toContain('application/ld+json');
    expect(fs.readFileSync(served(servers[0]!, 'index.html'), 'utf8')).toContain('class="draft-label"');
    expect(fs.readFileSync(served(servers[0]!, 'feed.xml'), 'utf8')).not.toContain('engineering-report');
  });

  it('with PREVIEW=0 serves no draft, and the published verdict with its ClaimReview', () => {
    expect(fs.existsSync(served(servers[1]!, 'verdicts/engineering-report/index.html'))).toBe(false);
    expect(fs.readFileSync(served(servers[1]!, 'index.html'), 'utf8')).not.toContain('engineering-report');
    const page = fs.readFileSync(served(servers[1]!, 'verdicts/sea-wall-vote/index.html'), 'utf8');
    expect(page).toContain('"@type":"ClaimReview"');
    expect(page).not.toContain('class="preview-banner"');
  });
});
