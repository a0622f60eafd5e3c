// `npx tsx src/cli/schema.ts [--root DIR]`: regenerates docs/verdict.schema.json from src/content/fields.ts and
// the rating scale. Run it after changing either; test/schema-in-step.test.ts fails until you do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScale } from '../content/ratings.ts';
import { SCHEMA_COMMAND, SCHEMA_FILE, schemaText } from '../content/schema.ts';
import { main, parseOptions, type Command } from './command.ts';

const USAGE = `Usage: ${SCHEMA_COMMAND} [--root DIR]

Writes ${SCHEMA_FILE} from src/content/fields.ts and the rating scale (content/_data/ratings.yml).`;

export const schema: Command = {
  name: 'schema',
  usage: USAGE,
  run(argv, io) {
    const root = path.resolve(io.cwd, parseOptions(argv, { root: { type: 'string', default: '.' } }).root);
    const { scale } = loadScale(root);
    writeFileSync(path.join(root, SCHEMA_FILE), schemaText(scale.levels.map((level) => level.key)));
    io.stdout.write(`Wrote ${SCHEMA_FILE} (${scale.levels.length} ratings).\n`);
    return 0;
  },
};

main(schema, 'src/cli/schema.ts');
