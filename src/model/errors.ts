// The errors the tool foresees, all of them. Every command runs through one runner (src/cli/command.ts), which prints
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

/** SITE_URL is not an http(s) URL, or site.json cannot be used at all (src/eleventy/site-meta.ts; check reports why, with its position). */
export class SiteMetaError extends InputError {
  override name = 'SiteMetaError';
}

/** The build's content has errors (src/eleventy/plugin.ts); `report` is the text `npm run check` prints for them. */
export class ContentErrors extends InputError {
  override name = 'ContentErrors';
  /** Read by Eleventy's error handler (`npm start`): the report is the whole message, a stack trace would only hide it. */
  readonly skipOriginalStack = true;
  constructor(
    /** One line per problem, exactly as `npm run check` prints them on stdout. */
    readonly report: string,
    /** check's summary line, e.g. "2 errors, 1 warning in 17 files". */
    readonly summary: string,
  ) {
    super(`${report}${summary}`);
  }
}

/** `npm run build` failed (src/cli/build-site.ts); `report` holds check's problem lines for content errors. */
export class BuildFailure extends InputError {
  override name = 'BuildFailure';
  readonly report: string | undefined;
  constructor(message: string, options: { report?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options);
    this.report = options.report;
  }
}

/** `review` cannot run (no git, not a repository, base missing). */
export class ReviewSetupError extends SetupError {
  override name = 'ReviewSetupError';
}

/** PREVIEW has a value that is neither on nor off (src/site/site-origin.ts): the build cannot run. */
export class SiteOriginError extends SetupError {
  override name = 'SiteOriginError';
}

/** Pagefind could not index the site (src/cli/search-index.ts; the build reports it as a failed build). */
export class SearchIndexError extends SetupError {
  override name = 'SearchIndexError';
}
