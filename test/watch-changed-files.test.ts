// Which saves in npm start may re-render only the pages that changed: those inside content/ or seeds/.
// Eleventy's watcher names a changed file relative to the common folder of everything it watches (the
// project and this tool's _includes/), which can be the project or any folder above it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyContentChanged } from '../src/eleventy/incremental.ts';

const root = path.resolve('/tmp/projects/newsroom');

describe('a save in npm start', () => {
  it('is content when every changed file is in content/ or seeds/, however the watcher names it', () => {
    expect(onlyContentChanged(['./content/verdicts/a.md'], root)).toBe(true);
    expect(onlyContentChanged(['./newsroom/seeds/x.txt'], root)).toBe(true);
    expect(onlyContentChanged(['./tmp/projects/newsroom/content/_data/site.json'], root)).toBe(true);
    expect(onlyContentChanged([path.join(root, 'seeds/x.yml'), './content/about.md'], root)).toBe(true);
  });

  it('is not content when any changed file is elsewhere: a template, the CSS, the config', () => {
    expect(onlyContentChanged(['./content/verdicts/a.md', './tool/_includes/css/site.css'], root)).toBe(false);
    expect(onlyContentChanged(['./eleventy.config.ts'], root)).toBe(false);
    expect(onlyContentChanged(['/work/tool/_includes/pages/verdict.njk'], root)).toBe(false);
    expect(onlyContentChanged(['./newsroom/contents/a.md'], root)).toBe(false);
  });
});
