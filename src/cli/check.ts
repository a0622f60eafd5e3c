// npm run check [-- --format=text|github|json] [--strict] [--root DIR]
// Exit status: 0 no errors (warnings allowed), 1 errors, 2 the check itself could not run.
import path from 'node:path';
import { main, parseOptions, UsageError, type Command } from './command.ts';
import { buildModel } from '../model/model.ts';
import { countBySeverity, formatGithub, formatJson, formatText, strict, summary } from '../model/report.ts';

const USAGE = `Usage: npm run check -- [--format=text|github|json] [--strict] [--root DIR]

Checks every seed, the rating scale and every verdict (drafts included), and prints one line per problem.
  --format=text    file:line:col: severity: message [rule] (default)
  --format=github  GitHub Actions workflow commands (annotations on the pull request)
  --format=json    a JSON array of {file, line, column, severity, rule, message}
  --strict         treat warnings as errors
  --root DIR       the project folder (default: the current folder)
Exit status: 0 no errors, 1 errors found, 2 the check could not run.`;

const FORMATS = { text: formatText, github: formatGithub, json: formatJson } as const;

export const check: Command = {
  name: 'check',
  usage: USAGE,
  run(argv, io) {
    const values = parseOptions(argv, {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
    });
    const format = values.format as keyof typeof FORMATS;
    if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`unknown format "${values.format}"; use text, github or json.`);
    const model = buildModel({ root: path.resolve(io.cwd, values.root) });
    const problems = values.strict ? strict(model.problems) : model.problems;
    io.stdout.write(FORMATS[format](problems));
    if (format === 'text') io.stderr.write(`${summary(problems, model.files.length)}\n`);
    return countBySeverity(problems, 'error') > 0 ? 1 : 0;
  },
};

main(check, 'src/cli/check.ts');
