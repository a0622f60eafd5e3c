// Throwaway git repositories holding a copy of a fixture project, and the real CLI commands run in
// them (./cli.ts, with the repository as working directory).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliSync } from './cli.ts';
import { removeTempDirs, tempDir } from './temp.ts';

export const TOOL = path.resolve(import.meta.dirname, '../..');

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

/** A repository with the fixture project committed on `main` as "base"; returns its folder. */
export function makeRepo(fixture = 'review-project'): string {
  const dir = tempDir('review');
  cpSync(path.join(TOOL, 'test/fixtures', fixture), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

export { removeTempDirs, tempDir };

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

/** Runs a command with the repository `cwd` as working folder, in cleanEnv. */
export function runInRepo(command: 'review' | 'new' | 'check', cwd: string, args: string[], env: Record<string, string> = {}) {
  return runCliSync(command, args, { cwd, env: cleanEnv(env) });
}

export const review = (cwd: string, args: string[] = ['--base', 'main'], env: Record<string, string> = {}) =>
  runInRepo('review', cwd, args, env);

/** The lines of a report section (`### Title`) up to the next heading. */
export function section(report: string, title: string): string {
  const start = report.indexOf(`### ${title}\n`);
  if (start === -1) return '';
  const rest = report.slice(start + title.length + 5);
  const end = rest.search(/^#{2,3} /m);
  return end === -1 ? rest : rest.slice(0, end);
}
