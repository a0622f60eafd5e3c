// The search index, written from the model's records (src/eleventy/search-records.ts) by Pagefind's own
// binary in its service mode, the protocol Pagefind's Node API speaks: base64 JSON messages, each ended
// by a comma, on the binary's stdin and stdout. Spoken here rather than through that API (pagefind 1.5.2),
// for two reasons:
// - Its `writeFiles` is answered before the files are on disk (tokio's `write_all` without a flush; fixed
//   upstream after 1.5.2, "fix: flush output files before they drop"), and its `close()` kills the
//   binary: a build swapping the site in right after could ship a truncated file. `getFiles` instead
//   returns the whole index in one message, which at 100,000 verdicts is larger than a JavaScript string.
//   So the binary is made to end the way it ends after a CLI run, which waits for every write: an
//   unparseable message ends its reading thread, its request loop then returns, and the process exits only
//   once the async runtime has shut down (pagefind/src/service/mod.rs, run_service). The build goes on
//   when the binary has exited with status 0.
// - A binary that dies while a request is pending leaves that request's promise pending forever, with
//   nothing keeping Node alive: the build would exit 0 without a site. Here it fails the build.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SearchIndexError } from '../model/errors.ts';
import { shardRecords, type SearchRecord } from '../eleventy/search-records.ts';
import { stabiliseFilters } from './pagefind-filters.ts';
import type { SiteData } from '../eleventy/site-data.ts';

/** Records sent before waiting for the binary's answers: enough to keep it busy, few enough to bound the pipe's buffer. */
const IN_FLIGHT = 64;

interface Payload {
  type: string;
  [key: string]: unknown;
}

class PagefindService {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, { resolve: (payload: Payload) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #chunks: Buffer[] = [];
  #stderr = '';
  #ended: Error | undefined;
  #closing = false;
  /** Resolves with the exit status once the binary has exited. */
  readonly exited: Promise<number | null>;

  constructor(binary: string) {
    this.#child = spawn(binary, ['--service'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
    this.#child.stderr.on('data', (chunk: Buffer) => (this.#stderr = (this.#stderr + chunk.toString()).slice(-4000)));
    this.#child.stdin.on('error', () => {}); // reported by 'close', with what the binary said
    this.#child.on('error', (error) => this.#fail(new SearchIndexError(`Pagefind could not start: ${error.message}`)));
    this.exited = new Promise((resolve) => this.#child.on('close', (code) => resolve(code)));
    this.#child.on('close', (code, signal) => {
      if (this.#closing && code === 0) return;
      const said =
        this.#stderr
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.trim() ?? 'no message';
      this.#fail(new SearchIndexError(`Pagefind could not index the site (exit status ${code ?? signal}): ${said}`));
    });
  }

  #fail(error: Error): void {
    this.#ended ??= error;
    for (const { reject } of this.#pending.values()) reject(this.#ended);
    this.#pending.clear();
  }

  /** Messages end with ",", which base64 never contains; one may span several chunks. */
  #receive(chunk: Buffer): void {
    let start = 0;
    for (let comma = chunk.indexOf(44); comma !== -1 && !this.#closing; comma = chunk.indexOf(44, start)) {
      this.#chunks.push(chunk.subarray(start, comma));
      const message = Buffer.from(Buffer.concat(this.#chunks).toString('latin1'), 'base64').toString('utf8');
      this.#chunks = [];
      start = comma + 1;
      this.#answer(JSON.parse(message) as { message_id: number | null; payload: Payload });
    }
    if (start < chunk.length && !this.#closing) this.#chunks.push(chunk.subarray(start));
  }

  #answer({ message_id, payload }: { message_id: number | null; payload: Payload }): void {
    const waiting = message_id === null ? undefined : this.#pending.get(message_id);
    if (!waiting) {
      if (payload.type === 'Error') this.#fail(new SearchIndexError(`Pagefind could not read a message: ${String(payload['message'])}`));
      return;
    }
    this.#pending.delete(message_id!);
    if (payload.type === 'Error') waiting.reject(new SearchIndexError(`Pagefind: ${String(payload['message'])}`));
    else waiting.resolve(payload);
  }

  send(payload: Payload, answer: string): Promise<Payload> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = ++this.#nextId;
    return new Promise<Payload>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (got) =>
          got.type === answer ? resolve(got) : reject(new SearchIndexError(`Pagefind answered ${got.type} to ${payload.type}`)),
        reject,
      });
      this.#child.stdin.write(`${Buffer.from(JSON.stringify({ message_id: id, payload })).toString('base64')},`);
    });
  }

  /** Ends the binary after its last write (see the top of this file); rejects unless it exits with status 0. */
  async finish(): Promise<void> {
    // From now on the binary says nothing that matters: an error for the unparseable message, then (its
    // writing thread left without senders) `null` messages until it exits. They are read and dropped.
    this.#closing = true;
    this.#child.stdin.write('!,');
    const code = await this.exited;
    if (code !== 0) throw this.#ended ?? new SearchIndexError(`Pagefind exited with status ${code} after writing the index.`);
  }

  kill(): void {
    this.#closing = true;
    if (this.#child.exitCode === null) this.#child.kill();
  }
}

/**
 * Indexes `records` with the Pagefind binary and writes the index into `outputDir`. Returns the number
 * of records indexed.
 */
async function writeIndex(binary: string, records: Iterable<SearchRecord>, outputDir: string): Promise<number> {
  const service = new PagefindService(binary);
  try {
    const created = await service.send({ type: 'NewIndex', config: {} }, 'NewIndex');
    const index_id = created['index_id'];
    let count = 0;
    const inFlight = new Set<Promise<unknown>>();
    for (const record of records) {
      const sent = service.send({ type: 'AddRecord', index_id, ...record }, 'IndexedFile');
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent)).catch(() => {});
      count++;
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await service.send({ type: 'WriteFiles', index_id, output_path: path.resolve(outputDir) }, 'WriteFiles');
    await service.finish();
    stabiliseFilters(outputDir);
    // What the search page loads first; its page count says every record is in.
    const entry = JSON.parse(fs.readFileSync(path.join(outputDir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (indexed !== count) throw new SearchIndexError(`Pagefind indexed ${indexed} of the site's ${count} search records.`);
    return count;
  } finally {
    service.kill();
  }
}

/** What a shard other than the first needs: the search page runs the first one's scripts and WebAssembly. */
const SHARD_KEEPS = /^(?:pagefind-entry\.json|pagefind\.[^/]*\.pf_meta|index|fragment|filter)$/;

/**
 * Writes every search index of the site (`site.searchShards`, one Pagefind run each, one after the other)
 * into `siteDir`: the first at `pagefind/`, the others at `pagefind/2/`, ... Returns the records indexed.
 */
export async function writeSearchIndexes(binary: string, site: SiteData, siteDir: string): Promise<number> {
  let indexed = 0;
  for (const [n, shard] of site.searchShards.entries()) {
    const folder = path.join(siteDir, ...shard.bundle.split('/').filter(Boolean));
    indexed += await writeIndex(binary, shardRecords(shard, site), folder);
    if (n === 0) continue;
    for (const name of fs.readdirSync(folder)) {
      if (!SHARD_KEEPS.test(name)) fs.rmSync(path.join(folder, name), { recursive: true });
    }
  }
  return indexed;
}
