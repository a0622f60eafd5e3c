// Never lose work: a build killed with SIGKILL (no handler can run) after Eleventy started writing, or
// during indexing, leaves the previous _site/ as it was and no folder that looks like a finished site; `new`
// never overwrites (not even through a dangling link); check, build and review never write into seeds/
// or content/ (hashes of every file before and after).
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySampleProject, hashTree, listFiles, removeTempDirs, tempDir } from './support/hostile.ts';
import { runCli } from './support/cli.ts';

afterAll(removeTempDirs);

const PREVIOUS = '<!doctype html><title>the previous site</title>';

function previousSite(): string {
  const output = path.join(tempDir('previous'), '_site');
  fs.mkdirSync(path.join(output, 'verdicts'), { recursive: true });
  fs.writeFileSync(path.join(output, 'index.html'), PREVIOUS);
  fs.writeFileSync(path.join(output, 'verdicts/old.html'), PREVIOUS);
  return output;
}

const siblings = (output: string) => fs.readdirSync(path.dirname(output)).sort();
const partialOf = (output: string) => siblings(output).find((name) => name.startsWith('_site.partial-'));

/** Waits until `ready()` holds (polling), then SIGKILLs the child. */
async function killWhen(child: ChildProcess, ready: () => boolean): Promise<number> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > 60_000) throw new Error('the build never reached the point to kill it at');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  return Date.now() - started;
}

describe('a build killed with SIGKILL', () => {
  it.each([
    ['after Eleventy wrote its first page', (partial: string) => listFiles(partial).some((f) => f.endsWith('.html'))],
    ['while Pagefind indexes', (partial: string) => fs.existsSync(path.join(partial, 'pagefind'))],
  ])('%s leaves the previous site intact, and the next build cleans up', async (_, ready) => {
    const root = copySampleProject();
    const output = previousSite();
    const before = hashTree(output);
    let waited = 0;
    const run = await runCli('build', ['--root', root, '--output', output], {
      onSpawn: (child) => {
        void killWhen(child, () => {
          const partial = partialOf(output);
          return partial !== undefined && ready(path.join(path.dirname(output), partial));
        }).then((ms) => (waited = ms));
      },
    });
    expect(run.signal).toBe('SIGKILL');
    expect(hashTree(output)).toEqual(before);
    // What is left beside it is named as unfinished; nothing named _site but the previous site.
    expect(
      siblings(output)
        .filter((name) => name !== '_site')
        .every((name) => /^_site\.partial-\d+$/.test(name)),
    ).toBe(true);
    console.info(
      `killed ${waited} ms after spawn; left beside _site: ${
        siblings(output)
          .filter((n) => n !== '_site')
          .join(', ') || 'nothing'
      }`,
    );

    const next = await runCli('build', ['--root', root, '--output', output]);
    expect(next.status, next.stderr).toBe(0);
    expect(siblings(output)).toEqual(['_site']);
    expect(fs.readFileSync(path.join(output, 'index.html'), 'utf8')).not.toBe(PREVIOUS);
  });
});

describe('new never overwrites', () => {
  const args = (root: string, slug: string) => [
    '--root',
    root,
    '--seed',
    '000_5bff26b3a7f2143b',
    '--quote',
    'Russia will respond to attacks as an assault on its territory',
    '--slug',
    slug,
  ];

  it('an existing verdict, a file it just wrote, or a dangling link', async () => {
    const root = copySampleProject('new');
    const existing = listFiles(path.join(root, 'content/verdicts'))[0]!;
    const before = hashTree(root);
    const clash = await runCli('new', args(root, existing.replace(/\.md$/, '')));
    expect(clash.status).toBe(1);
    expect(hashTree(root)).toEqual(before);

    const first = await runCli('new', args(root, 'fresh-verdict'));
    expect(first.status, first.stderr).toBe(0);
    const written = path.join(root, 'content/verdicts/fresh-verdict.md');
    const text = fs.readFileSync(written, 'utf8');
    fs.appendFileSync(written, 'The editor has started writing.\n');
    const again = await runCli('new', args(root, 'fresh-verdict'));
    expect(again.status).toBe(1);
    expect(fs.readFileSync(written, 'utf8')).toBe(`${text}The editor has started writing.\n`);

    const away = path.join(tempDir('dangling'), 'created-through-link.md');
    fs.symlinkSync(away, path.join(root, 'content/verdicts/linked.md'));
    const linked = await runCli('new', args(root, 'linked'));
    expect(linked.status).toBe(1);
    expect(fs.existsSync(away)).toBe(false);
  });
});

describe('nothing but new writes into seeds/ or content/', () => {
  it('check, a failed build, a build and review leave every file of seeds/ and content/ byte for byte', async () => {
    const root = copySampleProject('snapshot');
    const git = (...argv: string[]) => execFileSync('git', argv, { cwd: root, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
    // An editorial change for review to report, then a snapshot of the working tree.
    const verdict = path.join(root, 'content/verdicts', fs.readdirSync(path.join(root, 'content/verdicts'))[0]!);
    fs.appendFileSync(verdict, '\nOne more sentence.\n');
    const snapshot = () =>
      new Map([...hashTree(path.join(root, 'seeds')), ...hashTree(path.join(root, 'content'))].map(([f, h]) => [f, h]));
    const times = () =>
      listFiles(root)
        .filter((f) => /^(seeds|content)\//.test(f))
        .map((f) => fs.statSync(path.join(root, f)).mtimeMs);
    const before = snapshot();
    const mtimes = times();

    expect((await runCli('check', ['--root', root])).status).toBe(0);
    const brokenOutput = path.join(tempDir('snapshot-failed'), '_site');
    const broken = path.join(root, 'content/verdicts/zz-broken.md');
    fs.writeFileSync(broken, '---\ntitle: broken\n---\n');
    expect((await runCli('build', ['--root', root, '--output', brokenOutput])).status).toBe(1);
    fs.rmSync(broken);
    expect((await runCli('build', ['--root', root])).status).toBe(0); // into <root>/_site, beside seeds/ and content/
    const review = await runCli('review', ['--root', root, '--base', 'HEAD']);
    expect(review.status, review.stderr).not.toBe(2);
    expect(review.stdout).toContain(path.basename(verdict, '.md'));

    expect(snapshot()).toEqual(before);
    expect(times()).toEqual(mtimes);
    expect(fs.readdirSync(root).sort()).toEqual(['.git', '_site', 'content', 'seeds']);
  });
});
