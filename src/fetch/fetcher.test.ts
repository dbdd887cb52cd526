import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HttpStatusError, TributaryError } from '../model/index.js';
import type { ErrorCode } from '../model/index.js';
import { createFetcher } from './index.js';
import type { Fetcher, FetcherOptions, FetchRequest } from './index.js';
import { syncDecodeBytes } from './read-body.js';
import { createAfterEachCloser, findClosedPort, startLocalServer } from './testdata/local-server.js';
import type { LocalServer } from './testdata/local-server.js';

const feedXml = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';

const closeAfterTest = createAfterEachCloser();

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  return closeAfterTest(server);
}

function fetcherWith(options: FetcherOptions = {}): Fetcher {
  const fetcher = createFetcher({ allowPrivate: true, ...options });
  return closeAfterTest(fetcher);
}

async function fetchError(fetcher: Fetcher, request: FetchRequest): Promise<TributaryError> {
  try {
    await fetcher.fetchFeed(request);
  } catch (error) {
    expect(error).toBeInstanceOf(TributaryError);
    return error as TributaryError;
  }
  throw new Error(`expected ${request.url} to fail`);
}

describe('conditional GET', () => {
  it('returns the body with its validators, then not-modified when they still match', async () => {
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === '"v1"' && request.headers['if-modified-since'] === 'Tue, 01 Apr 2025 10:00:00 GMT') {
        response.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 01 Apr 2025 10:00:00 GMT' });
      response.end(feedXml);
    });
    const fetcher = fetcherWith();
    const first = await fetcher.fetchFeed({ url: `${server.origin}/feed` });
    expect(first).toMatchObject({ kind: 'ok', status: 200, etag: '"v1"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT', contentType: 'application/rss+xml' });
    expect(first.kind === 'ok' && first.body.toString()).toBe(feedXml);

    const second = await fetcher.fetchFeed({ url: `${server.origin}/feed`, etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ kind: 'not-modified', status: 304, etag: '"v1"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT' });
  });

  it('sends a User-Agent naming tributary and an Accept header preferring feeds', async () => {
    const server = await serve((_request, response) => response.end(feedXml));
    await fetcherWith().fetchFeed({ url: `${server.origin}/` });
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^tributary\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/tributary-aggregator\/tributary\)$/);
    expect(server.requests[0]?.headers.accept).toMatch(/^application\/atom\+xml, application\/rss\+xml/);
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('reads cache lifetime and WebSub links from the headers', async () => {
    const server = await serve((_request, response) => {
      response.setHeader('cache-control', 'public, max-age=600');
      response.setHeader('expires', 'Wed, 02 Apr 2025 10:00:00 GMT');
      response.setHeader('link', ['<https://hub.example/>; rel="hub"', '</feed.xml>; rel=self, <https://hub2.example/>; rel="hub"']);
      response.end(feedXml);
    });
    const result = await fetcherWith().fetchFeed({ url: `${server.origin}/x` });
    expect(result).toMatchObject({
      maxAgeSeconds: 600,
      expiresAt: Date.UTC(2025, 3, 2, 10),
      hubUrls: ['https://hub.example/', 'https://hub2.example/'],
      selfUrl: `${server.origin}/feed.xml`,
    });
  });

  it('sends credentials from the URL as Basic auth and keeps them out of error messages', async () => {
    const server = await serve((request, response) => {
      response.statusCode = request.headers.authorization === `Basic ${Buffer.from('ann:s3cret').toString('base64')}` ? 500 : 401;
      response.end();
    });
    const error = await fetchError(fetcherWith(), { url: `http://ann:s3cret@127.0.0.1:${server.port}/private` });
    expect(error).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 500 });
    expect(error.message).not.toContain('s3cret');
    expect(error.url).not.toContain('s3cret');
  });
});

describe('content encodings', () => {
  const cases: Array<{ name: string; encoding: string; encode: (data: Buffer) => Buffer }> = [
    { name: 'gzip', encoding: 'gzip', encode: (data) => gzipSync(data) },
    { name: 'zlib deflate', encoding: 'deflate', encode: (data) => deflateSync(data) },
    { name: 'raw deflate (a common server bug)', encoding: 'deflate', encode: (data) => deflateRawSync(data) },
    { name: 'brotli', encoding: 'br', encode: (data) => brotliCompressSync(data) },
    { name: 'gzip then brotli', encoding: 'gzip, br', encode: (data) => brotliCompressSync(gzipSync(data)) },
  ];
  // A small body is decoded in one call, one compressed past syncDecodeBytes through zlib streams.
  const smallBody = Buffer.from(feedXml.repeat(2000));
  const largeBody = Buffer.from(`<!-- ${randomBytes(1536 * 1024).toString('base64')} -->${feedXml}`);
  const sized = cases.flatMap((c) => [
    { ...c, size: 'small', body: smallBody },
    { ...c, size: 'large', body: largeBody },
  ]);
  it.each(sized)('decodes a $size $name body', async ({ encoding, encode, size, body }) => {
    const encoded = encode(body);
    expect(encoded.length > syncDecodeBytes).toBe(size === 'large');
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding }).end(encoded);
    });
    const result = await fetcherWith().fetchFeed({ url: `${server.origin}/` });
    expect(result.kind === 'ok' && result.body.equals(body)).toBe(true);
  });

  // A gzip member followed by stray bytes (a PHP script's trailing newline): read as browsers do.
  const withFileName = (gzip: Buffer): Buffer => Buffer.concat([Buffer.from([...gzip.subarray(0, 3), gzip[3]! | 8, ...gzip.subarray(4, 10)]), Buffer.from('feed.xml\0'), gzip.subarray(10)]);
  it.each([
    { name: 'a newline', body: smallBody, encoded: Buffer.concat([gzipSync(smallBody), Buffer.from('\r\n')]) },
    { name: 'text, with a file name in the gzip header', body: smallBody, encoded: Buffer.concat([withFileName(gzipSync(smallBody)), Buffer.from('<!-- cache -->')]) },
  ])('decodes a gzip body followed by $name', async ({ body, encoded }) => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(encoded);
    });
    const result = await fetcherWith({ totalTimeoutMs: 5_000 }).fetchFeed({ url: `${server.origin}/` });
    expect(result.kind === 'ok' && result.body.equals(body)).toBe(true);
  });

  it.each([
    { size: 'small', body: smallBody },
    { size: 'large', body: largeBody },
  ])('still refuses a $size gzip body cut short or corrupted', async ({ body }) => {
    const gzip = gzipSync(body);
    const corrupted = Buffer.from(gzip);
    corrupted.fill(0xff, corrupted.length >> 1, (corrupted.length >> 1) + 64);
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(request.url === '/cut' ? gzip.subarray(0, gzip.length - 200) : corrupted);
    });
    expect((await fetchError(fetcherWith(), { url: `${server.origin}/cut` })).code).toBe('FETCH_DECODE');
    expect((await fetchError(fetcherWith(), { url: `${server.origin}/corrupted` })).code).toBe('FETCH_DECODE');
  });

  // A deflate stream followed by stray bytes (seen from misconfigured servers): both paths ignore them.
  it.each([
    { size: 'small', body: smallBody },
    { size: 'large', body: largeBody },
  ])('decodes a $size deflate body followed by stray bytes, and does not hang', async ({ body }) => {
    const encoded = Buffer.concat([deflateSync(body), Buffer.from('\r\n')]);
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'deflate' }).end(encoded);
    });
    const result = await fetcherWith({ totalTimeoutMs: 5_000 }).fetchFeed({ url: `${server.origin}/` });
    expect(result.kind === 'ok' && result.body.equals(body)).toBe(true);
  });

  it.each([
    { size: 'small', body: smallBody },
    { size: 'large', body: largeBody },
  ])('passes an error of the sink through unchanged for a $size gzip body', async ({ body }) => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(body));
    });
    const failure = new RangeError('the sink broke');
    const error = await fetcherWith()
      .fetchFeed({ url: `${server.origin}/`, createSink: () => ({ write: () => { throw failure; } }) })
      .catch((caught: unknown) => caught);
    expect(error).not.toMatchObject({ code: 'FETCH_DECODE' });
    expect(String(error)).toContain('the sink broke');
  });

  it('passes an error of createSink through and still lets the fetcher close (the body is released)', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write(feedXml);
    });
    const fetcher = createFetcher({ allowPrivate: true });
    const failure = new RangeError('no sink today');
    const error = await fetcher.fetchFeed({ url: `${server.origin}/`, createSink: () => { throw failure; } }).catch((caught: unknown) => caught);
    expect(String(error)).toContain('no sink today');
    const closed = await Promise.race([fetcher.close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000))]);
    expect(closed).toBe('closed');
  });

  it('decodes a compressed body when the size limit is larger than any buffer', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(feedXml));
    });
    const result = await fetcherWith({ maxBodyBytes: Number.MAX_SAFE_INTEGER }).fetchFeed({ url: `${server.origin}/` });
    expect(result.kind === 'ok' && result.body.toString()).toBe(feedXml);
  });

  const corrupt = (bytes: Buffer): Buffer => {
    const copy = Buffer.from(bytes);
    copy.fill(0x5a, copy.length >> 1, (copy.length >> 1) + 64);
    return copy;
  };
  it.each([
    { name: 'a body that is not gzip at all', body: Buffer.from('this is not gzip at all') },
    { name: 'a corrupt small gzip body', body: corrupt(gzipSync(randomBytes(64 * 1024))) },
    { name: 'a corrupt gzip body past the synchronous size', body: corrupt(gzipSync(randomBytes(1536 * 1024))) },
  ])('reports $name as FETCH_DECODE', async ({ body }) => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(body);
    });
    expect((await fetchError(fetcherWith(), { url: `${server.origin}/` })).code).toBe('FETCH_DECODE');
  });
});

describe('size limits', () => {
  it('stops a gzip bomb at the limit on decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb);
    });
    const started = performance.now();
    const error = await fetchError(fetcherWith({ maxBodyBytes: 1024 * 1024 }), { url: `${server.origin}/bomb` });
    expect(error.code).toBe('FETCH_TOO_LARGE');
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    { encoding: 'br', bomb: () => brotliCompressSync(Buffer.alloc(200 * 1024 * 1024), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }) },
    { encoding: 'deflate', bomb: () => deflateSync(Buffer.alloc(200 * 1024 * 1024)) },
    { encoding: 'deflate', bomb: () => deflateRawSync(Buffer.alloc(200 * 1024 * 1024)) },
    { encoding: 'gzip, gzip', bomb: () => gzipSync(gzipSync(Buffer.alloc(200 * 1024 * 1024))) },
  ])('stops a $encoding bomb at the same limit', async ({ encoding, bomb }) => {
    const body = bomb();
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding }).end(body);
    });
    const error = await fetchError(fetcherWith({ maxBodyBytes: 1024 * 1024 }), { url: `${server.origin}/bomb` });
    expect(error.code).toBe('FETCH_TOO_LARGE');
  });

  it('stops a bomb compressed past the synchronous size at the same limit', async () => {
    const bomb = gzipSync(Buffer.concat([randomBytes(syncDecodeBytes + 64 * 1024), Buffer.alloc(100 * 1024 * 1024)]));
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
    });
    const error = await fetchError(fetcherWith({ maxBodyBytes: 4 * 1024 * 1024 }), { url: `${server.origin}/bomb` });
    expect(error.code).toBe('FETCH_TOO_LARGE');
    expect(bomb.length).toBeGreaterThan(syncDecodeBytes);
  });

  const oversized: Array<{ name: string; withLength: boolean }> = [
    { name: 'with a Content-Length', withLength: true },
    { name: 'streamed without a length', withLength: false },
  ];
  it.each(oversized)('refuses a plain body larger than the limit $name', async ({ withLength }) => {
    const body = Buffer.alloc(300 * 1024, 'a');
    const server = await serve((_request, response) => {
      if (withLength) response.setHeader('content-length', body.length);
      response.end(body);
    });
    expect((await fetchError(fetcherWith({ maxBodyBytes: 100 * 1024 }), { url: `${server.origin}/` })).code).toBe('FETCH_TOO_LARGE');
    // A body dropped without an error listener would surface here as an uncaught exception.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers within the total timeout', async () => {
    const server = await serve(() => undefined);
    const started = performance.now();
    const error = await fetchError(fetcherWith({ totalTimeoutMs: 300 }), { url: `${server.origin}/slow` });
    expect(error.code).toBe('FETCH_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('gives up on an endless dripping body', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const drip = setInterval(() => response.write('<item/>'), 20);
      response.on('close', () => clearInterval(drip));
    });
    const started = performance.now();
    const error = await fetchError(fetcherWith({ totalTimeoutMs: 400 }), { url: `${server.origin}/drip` });
    expect(['FETCH_TIMEOUT', 'FETCH_TOO_LARGE']).toContain(error.code);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('redirects', () => {
  /** A server where /hop/<n>/<status> redirects to hop n-1 with that status, and /hop/0 serves the feed. */
  async function serveChain(): Promise<LocalServer> {
    return serve((request, response) => {
      const [, , depth, ...statuses] = (request.url ?? '/').split('/');
      if (depth === '0') return void response.end(feedXml);
      const [status, ...rest] = statuses;
      response.writeHead(Number(status), { location: `/hop/${Number(depth) - 1}/${rest.join('/')}` }).end();
    });
  }

  const cases: Array<{ name: string; statuses: number[]; permanent: boolean }> = [
    { name: 'a chain of 301s', statuses: [301, 301], permanent: true },
    { name: 'a 301 then a 308', statuses: [301, 308], permanent: true },
    { name: 'a 301 then a 302', statuses: [301, 302], permanent: false },
    { name: 'a single 302', statuses: [302], permanent: false },
    { name: 'a 307', statuses: [307], permanent: false },
  ];
  it.each(cases)('follows $name (permanent: $permanent)', async ({ statuses, permanent }) => {
    const server = await serveChain();
    const url = `${server.origin}/hop/${statuses.length}/${statuses.join('/')}`;
    const result = await fetcherWith().fetchFeed({ url });
    expect(result).toMatchObject({ kind: 'ok', requestedUrl: url, finalUrl: `${server.origin}/hop/0/` });
    expect(result.permanentUrl).toBe(permanent ? `${server.origin}/hop/0/` : null);
  });

  it('has no permanentUrl when nothing redirected', async () => {
    const server = await serveChain();
    expect((await fetcherWith().fetchFeed({ url: `${server.origin}/hop/0/` })).permanentUrl).toBeNull();
  });

  it('refuses more redirects than allowed', async () => {
    const server = await serveChain();
    const error = await fetchError(fetcherWith({ maxRedirects: 2 }), { url: `${server.origin}/hop/3/301/301/301` });
    expect(error.code).toBe('FETCH_TOO_MANY_REDIRECTS');
  });

  it('detects a redirect loop before the redirect budget runs out', async () => {
    const server = await serve((request, response) => {
      response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' }).end();
    });
    const error = await fetchError(fetcherWith({ maxRedirects: 20 }), { url: `${server.origin}/a` });
    expect(error.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const server = await serve((_request, response) => response.writeHead(301, { location: 'file:///etc/passwd' }).end());
    expect((await fetchError(fetcherWith(), { url: `${server.origin}/` })).code).toBe('FETCH_BAD_URL');
  });
});

describe('HTTP errors', () => {
  // A Retry-After date 90 s ahead of when the server answers (the header has whole seconds).
  const in90s = 'in-90s';
  const cases: Array<{ name: string; status: number; headers?: Record<string, string>; code: ErrorCode; retryAfterMs: number | null | 'about-90s' }> = [
    { name: '404', status: 404, code: 'FETCH_HTTP_STATUS', retryAfterMs: null },
    { name: '410 Gone', status: 410, code: 'FETCH_GONE', retryAfterMs: null },
    { name: '500', status: 500, code: 'FETCH_HTTP_STATUS', retryAfterMs: null },
    { name: '429 with Retry-After seconds', status: 429, headers: { 'retry-after': '120' }, code: 'FETCH_HTTP_STATUS', retryAfterMs: 120_000 },
    { name: '429 with a Retry-After date', status: 429, headers: { 'retry-after': in90s }, code: 'FETCH_HTTP_STATUS', retryAfterMs: 'about-90s' },
    { name: '503 with Retry-After seconds', status: 503, headers: { 'retry-after': '30' }, code: 'FETCH_HTTP_STATUS', retryAfterMs: 30_000 },
    { name: '503 with a Retry-After date', status: 503, headers: { 'retry-after': in90s }, code: 'FETCH_HTTP_STATUS', retryAfterMs: 'about-90s' },
    { name: '429 without Retry-After', status: 429, code: 'FETCH_HTTP_STATUS', retryAfterMs: null },
  ];
  it.each(cases)('reports $name', async ({ status, headers, code, retryAfterMs }) => {
    const server = await serve((_request, response) => {
      const retryAfter = headers?.['retry-after'] === in90s ? { 'retry-after': new Date(Date.now() + 90_000).toUTCString() } : {};
      response.writeHead(status, { ...headers, ...retryAfter }).end('nope');
    });
    const error = await fetchError(fetcherWith(), { url: `${server.origin}/feed` });
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ code, status });
    expect(error.message).toContain(`${server.origin}/feed`);
    const waited = (error as HttpStatusError).retryAfterMs;
    if (retryAfterMs === 'about-90s') {
      expect(waited).toBeGreaterThan(85_000);
      expect(waited).toBeLessThanOrEqual(90_000);
    } else {
      expect(waited).toBe(retryAfterMs);
    }
  });

  it('reports a refused connection as FETCH_CONNECTION', async () => {
    const port = await findClosedPort();
    const error = await fetchError(fetcherWith(), { url: `http://127.0.0.1:${port}/feed` });
    expect(error.code).toBe('FETCH_CONNECTION');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  const badUrls = ['ftp://example.org/feed', 'not a url', 'file:///etc/passwd', 'javascript:alert(1)'];
  it.each(badUrls)('refuses %s as FETCH_BAD_URL', async (url) => {
    expect((await fetchError(fetcherWith(), { url })).code).toBe('FETCH_BAD_URL');
  });
});

describe('per-host concurrency', () => {
  it('never has more than perHostConcurrency requests at once at one host', async () => {
    let active = 0;
    let peak = 0;
    const server = await serve((_request, response) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        response.end(feedXml);
      }, 80);
    });
    const fetcher = fetcherWith({ perHostConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => fetcher.fetchFeed({ url: `${server.origin}/feed/${i}` })));
    expect(results.every((result) => result.kind === 'ok')).toBe(true);
    expect(server.requests).toHaveLength(6);
    expect(peak).toBe(2);
  });

  it('does not charge time spent queued to the total timeout', async () => {
    const server = await serve((_request, response) => setTimeout(() => response.end(feedXml), 150));
    const fetcher = fetcherWith({ perHostConcurrency: 1, totalTimeoutMs: 400 });
    const results = await Promise.all(Array.from({ length: 4 }, () => fetcher.fetchFeed({ url: `${server.origin}/` })));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
  });
});

describe('streaming to a sink', () => {
  it('hands the decompressed body to the sink as it arrives and keeps no copy', async () => {
    const big = `<rss version="2.0"><channel>${'<item><title>x</title></item>'.repeat(20_000)}</channel></rss>`;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(big));
    });
    const chunks: Buffer[] = [];
    let seen: { contentType: string | null; finalUrl: string } | null = null;
    const result = await fetcherWith().fetchFeed({
      url: `${server.origin}/feed`,
      createSink: (response) => {
        seen = response;
        return { write: (chunk) => chunks.push(chunk) };
      },
    });
    expect(result.kind === 'ok' && result.body.length).toBe(0);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString()).toBe(big);
    expect(seen).toEqual({ contentType: 'application/rss+xml; charset=utf-8', finalUrl: `${server.origin}/feed` });
  });

  it('ends the fetch with the error the sink throws', async () => {
    const server = await serve((_request, response) => response.writeHead(200).end(feedXml));
    const error = await fetchError(fetcherWith(), {
      url: `${server.origin}/feed`,
      createSink: () => ({
        write() {
          throw new TributaryError('PARSE_NOT_A_FEED', 'not a feed', { url: `${server.origin}/feed` });
        },
      }),
    });
    expect(error.code).toBe('PARSE_NOT_A_FEED');
  });
});
