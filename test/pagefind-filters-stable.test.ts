// Pagefind 1.5.2 writes each filter's values in a per-process hash order; the build rewrites the filter
// files sorted (src/cli/pagefind-filters.ts). Its CBOR is Pagefind's own: Pagefind's untouched word index
// files decode and encode again to the same bytes. The rewritten files are sorted and named by the files
// that load them. (test/hostile-reproducible.test.ts proves two builds byte-identical.)
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../src/cli/pagefind-filters.ts';
import { listFiles, repoRoot, sharedBuild } from './support/site.ts';

let site: string;
beforeAll(async () => {
  site = await sharedBuild(repoRoot);
}, 300_000);

const PREFIX = 'pagefind_dcd';
const cborOf = (file: string) => {
  const data = gunzipSync(fs.readFileSync(path.join(site, 'pagefind', file)));
  expect(data.subarray(0, PREFIX.length).toString()).toBe(PREFIX);
  return data.subarray(PREFIX.length);
};

it('reads and writes CBOR exactly as Pagefind does (its word index files, untouched, come back byte for byte)', () => {
  const chunks = listFiles(path.join(site, 'pagefind')).filter((f) => f.endsWith('.pf_index'));
  expect(chunks.length).toBeGreaterThan(0);
  for (const file of chunks) {
    const bytes = cborOf(file);
    expect(encodeCbor(decodeCbor(bytes)).equals(bytes), file).toBe(true);
  }
});

it('writes every filter sorted, under the name the meta file gives it, and the meta file under the name the entry gives it', () => {
  const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const [{ hash }] = Object.values(entry.languages) as [{ hash: string }];
  const meta = decodeCbor(cborOf(`pagefind.${hash}.pf_meta`)) as unknown[];
  const filters = meta[3] as [string, string][];
  expect(filters.map(([name]) => name)).toEqual(['claimant', 'rating', 'source text', 'topic']);
  const files = listFiles(path.join(site, 'pagefind', 'filter'));
  expect(files.sort()).toEqual(filters.map(([, h]) => `${h}.pf_filter`).sort());
  for (const [name, h] of filters) {
    const [filterName, values] = decodeCbor(cborOf(`filter/${h}.pf_filter`)) as [string, [string, number[]][]];
    expect(filterName).toBe(name);
    const names = values.map(([value]) => value);
    expect(names, name).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(names.length, name).toBeGreaterThan(0);
  }
});
