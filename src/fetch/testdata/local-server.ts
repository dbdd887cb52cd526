/**
 * @module fetch/testdata/local-server
 * Real HTTP servers on 127.0.0.1, port 0, for the fetch tests; `close` also drops kept-alive
 * connections so a test never waits on them.
 */
import { createServer } from 'node:http';
import { afterEach } from 'vitest';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  port: number;
  /** Every request received, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts a server running `handler`; remember to close it. */
export async function startLocalServer(handler: RequestListener): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push(request);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = await startLocalServer(() => undefined);
  await server.close();
  return server.port;
}

/**
 * Closes, after each test of the calling file, every server or fetcher handed to the function it
 * returns (last opened, first closed); the function returns what it was given.
 */
export function createAfterEachCloser(): <T extends { close(): Promise<void> }>(resource: T) => T {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()?.close();
  });
  return (resource) => {
    open.push(resource);
    return resource;
  };
}
