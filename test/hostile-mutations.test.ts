// Broken input, generated: random mutations of valid verdict files (truncation, deleted, duplicated and
// swapped lines, random bytes and text, a wrong type in every field, huge values) never make `check`
// throw, hang or print a stack trace; every problem names a file of the project and a line and column
// inside it; every output format stays one problem per line; one broken file never hides another.
// Fixed seeds and small run counts here; `npm run fuzz` (FUZZ_RUNS) runs the same properties far longer.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.ts';
import { formatGithub, formatJson, formatText } from '../src/model/report.ts';
import type { Problem } from '../src/model/types.ts';
import { fuzzSeed, removeTempDirs, runs, tempDir, writeProject } from './support/hostile.ts';
import { BASES, brokenVerdict } from './support/mutations.ts';
import { runCli, STACK_TRACE } from './support/cli.ts';

afterAll(removeTempDirs);

const fixture = (file: string) => fs.readFileSync(path.join(import.meta.dirname, file), 'utf8');
const PROJECT = {
  'content/_data/ratings.yml': fixture('fixtures/clean/content/_data/ratings.yml'),
  'seeds/alpha.txt': fixture('fixtures/clean/seeds/alpha.txt'),
  'seeds/alpha.yml': fixture('fixtures/clean/seeds/alpha.yml'),
  'seeds/beta.txt': fixture('fixtures/clean/seeds/beta.txt'),
};

/** Lines in a file as an editor's editor counts them (a trailing line without a newline counts). */
function lineCount(bytes: Buffer): number {
  return bytes.toString('utf8').split(/\r\n|\r|\n/).length;
}

/** Problem invariants: a project file, a line and column inside it, a known severity and rule, one-line message. */
function expectWellFormed(problems: Problem[], files: Map<string, Buffer>): void {
  const lines = new Map([...files].map(([name, bytes]) => [name, lineCount(bytes)]));
  for (const p of problems) {
    expect(files.has(p.file), `problem names a file that was not given: ${p.file}`).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, `column ${p.column}`).toBe(true);
    expect(p.line, `${p.file}:${p.line} is past the end of the file`).toBeLessThanOrEqual(lines.get(p.file)!);
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.rule).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(p.message.trim()).not.toBe('');
    expect(p.message).not.toMatch(STACK_TRACE);
  }
  const text = formatText(problems);
  expect(text.split('\n').slice(0, -1)).toHaveLength(problems.length);
  for (const line of text.split('\n').slice(0, -1)) expect(line).toMatch(/^[^:\n]+:\d+:\d+: (?:error|warning): .+ \[[a-z-]+\]$/);
  expect(formatGithub(problems).split('\n').slice(0, -1)).toHaveLength(problems.length);
  expect(JSON.parse(formatJson(problems))).toHaveLength(problems.length);
}

const timings: number[] = [];
afterAll(() => {
  if (timings.length === 0) return;
  const sorted = [...timings].sort((a, b) => a - b);
  console.info(
    `mutations: ${timings.length} model builds, median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
});

function checkProject(root: string) {
  const started = performance.now();
  const model = buildModel({ root });
  timings.push(performance.now() - started);
  return model;
}

describe('random mutations of valid verdicts', () => {
  it('the unmutated bases check clean (so every problem below comes from a mutation)', () => {
    const root = writeProject({ ...PROJECT, 'content/verdicts/full.md': BASES[0]!, 'content/verdicts/minimal.md': BASES[1]! });
    expect(checkProject(root).problems).toEqual([]);
  });

  it('never throw; every problem has a file, a line and a column inside that file', () => {
    const root = writeProject(PROJECT, 'mutations');
    const file = 'content/verdicts/mutated.md';
    fc.assert(
      fc.property(brokenVerdict, (bytes) => {
        fs.writeFileSync(path.join(root, file), bytes);
        const model = checkProject(root);
        const files = new Map<string, Buffer>(Object.entries(PROJECT).map(([name, text]) => [name, Buffer.from(text)]));
        files.set(file, bytes);
        expectWellFormed(model.problems, files);
      }),
      { seed: fuzzSeed(7_2024), numRuns: runs(250) },
    );
  });

  it('N broken files: each file gets exactly the problems it gets alone (none hidden, none lost)', () => {
    const root = writeProject(PROJECT, 'mutations-n');
    const dir = path.join(root, 'content/verdicts');
    // duplicate-slug is about pairs of files (several copies of a base share its redirect_from), so it is left out.
    const own = (problems: Problem[], file: string) => formatText(problems.filter((p) => p.file === file && p.rule !== 'duplicate-slug'));
    fc.assert(
      fc.property(fc.array(brokenVerdict, { minLength: 1, maxLength: 6 }), (texts) => {
        for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name));
        const names = texts.map((_, i) => `content/verdicts/m${i}.md`);
        const alone = texts.map((bytes, i) => {
          fs.writeFileSync(path.join(root, names[i]!), bytes);
          const problems = checkProject(root).problems;
          fs.rmSync(path.join(root, names[i]!));
          return own(problems, names[i]!);
        });
        texts.forEach((bytes, i) => fs.writeFileSync(path.join(root, names[i]!), bytes));
        const together = checkProject(root).problems;
        expect(names.map((name) => own(together, name))).toEqual(alone);
        const broken = alone.filter((report) => report.includes(': error: ')).length;
        expect(new Set(together.filter((p) => p.severity === 'error' && p.rule !== 'duplicate-slug').map((p) => p.file)).size).toBe(broken);
      }),
      { seed: fuzzSeed(2_7_2024), numRuns: runs(25, 0.1) },
    );
  });
});

describe('the real commands on a corpus of mutated verdicts', () => {
  const samples = fc.sample(brokenVerdict, { seed: 424242, numRuns: 12 });
  const files = Object.fromEntries(samples.map((bytes, i) => [`content/verdicts/m${String(i).padStart(2, '0')}.md`, bytes]));
  // Also one file that is broken for sure, so the corpus always has errors.
  files['content/verdicts/truncated.md'] = Buffer.from(BASES[0]!.slice(0, 60));

  it('check reports exactly what the model reports, in every format, without a stack trace; the build fails with the same report', async () => {
    const root = writeProject({ ...PROJECT, ...files }, 'mutations-cli');
    const problems = buildModel({ root }).problems;
    expect(new Set(problems.map((p) => p.file))).toContain('content/verdicts/truncated.md');

    const json = await runCli('check', ['--root', root, '--format=json']);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('');
    expect(json.stdout).toBe(formatJson(problems));

    const text = await runCli('check', ['--root', root]);
    expect(text.status).toBe(1);
    expect(text.stdout).toBe(formatText(problems));
    expect(text.stderr).toMatch(/^\d+ errors?, \d+ warnings? in \d+ files\n$/);

    const output = path.join(tempDir('mutations-site'), '_site');
    const build = await runCli('build', ['--root', root, '--output', output]);
    expect(build.status).toBe(1);
    expect(build.stdout).toBe(formatText(problems));
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(STACK_TRACE);
    expect(fs.existsSync(output)).toBe(false);
    console.info(
      `mutations: ${samples.length + 1} mutated files, ${problems.length} problems; check ${json.ms.toFixed(0)} ms, build ${build.ms.toFixed(0)} ms`,
    );
  });
});
