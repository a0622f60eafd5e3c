// Every command line entry point, the bench's included, runs through one runner (src/cli/command.ts): the
// same option parsing, --help, exit statuses from the error's class (src/model/errors.ts), terminal-safe
// messages and no stack trace; run in-process, a command prints exactly what its process prints.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, runCommand, type Command } from '../src/cli/command.ts';
import { InputError, ModelSetupError, SetupError, UsageError } from '../src/model/errors.ts';
import { check } from '../src/cli/check.ts';
import { build } from '../src/cli/build.ts';
import { newVerdict } from '../src/cli/new.ts';
import { review } from '../src/cli/review.ts';
import { schema } from '../src/cli/schema.ts';
import { benchCommand } from '../src/bench/run.ts';
import { indexSearch } from '../src/bench/index-search.ts';
import { renderSiteCommand } from '../src/bench/render-site.ts';
import { profileCommand } from '../src/bench/profile.ts';
import { listFiles } from './support/site.ts';
import { inProcess, repoRoot, runCli, STACK_TRACE, type Entry } from './support/cli.ts';

const ENTRY_POINTS: Partial<Record<Entry, Command>> = {
  'src/cli/check.ts': check,
  'src/cli/build.ts': build,
  'src/cli/new.ts': newVerdict,
  'src/cli/review.ts': review,
  'src/cli/schema.ts': schema,
  'src/bench/run.ts': benchCommand,
  'src/bench/index-search.ts': indexSearch,
  'src/bench/render-site.ts': renderSiteCommand,
  'src/bench/profile.ts': profileCommand,
};

describe('one runner for every entry point', () => {
  it('is how every module under src/ that runs as a process starts, and none reads process.argv itself', () => {
    const sources = listFiles(path.join(repoRoot, 'src'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `src/${file}`);
    const text = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
    const started = sources.filter((file) => /^main\(\w+, '([^']+)'\);$/m.exec(text(file))?.[1] === file);
    expect(started.sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
    expect(sources.filter((file) => file !== 'src/cli/command.ts' && text(file).includes('process.argv'))).toEqual([]);
  });

  it.each(Object.entries(ENTRY_POINTS) as [Entry, Command][])(
    '%s: an unknown option exits 2 with "<name>: ..." and the usage, no stack trace, as in-process',
    async (file, command) => {
      const run = await runCli(file, ['--no-such-option']);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^${command.name}: Unknown option '--no-such-option'.*\n\n`));
      expect(run.stderr.endsWith(`\n\n${command.usage}\n`)).toBe(true);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      const same = await inProcess(command, ['--no-such-option']);
      expect({ status: same.status, stdout: same.stdout, stderr: same.stderr }).toEqual({
        status: run.status,
        stdout: run.stdout,
        stderr: run.stderr,
      });
    },
    60_000,
  );

  it.each(Object.entries(ENTRY_POINTS) as [Entry, Command][])(
    '%s: --help prints the usage on stdout and exits 0',
    async (_file, command) => {
      expect(await inProcess(command, ['--help'])).toEqual({ status: 0, stdout: `${command.usage}\n`, stderr: '' });
    },
  );

  it('prints in-process, for a real project, exactly what the process prints', async () => {
    const args = ['--root', 'test/fixtures/rules', '--format=github'];
    const { ms: _, signal: __, ...spawned } = await runCli('check', args);
    expect(spawned.status).toBe(1);
    expect(await inProcess(check, args)).toEqual(spawned);
  }, 60_000);

  it('does not start a command in a process started for another file', () => {
    const before = process.exitCode;
    main({ name: 'x', usage: '', run: () => 7 }, 'src/cli/x.ts');
    expect(process.exitCode).toBe(before);
  });
});

describe('what the runner makes of an error', () => {
  const failing = (error: Error): Command => ({ name: 'demo', usage: 'Usage: demo', run: () => Promise.reject(error) });

  it.each([
    ['a usage error: 2, the message, then the usage', new UsageError('--x is required.'), 2, 'demo: --x is required.\n\nUsage: demo\n'],
    ['a setup error: 2, the message', new ModelSetupError('No seeds/ folder in /p.'), 2, 'demo: No seeds/ folder in /p.\n'],
    [
      'an input error: 1, the message and its hint',
      new InputError('x.md exists.', { hint: 'choose another --slug.' }),
      1,
      'demo: x.md exists.\nhint: choose another --slug.\n',
    ],
    [
      'any other error: a bug, 2, one line and what to run',
      new TypeError('x is undefined'),
      2,
      'demo: x is undefined\nhint: this is a bug in factcheck-site, not in your content; DEMO_DEBUG=1 prints the stack trace.\n',
    ],
  ])('%s', async (_what, error, status, stderr) => {
    expect(await inProcess(failing(error), [])).toEqual({ status, stdout: '', stderr });
  });

  it('shows the controls a message quotes instead of sending them to the terminal', async () => {
    const run = await inProcess(failing(new SetupError('seed "a\u001b[2Jb\u202Ec" is missing')), []);
    expect(run.stderr).toBe('demo: seed "a\\u{1B}[2Jb\\u{202E}c" is missing\n');
  });

  it('prints the stack trace of a bug only when <NAME>_DEBUG is set', async () => {
    const bug = new TypeError('x is undefined');
    expect((await inProcess(failing(bug), [])).stderr).not.toMatch(STACK_TRACE);
    expect((await inProcess(failing(bug), [], { env: { DEMO_DEBUG: '1' } })).stderr).toMatch(STACK_TRACE);
  });

  it('returns the status a command returns, for sync and async commands alike', async () => {
    expect(
      await runCommand({ name: 'a', usage: '', run: () => 1 }, [], {
        stdout: process.stdout,
        stderr: process.stderr,
        env: {},
        cwd: repoRoot,
      }),
    ).toBe(1);
    expect(
      await runCommand({ name: 'a', usage: '', run: () => Promise.resolve(0) }, [], {
        stdout: process.stdout,
        stderr: process.stderr,
        env: {},
        cwd: repoRoot,
      }),
    ).toBe(0);
  });
});
