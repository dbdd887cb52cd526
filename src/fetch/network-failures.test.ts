import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TributaryError } from '../model/index.js';
import { createFetcher } from './index.js';
import type { Fetcher, FetcherOptions } from './index.js';
import { createAfterEachCloser, startLocalServer } from './testdata/local-server.js';
import type { LocalServer } from './testdata/local-server.js';

const closeAfterTest = createAfterEachCloser();

async function serve(handler: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  return closeAfterTest(server);
}

function fetcherWith(options: FetcherOptions = {}): Fetcher {
  const fetcher = createFetcher({ allowPrivate: true, ...options });
  return closeAfterTest(fetcher);
}

async function fetchError(fetcher: Fetcher, url: string): Promise<TributaryError> {
  const error = await fetcher.fetchFeed({ url }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TributaryError);
  return error as TributaryError;
}

/** The codes of an error and its causes, outermost first. */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    codes.push(String((current as { code?: unknown }).code));
  }
  return codes;
}

describe('timeouts are told apart', () => {
  it('reports a server that sends no headers within headersTimeoutMs, well before the total timeout', async () => {
    const server = await serve(() => undefined);
    const started = performance.now();
    const error = await fetchError(fetcherWith({ headersTimeoutMs: 300, totalTimeoutMs: 10_000 }), `${server.origin}/`);
    expect(error.code).toBe('FETCH_TIMEOUT');
    expect(causeCodes(error)).toContain('UND_ERR_HEADERS_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('reports a body that goes silent for idleBodyTimeoutMs, well before the total timeout', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel>');
    });
    const started = performance.now();
    const error = await fetchError(fetcherWith({ idleBodyTimeoutMs: 300, totalTimeoutMs: 10_000 }), `${server.origin}/`);
    expect(error.code).toBe('FETCH_TIMEOUT');
    expect(causeCodes(error)).toContain('UND_ERR_BODY_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('lets a slow but steady body finish when it fits the total timeout', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200);
      let sent = 0;
      const drip = setInterval(() => {
        if (++sent === 5) {
          clearInterval(drip);
          response.end('</rss>');
        } else response.write('<item/>');
      }, 100);
    });
    const result = await fetcherWith({ idleBodyTimeoutMs: 300, totalTimeoutMs: 5_000 }).fetchFeed({ url: `${server.origin}/` });
    expect(result.kind === 'ok' && result.body.toString()).toBe('<item/><item/><item/><item/></rss>');
  });
});

describe('connection failures', () => {
  it('reports a self-signed certificate as FETCH_TLS', async () => {
    const testdata = new URL('./testdata/', import.meta.url);
    const server = createServer(
      { key: readFileSync(new URL('self-signed.key', testdata)), cert: readFileSync(new URL('self-signed.crt', testdata)) },
      (_request, response) => response.end('<rss/>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closeAfterTest({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const { port } = server.address() as AddressInfo;
    const error = await fetchError(fetcherWith(), `https://127.0.0.1:${port}/feed`);
    expect(error.code).toBe('FETCH_TLS');
    expect(error.message).toContain(`https://127.0.0.1:${port}/feed`);
  });

  it('reports a plain-HTTP server on an https URL as FETCH_TLS', async () => {
    const server = await serve((_request, response) => response.end('<rss/>'));
    const error = await fetchError(fetcherWith(), `https://127.0.0.1:${server.port}/feed`);
    expect(error.code).toBe('FETCH_TLS');
  });

  it('reports a host name that does not resolve as FETCH_DNS', async () => {
    const error = await fetchError(fetcherWith({ allowPrivate: false }), 'http://nonexistent.invalid/feed');
    expect(error.code).toBe('FETCH_DNS');
    expect(error.message).toContain('nonexistent.invalid');
  });

  // Plain, and gzip below and past the size decoded in one call (read-body.ts has two paths).
  const droppedBodies: Array<{ name: string; encoding: string | null; head: Buffer }> = [
    { name: 'a plain body', encoding: null, head: Buffer.from('<rss>') },
    { name: 'a small gzip body', encoding: 'gzip', head: gzipSync('<rss>'.repeat(100)).subarray(0, 40) },
    { name: 'a gzip body past 1 MiB', encoding: 'gzip', head: gzipSync(randomBytes(1536 * 1024)).subarray(0, 1280 * 1024) },
  ];
  it.each(droppedBodies)('reports a connection dropped in the middle of $name as FETCH_CONNECTION', async ({ encoding, head }) => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-length': String(head.length + 1000), ...(encoding ? { 'content-encoding': encoding } : {}) });
      response.write(head);
      setTimeout(() => request.socket.destroy(), 50);
    });
    expect((await fetchError(fetcherWith(), `${server.origin}/`)).code).toBe('FETCH_CONNECTION');
  });

  it('passes a caller abort through as the caller reason, not as a feed failure', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    await expect(fetcherWith().fetchFeed({ url: `${server.origin}/`, signal: controller.signal })).rejects.toThrow('shutting down');
  });
});
