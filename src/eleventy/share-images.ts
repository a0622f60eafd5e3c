// The adapter between the build and src/site/share-image.ts: one share image per verdict page (a draft's too, in a
// preview: a reviewer sees the card it will be shared with), written into
// the output folder after Eleventy has written the pages, cached in the project's .cache/share-images/
// (SHARE_IMAGE_CACHE=<folder> moves it; SHARE_IMAGE_CACHE=off draws every image). SHARE_IMAGES=off leaves
// them out (the benchmark does, to keep its build figures comparable; docs/benchmarks.md gives their cost).
import path from 'node:path';
import { shareImageUrl } from '../site/urls.ts';
import type { ShareImageJob } from '../site/share-image.ts';
import type { SiteData } from './site-data.ts';

export const shareImagesEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env['SHARE_IMAGES']?.trim() !== 'off';

export function shareImageCacheDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env['SHARE_IMAGE_CACHE']?.trim();
  if (setting === 'off') return undefined;
  return setting ? path.resolve(setting) : path.join(projectRoot, '.cache', 'share-images');
}

/** One job per verdict page: its card and the PNG's place in `outputDir`. */
export function shareImageJobs(fc: SiteData, outputDir: string): ShareImageJob[] {
  const root = path.resolve(outputDir);
  return fc.paged.map((verdict) => {
    const level = fc.level(verdict.rating)!;
    const file = path.join(root, ...decodeURIComponent(shareImageUrl(verdict.slug)).split('/').filter(Boolean));
    if (!file.startsWith(root + path.sep)) throw new Error(`The share image of ${verdict.file} would be written outside the site folder.`);
    return { card: { label: level.label, colour: level.colour, claim: verdict.claim, siteName: fc.site.title }, file };
  });
}
