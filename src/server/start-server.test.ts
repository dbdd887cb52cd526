import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTheme } from '../publish/index.js';
import { createApp } from './app.js';
import type { RunningServer } from './start-server.js';
import { startServer } from './start-server.js';
import { createMemorySource, makeFeed, makeItem, site } from './testdata/memory-river.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function createTestApp() {
  const feed = makeFeed(1, 'LWN.net');
  return createApp(createMemorySource([makeItem(1, feed, 'Hello river')], [feed]), site, await loadTheme(site));
}

describe('startServer', () => {
  it('serves the river over HTTP on 127.0.0.1 and closes', async () => {
    server = await startServer(await createTestApp(), { host: '127.0.0.1', port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(await response.text()).toContain('Hello river');
    const url = server.url;
    await server.close();
    server = undefined;
    await expect(fetch(url)).rejects.toThrow();
  });

  it('closes promptly although a client keeps its connection alive', async () => {
    server = await startServer(await createTestApp(), { host: '127.0.0.1', port: 0 });
    const { port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent: false, headers: { Connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    const started = Date.now();
    await server.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects when the port is taken', async () => {
    server = await startServer(await createTestApp(), { host: '127.0.0.1', port: 0 });
    const port = Number(new URL(server.url).port);
    await expect(startServer(await createTestApp(), { host: '127.0.0.1', port })).rejects.toThrow(/EADDRINUSE/);
  });
});
