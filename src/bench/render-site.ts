// `tsx src/bench/render-site.ts PROJECT OUTPUT`: the Eleventy part of `npm run build` alone (renderSite,
// in as many runs as the build makes), for the bench's "site build, Eleventy part" measure. The project is
// a clone (project.ts): its own eleventy.config.ts and _includes/ are the tool's.
import path from 'node:path';
import { renderSite } from '../cli/build-site.ts';

const [root, output] = process.argv.slice(2).map((arg) => path.resolve(arg));
if (!root || !output) {
  process.stderr.write('Usage: tsx src/bench/render-site.ts PROJECT OUTPUT\n');
  process.exit(2);
}
await renderSite({ toolRoot: root, root, output, pathPrefix: '/' }, output);
