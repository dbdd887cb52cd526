import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TributaryError } from '../model/index.js';
import { createFetcher } from './index.js';
import type { Fetcher, FetcherOptions, FetchRequest } from './index.js';
import { createAfterEachCloser, startLocalServer } from './testdata/local-server.js';
import type { LocalServer } from './testdata/local-server.js';

const feedXml = '<rss version="2.0"><channel><title>t</title></channel></rss>';

const closeAfterTest = createAfterEachCloser();

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  return closeAfterTest(await startLocalServer(handler));
}

function fetcherWith(options: FetcherOptions = {}): Fetcher {
  return closeAfterTest(createFetcher({ allowPrivate: true, ...options }));
}

async function fetchError(fetcher: Fetcher, request: FetchRequest): Promise<TributaryError> {
  const error = await fetcher.fetchFeed(request).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TributaryError);
  return error as TributaryError;
}

/** Lets an error event emitted after the fetch settled surface (vitest fails the run on it). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

describe('content encodings the fetcher cannot decode', () => {
  it.each(['zstd', 'compress', 'gzip, zstd', 'gzip, gzip, gzip, gzip, gzip, gzip'])(
    'refuses Content-Encoding: %s as FETCH_DECODE without an uncaught error',
    async (encoding) => {
      const server = await serve((_request, response) => response.writeHead(200, { 'content-encoding': encoding }).end(feedXml));
      const error = await fetchError(fetcherWith(), { url: `${server.origin}/feed` });
      expect(error.code).toBe('FETCH_DECODE');
      expect(error.message).toContain(`${server.origin}/feed`);
      await settle();
    },
  );
});

describe('redirect targets', () => {
  // Node writes a header string byte per character: this sends the UTF-8 bytes of the path raw.
  const rawUtf8 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
  const cases = [
    { name: 'raw UTF-8 in the path', location: rawUtf8('/café/ünïcode feed.xml'), finalPath: '/caf%C3%A9/%C3%BCn%C3%AFcode%20feed.xml' },
    { name: 'an already percent-encoded path', location: '/caf%C3%A9.xml', finalPath: '/caf%C3%A9.xml' },
    { name: 'a Latin-1 byte that is not UTF-8', location: '/caf\u00e9.xml', finalPath: '/caf%E9.xml' },
  ];
  it.each(cases)('follows a Location with $name to the bytes the server sent', async ({ location, finalPath }) => {
    const server = await serve((request, response) => {
      if (request.url === '/feed') response.writeHead(301, { location }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml);
    });
    const result = await fetcherWith().fetchFeed({ url: `${server.origin}/feed` });
    expect(server.requests[1]?.url).toBe(finalPath);
    expect(result.finalUrl).toBe(`${server.origin}${finalPath}`);
  });
});

describe('empty bodies', () => {
  // curl and browsers read an empty body as empty whatever its Content-Encoding; so does deflate here.
  it.each(['gzip', 'br', 'deflate', 'gzip, br'])('reads an empty body labelled Content-Encoding: %s as empty', async (encoding) => {
    const server = await serve((_request, response) => response.writeHead(200, { 'content-encoding': encoding, 'content-length': '0' }).end());
    const result = await fetcherWith().fetchFeed({ url: `${server.origin}/feed` });
    expect(result.kind === 'ok' && result.body.length).toBe(0);
  });
});

describe('a 304 nobody asked for', () => {
  it('is an HTTP status error when the request carried no validators, not-modified when it did', async () => {
    const server = await serve((_request, response) => response.writeHead(304).end());
    const fetcher = fetcherWith();
    const error = await fetchError(fetcher, { url: `${server.origin}/feed` });
    expect(error).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 304 });
    expect(error.message).toContain(`${server.origin}/feed`);
    expect(await fetcher.fetchFeed({ url: `${server.origin}/feed`, etag: '"v1"' })).toMatchObject({ kind: 'not-modified', etag: '"v1"' });
  });
});
