// A draft has a page in a preview and no trace in a production build. The same project (a published verdict
// and a draft) is built twice: without PREVIEW, not one file of the site (the search index decompressed,
// the share images by name) holds the draft's slug, title, claim or explanation; with PREVIEW=1 the draft
// has its page, with a banner, noindex and no ClaimReview, and its share image, it is labelled on the
// listings and on its seed page, and it is in no feed, sitemap, ClaimReview feed, annotation or search index.
// And check is the contract: a draft whose quote does not anchor fails check, and the preview build with
// the same message.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, SEED_ALPHA, verdictText } from './support/project.ts';
import { attr, buildSite, byTag, find, findAll, listFiles, readPage, text, type Element } from './support/site.ts';
import { runCli, runCliSync } from './support/cli.ts';

const SLUG = 'mayor-wall-cost-draft';
/** In the draft's title, claim and explanation, and nowhere else in the project. */
const MARK = 'Quillwort';
const DRAFT = verdictText(
  {
    title: `title: ${MARK} draft title on the cost of the wall`,
    quote: 'quote: The mayor said the wall would cost 4 million euros',
    claim: `claim: ${MARK} claim that the wall costs 4 million euros`,
    rating: 'rating: false',
    draft: 'draft: true',
  },
  `${MARK} explanation, not yet published.\n`,
);
// Share images are drawn: the draft's must be in the preview and not in production.
const ENV = { SITE_URL: 'https://news.example', SHARE_IMAGES: 'on', SHARE_IMAGE_CACHE: 'off' };

let root: string;
let production: string;
let preview: string;

/** A file's text, decompressed when it is gzip (Pagefind's index and fragments are). */
function contents(file: string): string {
  const bytes = fs.readFileSync(file);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The files of a built site whose path or contents name the draft. */
function traces(site: string): string[] {
  return listFiles(site).filter((file) => file.includes(SLUG) || new RegExp(`${SLUG}|${MARK}`, 'i').test(contents(path.join(site, file))));
}

beforeAll(async () => {
  root = makeProject({
    'seeds/alpha.txt': SEED_ALPHA,
    'content/verdicts/sea-wall-vote.md': verdictText(),
    [`content/verdicts/${SLUG}.md`]: DRAFT,
  });
  [production, preview] = await Promise.all([buildSite(root, { env: ENV }), buildSite(root, { env: { ...ENV, PREVIEW: '1' } })]);
});
afterAll(removeProjects);

describe('a production build (no PREVIEW)', () => {
  it('has no trace of the draft in any file, the search index and the share images included', () => {
    expect(traces(production)).toEqual([]);
    // nor any draft markup or its styles (preview.css is appended to the CSS in a preview only)
    expect(
      listFiles(production).filter((f) => /\.(html|css)$/.test(f) && /draft-(banner|label)/.test(contents(path.join(production, f)))),
    ).toEqual([]);
    expect(contents(path.join(preview, 'assets/site.css'))).toContain('.draft-label');
    // and the published verdict is there, in the same places (so the search above can find things)
    expect(traces(preview).length).toBeGreaterThan(0);
    expect(listFiles(production)).toEqual(
      expect.arrayContaining(['verdicts/sea-wall-vote/index.html', 'verdicts/sea-wall-vote/share.png']),
    );
    expect(
      listFiles(production).some(
        (f) => f.startsWith('pagefind/fragment/') && contents(path.join(production, f)).includes('/verdicts/sea-wall-vote/'),
      ),
    ).toBe(true);
  });
});

describe('a preview build (PREVIEW=1)', () => {
  const page = () => readPage(preview, `verdicts/${SLUG}/index.html`);

  it('has the draft’s page, with the draft banner, noindex and no ClaimReview, and its share image', () => {
    const banner = find(page(), (e) => attr(e, 'class') === 'draft-banner')!;
    expect(text(banner)).toMatch(/^Draft: not published\./);
    const robots = find(page(), (e) => e.tagName === 'meta' && attr(e, 'name') === 'robots');
    expect(attr(robots!, 'content')).toMatch(/^noindex/);
    expect(text(find(page(), byTag('h1'))!)).toBe(`${MARK} draft title on the cost of the wall`);
    const scripts = findAll(page(), (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map(text);
    expect(scripts.join('')).not.toContain('ClaimReview');
    expect(fs.existsSync(path.join(preview, 'verdicts', SLUG, 'share.png'))).toBe(true);
    // its date, in the byline, is not called a publication date
    const byline = (p: Element) => text(find(p, (e) => attr(e, 'class') === 'byline')!);
    expect(byline(page())).toContain('Dated (a draft)');
    expect(byline(page())).not.toContain('Published');
    expect(byline(readPage(preview, 'verdicts/sea-wall-vote/index.html'))).toContain('Published');
  });

  it('keeps the draft out of the feeds, the sitemap, the annotations and the search index', () => {
    const found = traces(preview);
    expect(found).toEqual(expect.arrayContaining([`verdicts/${SLUG}/index.html`, 'index.html', 'seeds/alpha/index.html']));
    for (const file of found) expect(file).not.toMatch(/^(feed\.xml|sitemap\.xml|claimreview\.json|annotations\.jsonld|robots\.txt)$/);
    // Search finds no page of the draft and none of its words; the seed page's entry lists the element ids
    // on that page, the draft's passage among them.
    const index = listFiles(preview)
      .filter((f) => f.startsWith('pagefind/'))
      .map((f) => contents(path.join(preview, f)));
    expect(index.filter((t) => t.includes(`/verdicts/${SLUG}/`) || new RegExp(MARK, 'i').test(t))).toEqual([]);
    // the published verdict is in the sitemap and the search index of the same build
    expect(fs.readFileSync(path.join(preview, 'sitemap.xml'), 'utf8')).toContain('/verdicts/sea-wall-vote/');
    expect(
      listFiles(preview).some(
        (f) => f.startsWith('pagefind/fragment/') && contents(path.join(preview, f)).includes('/verdicts/sea-wall-vote/'),
      ),
    ).toBe(true);
  });

  it('labels the draft where it is listed and marks its passage on its seed page, where the draft page links', () => {
    const item = findAll(readPage(preview, 'index.html'), (e) => attr(e, 'class') === 'verdict-item').find((li) =>
      text(li).includes(MARK),
    )!;
    expect(text(find(item, (e) => attr(e, 'class') === 'draft-label')!)).toBe('Draft');
    const seedPage = readPage(preview, 'seeds/alpha/index.html');
    const note = findAll(seedPage, byTag('li')).find(
      (li) => find(li, (e) => attr(e, 'href') === `/verdicts/${SLUG}/`) && find(li, (e) => attr(e, 'class') === 'to-passage'),
    )!;
    expect(text(find(note, (e) => attr(e, 'class') === 'draft-label')!)).toBe('Draft');
    const passageLink = find(page(), (e) => e.tagName === 'a' && text(e) === 'See the passage in the full source text')!;
    const [target, id] = attr(passageLink, 'href')!.split('#');
    expect(target).toBe('/seeds/alpha/');
    expect(
      find(seedPage, (e) => attr(e, 'id') === id),
      `#${id} on the seed page`,
    ).toBeDefined();
    const pin = find(seedPage, (e) => attr(e, 'id') === id)!;
    expect(attr(pin, 'aria-label')).toContain('(draft, not published)');
  });
});

describe('the tallies of the archive pages', () => {
  const caption = (site: string) => {
    const outlet = listFiles(site).find((file) => file.startsWith('outlets/') && file !== 'outlets/index.html')!;
    return text(find(readPage(site, outlet), byTag('caption'))!);
  };
  it("count published fact-checks in production, and say a preview's count includes its drafts", () => {
    expect(caption(production)).toBe('1 published fact-check by rating');
    expect(caption(preview)).toBe('2 fact-checks by rating, drafts included');
  });
});

describe('a draft whose quote does not anchor', () => {
  it('fails check with its file and line, and the preview build stops with the same message', async () => {
    const broken = makeProject({
      'seeds/alpha.txt': SEED_ALPHA,
      [`content/verdicts/${SLUG}.md`]: DRAFT.replace(
        'The mayor said the wall would cost 4 million euros',
        'The harbour master resigned on Friday',
      ),
    });
    const check = runCliSync('check', ['--root', broken]);
    expect(check.status).toBe(1);
    const line = check.stdout.split('\n').find((l) => l.includes('[quote-not-found]'))!;
    expect(line).toMatch(new RegExp(`^content/verdicts/${SLUG}\\.md:\\d+:\\d+: error: `));
    const build = await runCli('build', ['--root', broken, '--output', path.join(broken, 'out')], { env: { PREVIEW: '1' } });
    expect(build.status).toBe(1);
    expect(build.stdout + build.stderr).toContain(line);
    expect(fs.existsSync(path.join(broken, 'out'))).toBe(false);
  });
});
