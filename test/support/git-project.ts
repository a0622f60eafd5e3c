// Throwaway git repositories holding a copy of a fixture project, and the real CLI commands run in
// them (tsx, as `npm run review` / `npm run new` run them, with the repository as working directory).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const TOOL = path.resolve(import.meta.dirname, '../..');
/** tsx's loader, for `node --import` from a working directory without node_modules (the throwaway repository). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const created: string[] = [];

/** An environment without the user's git configuration or a CI job summary. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test Editor',
    GIT_AUTHOR_EMAIL: 'editor@example.org',
    GIT_COMMITTER_NAME: 'Test Editor',
    GIT_COMMITTER_EMAIL: 'editor@example.org',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
  if (!('GITHUB_STEP_SUMMARY' in extra)) delete env['GITHUB_STEP_SUMMARY'];
  return env;
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: cleanEnv(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function tempDir(prefix = 'factcheck-review-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A repository with the fixture project committed on `main` as "base"; returns its folder. */
export function makeRepo(fixture = 'review-project'): string {
  const dir = tempDir();
  cpSync(path.join(TOOL, 'test/fixtures', fixture), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

export function removeAll(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
export const write = (dir: string, file: string, text: string) => writeFileSync(path.join(dir, file), text);
export const remove = (dir: string, file: string) => unlinkSync(path.join(dir, file));
/** Replaces `from` (which must occur) with `to` in a file. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const text = read(dir, file);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  write(dir, file, next);
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command as its npm script does: check from its bundle (src/cli/compiled.mjs), review and new with tsx. */
export function runCli(command: 'review' | 'new' | 'check', cwd: string, args: string[], env: Record<string, string> = {}): Run {
  // tsx's loader in the one node process, not the tsx command, which starts a second node to run the script
  const entry = command === 'check' ? [path.join(TOOL, 'src/cli/compiled.mjs'), 'check'] : ['--import', TSX_LOADER, path.join(TOOL, 'src/cli', `${command}.ts`)];
  const result = spawnSync(process.execPath, [...entry, ...args], { cwd, env: cleanEnv(env), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const review = (cwd: string, args: string[] = ['--base', 'main'], env: Record<string, string> = {}) => runCli('review', cwd, args, env);

/** The lines of a report section (`### Title`) up to the next heading. */
export function section(report: string, title: string): string {
  const start = report.indexOf(`### ${title}\n`);
  if (start === -1) return '';
  const rest = report.slice(start + title.length + 5);
  const end = rest.search(/^#{2,3} /m);
  return end === -1 ? rest : rest.slice(0, end);
}
