/**
 * @module test/browser/static-server
 * A small file server on 127.0.0.1 for the browser tests: it serves the fixture feeds (with feed
 * content types) and the output of `tributary build` the way a plain static host would — an
 * `index.html` for folder URLs, `404.html` for the rest, and no security headers of its own, so
 * the pages' `<meta>` Content-Security-Policy is the only policy the browser sees.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { startLocalServer } from '../../src/fetch/testdata/local-server.js';
import { requestedFile } from '../helpers.js';
import type { StaticServer } from '../helpers.js';

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

/** Serves the files under `dir` on 127.0.0.1 at a free port. */
export async function serveFiles(dir: string): Promise<StaticServer> {
  const server = await startLocalServer((request, response) => {
    void answer(dir, request.url ?? '/').then(({ status, type, body }) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    });
  });
  return { base: `${server.origin}/`, close: () => server.close() };
}

async function answer(dir: string, url: string): Promise<{ status: number; type: string; body: Buffer | string }> {
  let file: string;
  try {
    file = requestedFile(dir, url);
  } catch {
    return { status: 400, type: 'text/plain', body: 'bad request' };
  }
  if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
  try {
    return { status: 200, type: contentTypes[extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
  } catch {
    const notFound = await readFile(join(dir, '404.html')).catch(() => 'not found');
    return { status: 404, type: typeof notFound === 'string' ? 'text/plain' : contentTypes['.html']!, body: notFound };
  }
}
