// `node src/cli/compiled.mjs check [args]`: runs src/cli/check.ts from one JavaScript file that esbuild
// bundles from the TypeScript sources the first time, and again whenever one of them changes.
//
// Why: through tsx, every start registers tsx's module hooks (they run in a second thread, each of the
// ~70 modules a round trip to it) and wraps every function for its name; a `check` paid about 0.6 s of
// CPU for that before reading a single file. The bundle (dependencies included) is one plain JavaScript
// file that node loads in one go.
//
// The bundle and the list of its sources with their SHA-256 are kept in node_modules/.cache/factcheck-site/
// (FACTCHECK_COMPILE_CACHE overrides the folder). A start reads and hashes the listed sources (a few
// milliseconds); a missing or changed one means a new bundle, written under a new name and then named in
// the list, so two checks starting at once never run a half-written file. When the folder cannot be
// written, the command runs through tsx instead.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const COMMANDS = { check: 'src/cli/check.ts' };

const name = process.argv[2];
if (!Object.hasOwn(COMMANDS, name ?? '')) {
  process.stderr.write(`compiled: the first argument names the command to run (${Object.keys(COMMANDS).join(', ')}).\n`);
  process.exit(2);
}
const entry = COMMANDS[name];
// process.argv as when the command is started directly: its file (which tells the runner to run it,
// src/cli/command.ts), then its arguments.
process.argv.splice(1, 2, join(REPO, entry));
const cacheDir = process.env.FACTCHECK_COMPILE_CACHE || join(REPO, 'node_modules', '.cache', 'factcheck-site');
const listFile = join(cacheDir, `${name}.json`);

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

function readOrUndefined(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The bundle named by the list when every source it lists is unchanged. */
function currentBundle() {
  const list = readOrUndefined(listFile);
  if (!list) return undefined;
  let parsed;
  try {
    parsed = JSON.parse(list.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed?.bundle !== 'string' || typeof parsed.inputs !== 'object' || parsed.inputs === null) return undefined;
  for (const [file, hash] of Object.entries(parsed.inputs)) {
    const text = readOrUndefined(join(REPO, file));
    if (!text || sha256(text) !== hash) return undefined;
  }
  return join(cacheDir, parsed.bundle);
}

async function compile() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    // CommonJS dependencies (yaml) require node's built-in modules; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __compiledRequire } from 'node:module'; const require = __compiledRequire(import.meta.url);" },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  // The sources, and what else decides the output: the TypeScript settings and esbuild itself.
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    // In the bundle, import.meta.url would name the cache folder, not the module's own place: such a module
    // runs through tsx.
    if (readFileSync(join(REPO, file), 'utf8').includes('import.meta')) throw new Error(`${file} uses import.meta`);
  }
  for (const file of [
    ...Object.keys(result.metafile.inputs),
    'tsconfig.json',
    'node_modules/esbuild/package.json',
    'src/cli/compiled.mjs',
  ].sort()) {
    inputs[file] = sha256(readFileSync(join(REPO, file)));
  }
  const bundle = `${name}-${sha256(code).slice(0, 16)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  const temporary = (file) => `${file}.${process.pid}.tmp`;
  writeFileSync(temporary(join(cacheDir, bundle)), code);
  renameSync(temporary(join(cacheDir, bundle)), join(cacheDir, bundle));
  writeFileSync(temporary(listFile), `${JSON.stringify({ bundle, inputs }, null, 2)}\n`);
  renameSync(temporary(listFile), listFile);
  return join(cacheDir, bundle);
}

let bundle = currentBundle();
if (!bundle) {
  try {
    bundle = await compile();
  } catch {
    // No writable cache folder, no esbuild, or a source that needs its own place: the same command through
    // tsx, only slower to start.
    const { tsImport } = await import('tsx/esm/api');
    await tsImport(pathToFileURL(join(REPO, entry)).href, import.meta.url);
  }
}
if (bundle) await import(pathToFileURL(bundle).href);
