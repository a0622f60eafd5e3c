// `tsx src/bench/index-search.ts <project> <output>`: the search indexing step of `npm run build` on its
// own, for the bench's `pagefind` measure: the model (as check builds it), its search records
// (src/eleventy/search-records.ts) and Pagefind's binary writing the indexes into <output>/pagefind/.
// The build takes the model from its Eleventy run instead of building it again.
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../model/model.ts';
import { collectRedirects } from '../site/redirects.ts';
import { SiteData } from '../eleventy/site-data.ts';
import { readSiteSettings, siteMeta } from '../eleventy/site-meta.ts';
import { writeSearchIndexes } from '../cli/search-index.ts';
import { pagefindBinary } from '../cli/build-site.ts';

const [project, output] = process.argv.slice(2);
if (!project || !output) {
  process.stderr.write('Usage: tsx src/bench/index-search.ts <project> <output>\n');
  process.exit(2);
}
const root = resolve(project);
const model = buildModel({ root });
const site = new SiteData();
site.update({
  model,
  site: siteMeta(readSiteSettings(root, { defaultsRoot: resolve(fileURLToPath(import.meta.url), '../../..') })),
  pathPrefix: '/',
  inputDir: join(root, 'content'),
  redirects: collectRedirects(model.verdicts),
  css: '',
});
const indexed = await writeSearchIndexes(pagefindBinary(), site, resolve(output));
process.stdout.write(`${indexed} records indexed in ${site.searchShards.length} index${site.searchShards.length === 1 ? '' : 'es'}\n`);
