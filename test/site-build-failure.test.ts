// A build that cannot succeed (content errors) or is interrupted leaves the previous site exactly as it was,
// and content errors are printed exactly as `npm run check` prints them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './support/site.ts';
import { runCli, runCliSync } from './support/cli.ts';

const broken = path.join(repoRoot, 'test/fixtures/site-hostile');

/** A copy of a fixture project with one verdict broken (an unknown rating and a quote not in the seed). */
function brokenProject(): string {
  const root = tempDir('broken');
  fs.cpSync(broken, root, { recursive: true });
  const file = path.join(root, 'content/verdicts/payload.md');
  const text = fs
    .readFileSync(file, 'utf8')
    .replace('rating: "false"', 'rating: wrong')
    .replace(/^quote: .*$/m, 'quote: words that are nowhere in the seed');
  fs.writeFileSync(file, text);
  return root;
}

function previousSite(): string {
  const output = path.join(tempDir('previous'), '_site');
  fs.mkdirSync(output);
  fs.writeFileSync(path.join(output, 'index.html'), 'the previous site');
  return output;
}

const siblings = (output: string) => fs.readdirSync(path.dirname(output)).sort();

describe('a failed build', () => {
  it("prints check's messages, exits 1 and leaves the previous site intact", async () => {
    const root = brokenProject();
    const output = previousSite();
    const run = await runCli('build', ['--root', root, '--output', output]);
    const check = runCliSync('check', ['--root', root]);
    expect(check.status).toBe(1);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(check.stdout);
    expect(run.stdout).toContain('[rating-unknown]');
    expect(run.stderr.trim()).toBe(check.stderr.trim());
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).toBe('the previous site');
    expect(siblings(output)).toEqual(['_site']);
  });

  it('leaves the previous site intact when interrupted, and removes its partial folder', async () => {
    const output = previousSite();
    let kill: ((signal: NodeJS.Signals) => void) | undefined;
    const running = runCli('build', ['--root', repoRoot, '--output', output], {
      onSpawn: (child) => (kill = (signal) => child.kill(signal)),
    });
    // Interrupt once the build has started writing its partial folder.
    const deadline = Date.now() + 30_000;
    while (!siblings(output).some((name) => name.startsWith('_site.partial-')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    kill!('SIGTERM');
    const run = await running;
    expect(run.status === 143 || run.signal === 'SIGTERM', run.stderr).toBe(true);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).toBe('the previous site');
    expect(siblings(output)).toEqual(['_site']);
  });

  it('refuses an output folder that holds the project', async () => {
    const run = await runCli('build', ['--root', broken, '--output', path.dirname(broken)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/contains the project itself/);
  });
});
