// `npm run check` runs check.ts from a bundle (src/cli/compiled.mjs): it must print exactly what check.ts
// run through tsx prints, and a bundle whose sources changed must never be run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = new URL('..', import.meta.url).pathname;
const COMPILED = join(REPO, 'src/cli/compiled.mjs');
const cache = mkdtempSync(join(tmpdir(), 'compiled-check-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function run(args: string[], viaTsx = false) {
  const command = viaTsx
    ? [process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/check.ts'), ...args]]
    : [process.execPath, [COMPILED, 'check', ...args]];
  const result = spawnSync(command[0] as string, command[1] as string[], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, FACTCHECK_COMPILE_CACHE: cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const list = () => JSON.parse(readFileSync(join(cache, 'check.json'), 'utf8')) as { bundle: string; inputs: Record<string, string> };

describe('the compiled check entry', () => {
  it('prints byte for byte what check.ts prints through tsx, in every format, with the same exit status', () => {
    for (const fixture of ['rules', 'captures', 'clean']) {
      for (const format of ['text', 'github', 'json']) {
        const args = ['--root', join(REPO, 'test/fixtures', fixture), `--format=${format}`];
        expect(run(args)).toEqual(run(args, true));
      }
    }
    expect(run(['--strict', '--root', join(REPO, 'test/fixtures/rules')])).toEqual(
      run(['--strict', '--root', join(REPO, 'test/fixtures/rules')], true),
    );
    expect(run(['--format=xml'])).toEqual(run(['--format=xml'], true));
  }, 120_000);

  it('lists every source of check.ts among the bundle’s inputs, and reuses the bundle while they are unchanged', () => {
    run(['--help']);
    const first = list();
    for (const file of [
      'src/cli/check.ts',
      'src/model/model.ts',
      'src/matching/appearances.ts',
      'src/content/verdicts.ts',
      'tsconfig.json',
    ])
      expect(first.inputs[file]).toMatch(/^[0-9a-f]{64}$/);
    run(['--help']);
    expect(list()).toEqual(first);
    expect(readdirSync(cache).filter((name) => name.endsWith('.mjs'))).toEqual([first.bundle]);
  }, 60_000);

  it('compiles again when a listed source no longer has the hash the bundle was built from', () => {
    run(['--help']);
    const stale = list();
    // A bundle that would print something else, listed as built from an earlier state of model.ts.
    writeFileSync(join(cache, stale.bundle), "process.stdout.write('stale bundle\\n');\n");
    writeFileSync(
      join(cache, 'check.json'),
      JSON.stringify({ ...stale, inputs: { ...stale.inputs, 'src/model/model.ts': '0'.repeat(64) } }),
    );
    const args = ['--root', join(REPO, 'test/fixtures/rules')];
    const result = run(args);
    expect(result.stdout).not.toContain('stale bundle');
    expect(result).toEqual(run(args, true));
    expect(list().inputs['src/model/model.ts']).toBe(stale.inputs['src/model/model.ts']);
  }, 60_000);

  it('refuses a command it does not know', () => {
    const result = spawnSync(process.execPath, [COMPILED, 'rm'], {
      encoding: 'utf8',
      env: { ...process.env, FACTCHECK_COMPILE_CACHE: cache },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/names the command to run \(check\)/);
  });
});
