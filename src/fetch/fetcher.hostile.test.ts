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
