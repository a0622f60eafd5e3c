// `npx tsx src/cli/schema.ts [--root DIR]`: regenerates docs/verdict.schema.json from src/fields.ts and
// the rating scale. Run it after changing either; test/schema-in-step.test.ts fails until you do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadScale } from '../ratings.ts';
import { SCHEMA_FILE, schemaText } from '../schema.ts';

try {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } }, strict: true });
  const root = path.resolve(process.cwd(), values.root);
  const { scale } = loadScale(root);
  writeFileSync(path.join(root, SCHEMA_FILE), schemaText(scale.levels.map((level) => level.key)));
  process.stdout.write(`Wrote ${SCHEMA_FILE} (${scale.levels.length} ratings).\n`);
} catch (error) {
  process.stderr.write(`schema: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
