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
import { main, parseArguments, UsageError, type Command } from '../cli/command.ts';

const USAGE = 'Usage: tsx src/bench/index-search.ts <project> <output>';

export const indexSearch: Command = {
  name: 'index-search',
  usage: USAGE,
  async run(argv, io) {
    const [project, output] = parseArguments(argv, {}).positionals;
    if (!project || !output) throw new UsageError('give the project folder and the output folder.');
    const root = resolve(io.cwd, project);
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
    const indexed = await writeSearchIndexes(pagefindBinary(), site, resolve(io.cwd, output));
    io.stdout.write(`${indexed} records indexed in ${site.searchShards.length} index${site.searchShards.length === 1 ? '' : 'es'}\n`);
    return 0;
  },
};

main(indexSearch, 'src/bench/index-search.ts');
