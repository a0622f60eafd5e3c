// `check` is the whole contract, but a build can still fail for a reason it cannot see (the search indexer
// crashing, a disk filling up). Then the build prints one line saying what failed and one hint, never a stack
// trace, and the previous site stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './support/site.ts';
import { runCli } from './support/cli.ts';

describe('a build that fails for a reason check cannot see', () => {
  it('prints one line and a hint, no stack trace, and keeps the previous site', async () => {
    const dir = tempDir('unforeseen');
    const indexer = path.join(dir, 'pagefind-that-panics');
    fs.writeFileSync(
      indexer,
      "#!/bin/sh\necho \"thread 'main' panicked at pagefind/src/index/mod.rs:530:32:\" >&2\necho 'byte index 46 is out of bounds' >&2\nexit 101\n",
      { mode: 0o755 },
    );
    const output = path.join(dir, '_site');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'index.html'), 'the previous site');
    const run = await runCli('build', ['--root', path.join(repoRoot, 'test/fixtures/clean'), '--output', output], {
      env: { PAGEFIND_BINARY_PATH: indexer },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('warning: no page at /about/'));
    expect(lines).toEqual([
      "build: Pagefind could not index the site (exit status 101): thread 'main' panicked at pagefind/src/index/mod.rs:530:32: (the previous site was left as it was).",
      expect.stringMatching(/^hint: npm run check passed this content, so check missed what broke the build/),
    ]);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).toBe('the previous site');
  });
});
