// Share images: one 1200×630 PNG per published verdict (the rating label on its colour, the claim, the site's
// name), drawn at build time with satori (layout to SVG) and resvg (SVG to PNG, as WebAssembly), in Source
// Sans 3 from @fontsource/source-sans-3 (woff: satori does not read woff2). Nothing is downloaded.
//
// Deterministic: the same input gives the same bytes. Each image is cached under the SHA-256 of everything
// that is drawn (and of this renderer's version), so a rebuild redraws only the verdicts whose rating,
// claim, colour or site name changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
/** Changes whenever the drawing changes, so cached images of an older layout are not reused. */
const RENDERER_VERSION = 'share-image-1';
/** The claim is cut (at a word, with an ellipsis) beyond this many characters: the card has room for about five lines. */
export const CLAIM_LIMIT = 220;

export interface ShareCard {
  /** The rating's label, e.g. "Mostly accurate". */
  label: string;
  /** The badge colour, #rrggbb (the scale's; white text on it reaches WCAG AA). */
  colour: string;
  claim: string;
  siteName: string;
}

const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Font[] | undefined;
let wasmReady: Promise<void> | undefined;

function loadFonts(): Font[] {
  fonts ??= SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      // one family per subset: satori falls back from family to family for a missing glyph
      name: `Source Sans 3 ${subset}`,
      data: fs.readFileSync(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

function ready(): Promise<void> {
  wasmReady ??= initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}

/** At most CLAIM_LIMIT characters, cut at a word boundary with an ellipsis. */
export function fitClaim(claim: string): string {
  const chars = [...claim.replace(/\s+/g, ' ').trim()];
  if (chars.length <= CLAIM_LIMIT) return chars.join('');
  const cut = chars.slice(0, CLAIM_LIMIT - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > CLAIM_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The hash an image is cached under: everything drawn, and the renderer's version. */
export function shareImageHash(card: ShareCard): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, card.label, card.colour, fitClaim(card.claim), card.siteName]))
    .digest('hex');
}

const MARGIN = 64;
const FAMILIES = SUBSETS.map((subset) => `'Source Sans 3 ${subset}'`).join(', ');

type Element = { type: string; props: { style?: Record<string, string | number>; children?: (Element | string)[] | Element | string } };
const el = (type: string, style: Record<string, string | number>, children?: Element['props']['children']): Element => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

/**
 * The card's layout. Text goes to satori as text nodes (never markup), so whatever an editor wrote is drawn
 * as written and cannot add elements.
 */
function layout(card: ShareCard): Element {
  const inner = el(
    'div',
    {
      width: SHARE_WIDTH - 2 * MARGIN,
      height: SHARE_HEIGHT - 2 * MARGIN,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
    },
    [
      el('div', { display: 'flex' }, [
        el(
          'div',
          {
            display: 'flex',
            background: card.colour,
            color: '#ffffff',
            fontSize: 44,
            fontWeight: 700,
            padding: '10px 28px',
            borderRadius: 10,
          },
          card.label,
        ),
      ]),
      el('div', { display: 'flex', fontSize: 50, lineHeight: 1.25, fontWeight: 400 }, `“${fitClaim(card.claim)}”`),
      el(
        'div',
        {
          display: 'flex',
          justifyContent: 'space-between',
          fontSize: 30,
          color: '#57606a',
          borderTop: '2px solid #d0d7de',
          paddingTop: 20,
        },
        [el('div', { display: 'flex', fontWeight: 700 }, card.siteName), el('div', { display: 'flex' }, 'Fact-check')],
      ),
    ],
  );
  return el(
    'div',
    {
      width: SHARE_WIDTH,
      height: SHARE_HEIGHT,
      display: 'flex',
      padding: MARGIN,
      background: '#ffffff',
      color: '#1f2328',
      fontFamily: FAMILIES,
    },
    [inner],
  );
}

/** The PNG of one card, 1200×630. */
export async function renderShareImage(card: ShareCard): Promise<Buffer> {
  await ready();
  const svg = await satori(layout(card), { width: SHARE_WIDTH, height: SHARE_HEIGHT, fonts: loadFonts() });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_WIDTH } }).render().asPng();
  return Buffer.from(png);
}

export interface ShareImageJob {
  card: ShareCard;
  /** Where the PNG goes (the build's output folder). */
  file: string;
}

/**
 * Writes every job's PNG, drawing only those not in `cacheDir` (named by shareImageHash); a cache that
 * cannot be written is skipped, never fatal. Returns how many were drawn and how many came from the cache.
 */
export async function writeShareImages(
  jobs: readonly ShareImageJob[],
  cacheDir: string | undefined,
): Promise<{ drawn: number; cached: number }> {
  let drawn = 0;
  let cached = 0;
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
  for (const job of jobs) {
    const cacheFile = cacheDir && path.join(cacheDir, `${shareImageHash(job.card)}.png`);
    fs.mkdirSync(path.dirname(job.file), { recursive: true });
    if (cacheFile && fs.existsSync(cacheFile)) {
      fs.copyFileSync(cacheFile, job.file);
      cached++;
      continue;
    }
    const png = await renderShareImage(job.card);
    fs.writeFileSync(job.file, png);
    drawn++;
    if (cacheFile) {
      // written beside, then renamed: a build killed half-way never leaves a truncated image in the cache
      const partial = `${cacheFile}.${process.pid}.partial`;
      try {
        fs.writeFileSync(partial, png);
        fs.renameSync(partial, cacheFile);
      } catch {
        fs.rmSync(partial, { force: true });
      }
    }
  }
  return { drawn, cached };
}
