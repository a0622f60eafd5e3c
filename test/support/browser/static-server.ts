// A static file server for a built site on 127.0.0.1 (random port), behaving like the static hosts the
// site is published on: the site lives under its path prefix, `/dir` redirects to `/dir/`, `/dir/` serves
// `dir/index.html`, unknown paths get `404.html` with status 404, and the headers the build writes in
// `_headers` (Netlify / Cloudflare Pages format, the CSP among them) are sent, so the browser tests run
// under the same Content-Security-Policy readers get.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface ServedSite {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** `/` or `/factcheck/` */
  prefix: string;
  /** Absolute URL of a site path given without the prefix: `url('/seeds/a/')`. */
  url(sitePath: string): string;
  close(): Promise<void>;
}

/** Headers of the `<prefix>*` rule of a `_headers` file: the one rule the build writes, for every page of the site. */
function siteHeaders(dir: string, base: string): Record<string, string> {
  const file = path.join(dir, '_headers');
  if (!fs.existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let inGlobalRule = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inGlobalRule = line.trim() === `${base}*`;
      continue;
    }
    const colon = line.indexOf(':');
    if (inGlobalRule && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Serves `dir` under `prefix` until `close()`; `headers` replace or add to those of `_headers`. */
export async function serveSite(dir: string, prefix = '/', headers: Record<string, string> = {}): Promise<ServedSite> {
  const root = path.resolve(dir);
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const extra = { ...siteHeaders(root, base), ...headers };

  const send = (res: http.ServerResponse, status: number, file: string, head: boolean) => {
    const body = fs.readFileSync(file);
    res.writeHead(status, {
      ...extra,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(head ? undefined : body);
  };

  const server = http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (fs.existsSync(page)) send(res, 404, page, head);
      else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    };
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (`${pathname}/` === base) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound();
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return notFound();
    }
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      return notFound();
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(res, 200, index, head) : notFound();
    }
    send(res, 200, file, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    prefix: base,
    url: (sitePath: string) => `${origin}${base}${sitePath.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
