/**
 * @module test/browser/static-server
 * A small file server on 127.0.0.1 for the browser tests: it serves the fixture feeds (with feed
 * content types) and the output of `tributary build` the way a plain static host would — an
 * `index.html` for folder URLs, `404.html` for the rest, and no security headers of its own, so
 * the pages' `<meta>` Content-Security-Policy is the only policy the browser sees.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
};

/** A running file server. */
export interface FileServer {
  /** `http://127.0.0.1:PORT/`. */
  base: string;
  close(): Promise<void>;
}

/** Serves the files under `dir` on 127.0.0.1 at a free port. */
export async function serveFiles(dir: string): Promise<FileServer> {
  const server = createServer((request, response) => {
    void answer(dir, request.url ?? '/').then(({ status, type, body }) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(dir: string, url: string): Promise<{ status: number; type: string; body: Buffer | string }> {
  let path: string;
  try {
    path = normalize(decodeURIComponent(new URL(url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  } catch {
    return { status: 400, type: 'text/plain', body: 'bad request' };
  }
  let file = join(dir, path);
  if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
  try {
    return { status: 200, type: contentTypes[extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
  } catch {
    const notFound = await readFile(join(dir, '404.html')).catch(() => 'not found');
    return { status: 404, type: typeof notFound === 'string' ? 'text/plain' : contentTypes['.html']!, body: notFound };
  }
}
