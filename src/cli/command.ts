// The one way every command of this tool runs (src/cli/*.ts and the bench's src/bench/*.ts): strict
// options, `--help` printing the usage, and errors that end as one message and an exit status, never a
// stack trace. The status comes from the error's class (src/model/errors.ts): 2 usage or setup, 1 the
// input needs the editor; anything else thrown is a bug, reported as one with exit status 2.
import path from 'node:path';
import { inspect, parseArgs, type ParseArgsConfig } from 'node:util';
import { CommandError, UsageError } from '../model/errors.ts';
import { visible } from '../model/visible.ts';

export { InputError, SetupError, UsageError } from '../model/errors.ts';

/** Where a command reads and writes: the process's own streams, or a test's. */
export interface CommandIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The folder relative paths in the arguments are resolved from. */
  cwd: string;
}

export interface Command {
  /** Prefixes every message: `check: ...`. `<NAME>_DEBUG=1` prints the stack trace of a bug. */
  name: string;
  /** Printed for --help (stdout) and after a usage error (stderr). */
  usage: string;
  /** Returns the exit status (0, or 1 when the input has errors the output lists). */
  run(argv: string[], io: CommandIO): number | Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Thrown by parseOptions for --help: the runner prints the usage and exits 0. */
class HelpRequest extends Error {}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The options of `argv` (strict: an unknown option is a usage error); --help is every command's. */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  return parseArguments(argv, options, false).values;
}

/** parseOptions, and the positional arguments after the options. */
export function parseArguments<T extends Options>(argv: string[], options: T, allowPositionals = true) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequest();
  return parsed;
}

/** `CHECK_DEBUG` for check: set, the runner prints the whole error, stack trace included. */
const debugVariable = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_DEBUG`;

/** What the runner says after the message of an error the tool did not foresee. */
export const bugHint = (name: string) =>
  `this is a bug in factcheck-site, not in your content; ${debugVariable(name)}=1 prints the stack trace.`;

/** Runs `command` on `argv` and returns its exit status; whatever it throws ends as a message on io.stderr. */
export async function runCommand(command: Command, argv: string[], io: CommandIO): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    if (error instanceof HelpRequest) {
      io.stdout.write(`${command.usage}\n`);
      return 0;
    }
    if (io.env[debugVariable(command.name)]) io.stderr.write(`${inspect(error)}\n`);
    const expected = error instanceof CommandError;
    const message = error instanceof Error ? error.message : String(error);
    const hint = expected ? error.hint : bugHint(command.name);
    // Messages quote seed ids, file names and quotes: controls and bidi controls are shown, never sent to the terminal.
    const shown = (text: string) => visible(text, { keepLineFeeds: true });
    io.stderr.write(
      `${command.name}: ${shown(message)}\n${hint ? `hint: ${shown(hint)}\n` : ''}${error instanceof UsageError ? `\n${command.usage}\n` : ''}`,
    );
    return expected ? error.status : 2;
  }
}

/**
 * Runs `command` with the process's arguments, streams and environment when this process was started for
 * `file` (relative to the repository, e.g. `src/cli/check.ts`), so that a test can import the module
 * without running it. (Not the module's own URL: in the bundle src/cli/compiled.mjs makes of check.ts, that
 * names the bundle.)
 */
export function main(command: Command, file: string): void {
  const started = process.argv[1];
  if (started === undefined || !path.resolve(started).endsWith(path.join(path.sep, file))) return;
  // `npm run check | head`: the reader went away; that is not a failure to report with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void runCommand(command, process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }).then((status) => {
    process.exitCode = status;
  });
}
