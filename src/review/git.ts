// Read-only access to the git history a review compares against: resolve the base revision
// (explaining what to fetch when a shallow clone lacks it), copy its seeds/ and content/ into a
// scratch folder, and ask git which verdict files it sees as renamed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReviewSetupError } from '../model/errors.ts';

/** The folders of a project whose content a review compares. */
export const CONTENT_DIRS = ['seeds', 'content'] as const;

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function gitBuffer(cwd: string, args: string[], input: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr;
  return stderr ? String(stderr).trim() : '';
}

export interface BaseRevision {
  /** What the user asked for, e.g. `origin/main`. */
  rev: string;
  commit: string;
  /** The project root relative to the repository's top level, `''` or ending in `/`. */
  prefix: string;
}

/** `word` quoted for a POSIX shell: as it is when it holds only characters no shell treats specially, else in '…'. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that makes `rev` available in a shallow or partial clone. `rev` is what the user typed: every
 * argument built from it is quoted for a POSIX shell, so pasting the advice runs `git fetch` and nothing else.
 */
export function fetchAdvice(rev: string, remotes: string[]): string {
  return `git fetch --depth=1 ${fetchArguments(rev, remotes).map(shellQuote).join(' ')}`;
}

function fetchArguments(rev: string, remotes: string[]): string[] {
  const slash = rev.indexOf('/');
  if (slash > 0) {
    const remote = rev.slice(0, slash);
    const branch = rev.slice(slash + 1);
    // An explicit destination: a single-branch clone (CI checkouts often are) would otherwise only set FETCH_HEAD.
    if (remotes.includes(remote) && branch) return [remote, `${branch}:refs/remotes/${remote}/${branch}`];
  }
  const remote = remotes.includes('origin') ? 'origin' : (remotes[0] ?? 'origin');
  if (/^[0-9a-f]{7,40}$/i.test(rev)) return [remote, rev];
  return [remote, `${rev}:${rev}`];
}

export function resolveBase(root: string, rev: string): BaseRevision {
  if (!rev || rev.startsWith('-')) throw new ReviewSetupError(`"${rev}" is not a git revision.`);
  let prefix: string;
  try {
    prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ReviewSetupError('git is not installed or not on PATH; review compares git revisions and needs it.');
    }
    throw new ReviewSetupError(`${root} is not inside a git repository (${stderrOf(error) || 'git rev-parse failed'}).`);
  }
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).trim();
  } catch {
    const remotes = git(root, ['remote']).split('\n').filter(Boolean);
    const shallow = git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
    const why = shallow ? 'This is a shallow clone and the base revision has not been fetched.' : 'No such commit, branch or tag here.';
    throw new ReviewSetupError(
      `The base revision "${rev}" is not available. ${why}\nFetch it first:\n\n    ${fetchAdvice(rev, remotes)}\n\nthen run the review again.`,
    );
  }
  return { rev, commit, prefix };
}

/** Writes the base revision's seeds/ and content/ files (regular files only) under `dest`. */
export function materialise(root: string, base: BaseRevision, dest: string): void {
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', base.commit, '--', ...CONTENT_DIRS.map((d) => base.prefix + d)]);
  const blobs: { sha: string; file: string }[] = [];
  for (const entry of listing.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, sha] = entry.slice(0, tab).split(' ');
    // Symlinks (120000) and submodules are not content: only regular files are copied.
    if (type !== 'blob' || !sha || !(mode === '100644' || mode === '100755')) continue;
    blobs.push({ sha, file: entry.slice(tab + 1).slice(base.prefix.length) });
  }
  for (const dir of CONTENT_DIRS) mkdirSync(path.join(dest, dir), { recursive: true });
  if (blobs.length === 0) return;
  const out = gitBuffer(root, ['cat-file', '--batch'], blobs.map((b) => b.sha).join('\n') + '\n');
  let at = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(0x0a, at);
    const size = Number(out.toString('utf8', at, headerEnd).split(' ')[2]);
    const target = path.resolve(dest, blob.file);
    if (!target.startsWith(path.resolve(dest) + path.sep))
      throw new ReviewSetupError(`Refusing to write ${blob.file} outside the scratch folder.`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
}

/** Project-relative old path -> new path for the files git sees as renamed between the base and the working tree. */
export function gitRenames(root: string, base: BaseRevision): Map<string, string> {
  const out = git(root, ['diff', '-M', '--relative', '--name-status', '-z', '--no-color', base.commit, '--', ...CONTENT_DIRS]);
  const fields = out.split('\0');
  const renames = new Map<string, string>();
  for (let i = 0; i < fields.length;) {
    const status = fields[i] ?? '';
    if (!status) break;
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renames.set(fields[i + 1] ?? '', fields[i + 2] ?? '');
      i += 3;
    } else {
      i += 2;
    }
  }
  return renames;
}
