// Makes a Pagefind 1.5.2 index with filters byte-identical from build to build. Pagefind keeps each
// filter's values in a hash map whose order changes with every process, and writes them in that order
// (pagefind/src/index/mod.rs leaves a note that filter indexes should become a BTree for a stable hash; sorted
// upstream after 1.5.2, "completion of deterministic output"). So each filter file is written again
// with its values sorted, and the files that name it by its hash (the meta file, and the entry file that
// names the meta file) with it. Everything else Pagefind writes is already stable.
//
// The files are gzip of "pagefind_dcd" and CBOR (minicbor's structs are arrays of their fields):
//   pagefind.<hash>.pf_meta  [version, pages, index_chunks, filters: [[name, hash], ...], sorts, meta_fields]
//   filter/<hash>.pf_filter  [name, values: [[value, pages: [n, ...]], ...]]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

type Cbor = number | string | Uint8Array | Cbor[] | boolean | null;

const PREFIX = Buffer.from('pagefind_dcd');

class Reader {
  offset = 0;
  constructor(readonly bytes: Buffer) {}

  #length(info: number): number {
    if (info < 24) return info;
    const at = this.offset;
    switch (info) {
      case 24:
        this.offset += 1;
        return this.bytes.readUInt8(at);
      case 25:
        this.offset += 2;
        return this.bytes.readUInt16BE(at);
      case 26:
        this.offset += 4;
        return this.bytes.readUInt32BE(at);
      case 27:
        this.offset += 8;
        return Number(this.bytes.readBigUInt64BE(at));
      default:
        throw new Error(`CBOR: unsupported length encoding ${info} at ${at}`);
    }
  }

  read(): Cbor {
    const head = this.bytes[this.offset++]!;
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new Error(`CBOR: unsupported simple value ${info}`);
    }
    const n = this.#length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        const slice = this.bytes.subarray(this.offset, this.offset + n);
        this.offset += n;
        return major === 3 ? slice.toString('utf8') : Uint8Array.from(slice);
      }
      case 4:
        return Array.from({ length: n }, () => this.read());
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  }
}

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 2 ** 8) return Buffer.from([(major << 5) | 24, n]);
  if (n < 2 ** 16) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  if (n < 2 ** 32) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = (major << 5) | 27;
  b.writeBigUInt64BE(BigInt(n), 1);
  return b;
}

/** CBOR as minicbor writes it: definite lengths, the shortest head for every number. */
export function encodeCbor(value: Cbor): Buffer {
  const parts: Buffer[] = [];
  const walk = (v: Cbor): void => {
    if (v === false || v === true || v === null) parts.push(Buffer.from([v === null ? 0xf6 : v ? 0xf5 : 0xf4]));
    else if (typeof v === 'number') parts.push(v < 0 ? head(1, -1 - v) : head(0, v));
    else if (typeof v === 'string') {
      const text = Buffer.from(v, 'utf8');
      parts.push(head(3, text.length), text);
    } else if (v instanceof Uint8Array) parts.push(head(2, v.length), Buffer.from(v));
    else {
      parts.push(head(4, v.length));
      for (const item of v) walk(item);
    }
  };
  walk(value);
  return Buffer.concat(parts);
}

export function decodeCbor(bytes: Buffer): Cbor {
  const reader = new Reader(bytes);
  const value = reader.read();
  if (reader.offset !== bytes.length) throw new Error('CBOR: trailing bytes');
  return value;
}

function readPagefindFile(file: string): Cbor {
  const data = gunzipSync(fs.readFileSync(file));
  if (!data.subarray(0, PREFIX.length).equals(PREFIX)) throw new Error(`${file} is not a Pagefind index file`);
  return decodeCbor(data.subarray(PREFIX.length));
}

function pagefindFile(value: Cbor): { bytes: Buffer; digest: string } {
  const cbor = encodeCbor(value);
  return { bytes: gzipSync(Buffer.concat([PREFIX, cbor]), { level: 9 }), digest: createHash('sha256').update(cbor).digest('hex') };
}

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Rewrites the filter files of the Pagefind index in `folder` (and what names them) in a stable order. */
export function stabiliseFilters(folder: string): void {
  const entryFile = path.join(folder, 'pagefind-entry.json');
  const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = path.join(folder, `pagefind.${info.hash}.pf_meta`);
    const meta = readPagefindFile(metaFile) as Cbor[];
    const filters = meta[3] as [string, string][];
    if (filters.length === 0) continue;
    // Every file is read before any is written: a new name could be an old one not yet read.
    const read = [...filters]
      .sort((a, b) => byBytes(a[0], b[0]))
      .map(([name, hash]) => ({ name, file: path.join(folder, 'filter', `${hash}.pf_filter`) }))
      .map(({ name, file }) => ({ name, file, index: readPagefindFile(file) as [string, [string, number[]][]] }));
    for (const { file } of read) fs.rmSync(file);
    const rewritten: [string, string][] = [];
    const used = new Set<string>();
    for (const { name, index } of read) {
      const [filterName, values] = index;
      const { bytes, digest } = pagefindFile([filterName, [...values].sort((a, b) => byBytes(a[0], b[0]))]);
      let length = 7;
      while (used.has(`${language}_${digest.slice(0, length)}`)) length++;
      const newHash = `${language}_${digest.slice(0, length)}`;
      used.add(newHash);
      fs.writeFileSync(path.join(folder, 'filter', `${newHash}.pf_filter`), bytes);
      rewritten.push([name, newHash]);
    }
    meta[3] = rewritten;
    const { bytes, digest } = pagefindFile(meta);
    const metaHash = `${language}_${digest.slice(0, 10)}`;
    fs.rmSync(metaFile);
    fs.writeFileSync(path.join(folder, `pagefind.${metaHash}.pf_meta`), bytes);
    info.hash = metaHash;
  }
  fs.writeFileSync(entryFile, JSON.stringify(entry));
}
