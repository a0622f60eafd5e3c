// What every command of this tool does the same way: strict options, and errors that end as one
// message and an exit status (2 usage or setup, 1 the input needs the editor), never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { visible } from '../model/visible.ts';

/** Bad arguments: the message, then the usage text; exit status 2. */
export class UsageError extends Error {}
/** The editor has to change something (a quote, a slug, a file); exit status 1. */
export class InputError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs `run` on the command line arguments and sets the exit status it returns or its error implies. */
export function runCommand(name: string, usage: string, run: (argv: string[]) => number): void {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (error) {
    // Messages quote seed ids, file names and quotes: controls and bidi controls are shown, never sent to the terminal.
    const message = visible(error instanceof Error ? error.message : String(error), { keepLineFeeds: true });
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${message}\n\n${usage}\n`);
      process.exitCode = 2;
    } else if (error instanceof InputError) {
      process.stderr.write(`${name}: ${message}\n`);
      process.exitCode = 1;
    } else {
      // Setup errors (no seeds/ folder, no git, a missing base revision) carry their own advice.
      process.stderr.write(`${name}: ${message}\n`);
      process.exitCode = 2;
    }
  }
}
