// A build killed between its two renames (the old _site moved aside to _site.previous-<pid>, the new one
// not yet moved in) leaves no _site at all: the next build puts the previous site back before it does
// anything else, so even a build that then fails on content errors leaves the reader's site in place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySampleProject, hashTree, removeTempDirs, tempDir } from './support/hostile.ts';
import { runCli } from './support/cli.ts';

afterAll(removeTempDirs);

const PREVIOUS = '<!doctype html><title>the previous site</title>';

/** The process id of a build that has ended (a finished child of this process). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid!;
}

/** The folders a build killed mid-swap leaves: the previous site moved aside, its own finished build not moved in. */
function killedMidSwap(): { output: string; before: Map<string, string> } {
  const output = path.join(tempDir('mid-swap'), '_site');
  const pid = deadPid();
  const previous = `${output}.previous-${pid}`;
  fs.mkdirSync(path.join(previous, 'verdicts'), { recursive: true });
  fs.writeFileSync(path.join(previous, 'index.html'), PREVIOUS);
  fs.writeFileSync(path.join(previous, 'verdicts/old.html'), PREVIOUS);
  const partial = `${output}.partial-${pid}`;
  fs.mkdirSync(partial);
  fs.writeFileSync(path.join(partial, 'index.html'), '<!doctype html><title>the killed build</title>');
  return { output, before: hashTree(previous) };
}

const siblings = (output: string) => fs.readdirSync(path.dirname(output)).sort();

describe('a build killed between moving the old site away and moving the new one in', () => {
  it('gets the previous site back from the next build, even one that fails on content errors', async () => {
    const root = copySampleProject('mid-swap-broken');
    fs.writeFileSync(path.join(root, 'content/verdicts/zz-broken.md'), '---\ntitle: broken\n---\n');
    const { output, before } = killedMidSwap();

    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('zz-broken.md');
    expect(run.stderr).toMatch(/restored the previous site/);
    expect(siblings(output)).toEqual(['_site']);
    expect(hashTree(output)).toEqual(before);
  });

  it('restores it, then replaces it when the build succeeds', async () => {
    const root = copySampleProject('mid-swap-good');
    const { output } = killedMidSwap();

    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status, run.stderr).toBe(0);
    expect(siblings(output)).toEqual(['_site']);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).not.toBe(PREVIOUS);
    expect(fs.existsSync(path.join(output, 'verdicts/old.html'))).toBe(false);
  });

  it('keeps the site it finds and drops the old copy when the kill came after the new site was moved in', async () => {
    const root = copySampleProject('after-swap');
    fs.writeFileSync(path.join(root, 'content/verdicts/zz-broken.md'), '---\ntitle: broken\n---\n');
    const output = path.join(tempDir('after-swap'), '_site');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'index.html'), 'the new site');
    const stale = `${output}.previous-${deadPid()}`;
    fs.mkdirSync(stale);
    fs.writeFileSync(path.join(stale, 'index.html'), PREVIOUS);

    const run = await runCli('build', ['--root', root, '--output', output]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/restored/);
    expect(siblings(output)).toEqual(['_site']);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).toBe('the new site');
  });
});
