// `npm run new -- --seed <id> --quote "<text>" [--slug <slug>] [--occurrence N] [--root DIR]`
// Writes content/verdicts/<slug>.md for a passage of a seed, anchored the way `check` anchors it.
// Exit 0: written; 1: the quote, the slug or the file needs the editor's attention; 2: usage or setup.
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { anchorQuote } from '../matching/anchor.ts';
import { ModelSetupError } from '../model/errors.ts';
import { InputError, main, parseOptions, UsageError, type Command, type CommandIO } from './command.ts';
import { SLUG_PATTERN } from '../content/fields.ts';
import { captureOn, loadCaptures } from '../content/captures.ts';
import { loadSeeds } from '../content/seeds.ts';
import { didYouMean } from '../content/suggest.ts';
import { occurrencesOf, selectorFor, slugFromQuote, verdictTemplate } from '../content/scaffold.ts';
import { VERDICTS_DIR } from '../content/verdicts.ts';
import { visible, visibleLine } from '../model/visible.ts';

const USAGE = `Usage: npm run new -- --seed <id> --quote "<text>" [--slug <slug>] [--occurrence N]

Finds the passage in seeds/<id>.txt (the same anchoring as \`npm run check\`) and writes
content/verdicts/<slug>.md with every required field; fill in the empty ones. When the passage
occurs more than once, --occurrence N picks the N-th (run without it to see the list).
An existing file is never overwritten.`;

function options(argv: string[], cwd: string) {
  const values = parseOptions(argv, {
    seed: { type: 'string' },
    quote: { type: 'string' },
    slug: { type: 'string' },
    occurrence: { type: 'string' },
    root: { type: 'string', default: '.' },
  });
  if (!values.seed) throw new UsageError('--seed <id> is required (the file name in seeds/ without .txt).');
  if (values.quote === undefined || values.quote.trim() === '')
    throw new UsageError('--quote "<text>" is required: the passage, copied from the seed.');
  let occurrence: number | undefined;
  if (values.occurrence !== undefined) {
    occurrence = Number(values.occurrence);
    if (!/^[1-9][0-9]*$/.test(values.occurrence))
      throw new UsageError(`--occurrence must be a whole number from 1, not "${values.occurrence}".`);
  }
  if (values.slug !== undefined && !SLUG_PATTERN.test(values.slug)) {
    throw new UsageError(`--slug "${values.slug}" is not a slug: use lowercase letters, digits and hyphens (it becomes the page's URL).`);
  }
  return { seed: values.seed, quote: values.quote, slug: values.slug, occurrence, root: path.resolve(cwd, values.root) };
}

function excerptAt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 30);
  const to = Math.min(text.length, end + 30);
  const flat = (a: number, b: number) => text.slice(a, b).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(from, start)}[${flat(start, end)}]${flat(end, to)}${to < text.length ? '…' : ''}`;
}

function run(argv: string[], io: CommandIO): number {
  const opts = options(argv, io.cwd);
  if (!existsSync(path.join(opts.root, 'seeds')))
    throw new ModelSetupError(`No seeds/ folder in ${opts.root}: run this in the project folder (or pass --root).`);
  const { seeds, rejected } = loadSeeds(opts.root);
  const first = seeds.find((s) => s.id === opts.seed);
  if (!first)
    throw new InputError(
      `There is no seed "${opts.seed}" in seeds/.${didYouMean(
        opts.seed,
        seeds.map((s) => s.id),
      )}`,
    );
  // The verdict is dated today, so check builds it against the capture current today: quote that one's words.
  loadCaptures(opts.root, seeds, rejected);
  const today = new Date().toISOString().slice(0, 10);
  const seed = captureOn(first, today);

  const occurrences = occurrencesOf(seed, opts.quote);
  let selector;
  let anchorLine: number;
  if (occurrences.length === 0) {
    // Not verbatim, not even ignoring case: the anchoring's approximate tier decides, with its own message.
    const result = anchorQuote(seed, { quote: opts.quote });
    const error = result.notes.find((n) => n.severity === 'error');
    if (!result.anchor || error) throw new InputError(`${seed.file}: ${error?.message ?? 'the quote was not found.'}`);
    for (const note of result.notes)
      io.stderr.write(`${visibleLine(seed.file)}: ${note.severity}: ${visibleLine(note.message)} [${note.rule}]\n`);
    selector = { quote: result.anchor.text.replace(/\s+/g, ' ') };
    anchorLine = result.anchor.line;
  } else {
    if (occurrences.length > 1 && opts.occurrence === undefined) {
      const list = occurrences
        .map((o, i) => `  ${i + 1}. line ${o.line}, column ${o.column}: ${excerptAt(seed.text, o.start, o.end)}`)
        .join('\n');
      throw new InputError(
        `The quote occurs ${occurrences.length} times in ${seed.file}:\n${list}\nRun again with --occurrence N to pick the one you are checking.`,
      );
    }
    const index = (opts.occurrence ?? 1) - 1;
    const chosen = occurrences[index];
    if (!chosen)
      throw new InputError(
        `--occurrence ${opts.occurrence}: the quote occurs only ${occurrences.length} time${occurrences.length === 1 ? '' : 's'} in ${seed.file}.`,
      );
    // The seed's own words, so the verdict anchors exactly (whitespace runs read as one space).
    const quote = seed.text.slice(chosen.start, chosen.end).replace(/\s+/g, ' ');
    selector = selectorFor(seed, quote, occurrences, chosen);
    if (!selector) {
      throw new InputError(
        `Occurrence ${index + 1} (line ${chosen.line}) cannot be told apart from the others by the text around it; quote a longer passage.`,
      );
    }
    anchorLine = chosen.line;
  }

  const slug = opts.slug ?? slugFromQuote(selector.quote);
  if (!slug) throw new UsageError('No slug can be made from this quote; give one with --slug <slug>.');
  const dir = path.join(opts.root, VERDICTS_DIR);
  const relative = `${VERDICTS_DIR}/${slug}.md`;
  mkdirSync(dir, { recursive: true });
  const text = verdictTemplate({ seed: seed.id, selector, date: today });
  let fd: number;
  try {
    fd = openSync(path.join(dir, `${slug}.md`), 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InputError(`${relative} already exists and was left as it is; choose another --slug.`);
    }
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  const context = selector.prefix || selector.suffix ? ' (with prefix/suffix to pick that occurrence)' : '';
  io.stdout.write(
    `Wrote ${visible(relative)}: quote from ${visible(seed.file)} line ${anchorLine}${context}.\n` +
      'Fill in title, rating, sources and author (and the explanation), then run `npm run check`.\n',
  );
  return 0;
}

export const newVerdict: Command = { name: 'new', usage: USAGE, run };

main(newVerdict, 'src/cli/new.ts');
