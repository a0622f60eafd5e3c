// The errors the tool foresees. Every command runs through one runner (src/cli/command.ts), which prints
// such an error as one message (never a stack trace) and exits with the status its class carries:
// 2 the command could not run (bad arguments, an unusable project or machine), 1 the editor has to
// change something. Anything else thrown is a bug, reported as one (src/cli/command.ts).

export abstract class CommandError extends Error {
  /** The exit status of a command that ends with this error. */
  abstract readonly status: 1 | 2;
  /** A line of advice printed after the message, as `hint: ...`. */
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/** Bad arguments: the message, then the command's usage text; exit status 2. */
export class UsageError extends CommandError {
  override name = 'UsageError';
  readonly status = 2;
}

/** The command cannot run here (no seeds/ folder, no git, a missing base revision); exit status 2. */
export class SetupError extends CommandError {
  override name = 'SetupError';
  readonly status = 2;
}

/** The editor has to change something (a quote, a slug, a file, the site's settings); exit status 1. */
export class InputError extends CommandError {
  override name = 'InputError';
  readonly status = 1;
}

/** The project itself is unusable (no seeds/ folder, no scale file...): `check` exits with status 2. */
export class ModelSetupError extends SetupError {
  override name = 'ModelSetupError';
}
