/**
 * @module demo/demo-server
 * A loopback HTTP server for the demo documents, answering conditional requests (ETag) like a
 * real feed host so the demo's second cycle shows 304s.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoDocuments } from './demo-feeds.js';

export interface DemoServer {
  /** Base URL, ending with '/'. */
  base: string;
  /** The feed URLs, with their titles. */
  feeds: Array<{ url: string; title: string }>;
  close(): Promise<void>;
}

/** Starts the demo feed server on 127.0.0.1 (port 0: any free port). */
export async function startDemoServer(port = 0, now = Date.now()): Promise<DemoServer> {
  const documents = new Map<string, { contentType: string; body: string; etag: string }>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://demo').pathname.replace(/^\//, '');
    const document = documents.get(path);
    if (!document) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (request.headers['if-none-match'] === document.etag) {
      response.writeHead(304, { etag: document.etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': document.contentType, etag: document.etag, 'cache-control': 'max-age=60' }).end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (const document of demoDocuments(base, now)) {
    const etag = `"${createHash('sha1').update(document.body).digest('hex').slice(0, 16)}"`;
    documents.set(document.path, { contentType: document.contentType, body: document.body, etag });
  }
  return {
    base,
    feeds: [
      { url: `${base}blog/atom.xml`, title: "Ada's Notebook" },
      { url: `${base}news/rss.xml`, title: 'Daily Wire News' },
      { url: `${base}videos/feed.xml`, title: 'Open Web Channel' },
      { url: `${base}comic/atom.xml`, title: 'Stick Figures Weekly' },
      { url: `${base}podcast/rss.xml`, title: 'Feed Talk' },
    ],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
