/**
 * @module server/start-server
 * Runs the Hono app on Node's HTTP server (@hono/node-server) and hands back its URL and a
 * `close()` that waits until the port is released.
 */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one) and resolves once the server accepts connections. */
export function startServer(app: Hono, { host, port }: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server.off('error', reject);
      const address = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${address}:${info.port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
