// npm run check [-- --format=text|github|json] [--strict] [--root DIR]
// Exit status: 0 no errors (warnings allowed), 1 errors, 2 the check itself could not run.
import { ModelSetupError } from '../model/errors.ts';
import { parseOptions } from './command.ts';
import { buildModel } from '../model/model.ts';
import { countBySeverity, formatGithub, formatJson, formatText, strict, summary } from '../model/report.ts';
import { visible } from '../model/visible.ts';

const USAGE = `Usage: npm run check -- [--format=text|github|json] [--strict] [--root DIR]

Checks every seed, the rating scale and every verdict (drafts included), and prints one line per problem.
  --format=text    file:line:col: severity: message [rule] (default)
  --format=github  GitHub Actions workflow commands (annotations on the pull request)
  --format=json    a JSON array of {file, line, column, severity, rule, message}
  --strict         treat warnings as errors
  --root DIR       the project folder (default: the current folder)
Exit status: 0 no errors, 1 errors found, 2 the check could not run.`;

const FORMATS = { text: formatText, github: formatGithub, json: formatJson } as const;

function fail(message: string, withUsage = false): never {
  process.stderr.write(`check: ${visible(message, { keepLineFeeds: true })}\n${withUsage ? `\n${USAGE}\n` : ''}`);
  process.exit(2);
}

// `npm run check | head`: the reader went away; that is not a failure to report with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

function main(): void {
  let values;
  try {
    values = parseOptions(process.argv.slice(2), {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
      help: { type: 'boolean', short: 'h', default: false },
    });
  } catch (error) {
    fail((error as Error).message, true);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const format = values.format as keyof typeof FORMATS;
  if (!Object.hasOwn(FORMATS, format)) fail(`unknown format "${values.format}"; use text, github or json.`, true);

  const model = buildModel({ root: values.root });
  const problems = values.strict ? strict(model.problems) : model.problems;
  process.stdout.write(FORMATS[format](problems));
  if (format === 'text') process.stderr.write(`${summary(problems, model.files.length)}\n`);
  process.exitCode = countBySeverity(problems, 'error') > 0 ? 1 : 0;
}

try {
  main();
} catch (error) {
  if (error instanceof ModelSetupError) fail(error.message);
  // A bug in the tool, not in the content: one line, no stack trace (set CHECK_DEBUG=1 for it).
  if (process.env.CHECK_DEBUG) console.error(error);
  fail(`internal error: ${(error as Error)?.message ?? String(error)}. This is a bug in the checker, not in your content.`);
}
