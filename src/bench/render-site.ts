// `tsx src/bench/render-site.ts PROJECT OUTPUT`: the Eleventy part of `npm run build` alone (renderSite,
// in as many runs as the build makes), for the bench's "site build, Eleventy part" measure. The project is
// a clone (project.ts): its own eleventy.config.ts and _includes/ are the tool's.
import path from 'node:path';
import { renderSite } from '../cli/build-site.ts';
import { main, parseArguments, UsageError, type Command } from '../cli/command.ts';

const USAGE = 'Usage: tsx src/bench/render-site.ts PROJECT OUTPUT';

export const renderSiteCommand: Command = {
  name: 'render-site',
  usage: USAGE,
  async run(argv, io) {
    const [root, output] = parseArguments(argv, {}).positionals.map((arg) => path.resolve(io.cwd, arg));
    if (!root || !output) throw new UsageError('give the project folder and the output folder.');
    await renderSite({ toolRoot: root, root, output, pathPrefix: '/' }, output);
    return 0;
  },
};

main(renderSiteCommand, 'src/bench/render-site.ts');
