// Reproducibility against the environment: the sample site built from two copies of the project, in two time
// zones 26 hours apart (UTC and UTC+14), with every file time in seeds/ and content/ moved (one copy to 1999,
// the other to 2038), gives byte-identical trees. Nothing may depend on the clock, the zone, file times or paths.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copySampleProject, hashTree, listFiles, removeTempDirs, tempDir } from './support/hostile.ts';
import { runCli } from './support/cli.ts';

afterAll(removeTempDirs);

function touchAll(root: string, when: Date): void {
  for (const file of listFiles(root)) fs.utimesSync(path.join(root, file), when, when);
  for (const dir of ['seeds', 'content', 'content/verdicts', 'content/_data']) fs.utimesSync(path.join(root, dir), when, when);
}

async function build(timeZone: string, when: Date): Promise<Map<string, string>> {
  const root = copySampleProject(`repro-${timeZone.replace('/', '-')}`);
  touchAll(root, when);
  const output = path.join(tempDir('repro-site'), '_site');
  const run = await runCli('build', ['--root', root, '--output', output], { env: { TZ: timeZone } });
  if (run.status !== 0) throw new Error(`build in ${timeZone} failed:\n${run.stdout}\n${run.stderr}`);
  return hashTree(output);
}

it('builds byte-identical sites in TZ=UTC and TZ=Pacific/Kiritimati with touched file times', async () => {
  const [utc, kiritimati] = await Promise.all([
    build('UTC', new Date('1999-12-31T23:59:59Z')),
    build('Pacific/Kiritimati', new Date('2038-01-19T03:14:07Z')),
  ]);
  expect(utc.size).toBeGreaterThan(20);
  expect([...kiritimati.keys()]).toEqual([...utc.keys()]);
  const differing = [...utc].filter(([file, hash]) => kiritimati.get(file) !== hash).map(([file]) => file);
  expect(differing).toEqual([]);
  console.info(`reproducible: ${utc.size} files compared by SHA-256`);
});
