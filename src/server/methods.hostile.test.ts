// Requests with methods the site does not take, over real HTTP on 127.0.0.1 and a real SQLite store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTheme } from '../publish/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { createApp } from './app.js';
import { startServer } from './start-server.js';
import type { RunningServer } from './start-server.js';
import { site } from './testdata/memory-river.js';

let dir: string;
let store: Store;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tributary-methods-'));
  store = await openStore(`sqlite:${join(dir, 'store.db')}`);
  await store.addFeed({ url: 'https://a.example/feed', title: 'A' }, Date.UTC(2025, 0, 1));
  server = await startServer(createApp(store, site, await loadTheme(site), { status: async () => ({ feeds: 1 }) }), { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a method other than GET and HEAD', () => {
  const cases = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].flatMap((method) =>
    ['/', '/page/2/', '/source/1-a/', '/search?q=a', '/atom.xml', '/status', '/assets/style.css'].map((path) => ({ method, path })));
  it.each(cases)('$method $path is 405 Method Not Allowed naming GET and HEAD (RFC 9110 §15.5.6)', async ({ method, path }) => {
    const response = await fetch(new URL(path, server.url), { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    await response.body?.cancel();
  });
});

it('HEAD answers like GET without a body', async () => {
  const [get, head] = await Promise.all([fetch(server.url), fetch(server.url, { method: 'HEAD' })]);
  expect([head.status, head.headers.get('content-type'), head.headers.get('etag')]).toEqual([200, get.headers.get('content-type'), get.headers.get('etag')]);
  expect(await head.text()).toBe('');
  await get.body?.cancel();
});
