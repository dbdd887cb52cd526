// A feed reader polling the output feeds with If-None-Match, over a real SQLite store: while the
// river and the subscriptions stay the same, every document answers 304, whatever the clock says.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadTheme } from '../publish/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { createApp } from './app.js';
import { site } from './testdata/memory-river.js';

const T0 = Date.UTC(2025, 0, 1);
let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
let clock = T0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tributary-conditional-'));
  store = await openStore(`sqlite:${join(dir, 'store.db')}`);
  const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' }, T0 - 60_000);
  await store.upsertEntries(feed.id, [{
    guid: 'g', link: 'https://a.example/g', title: 'Hello', author: null, published: T0 - 1000, updated: null, content: '<p>x</p>',
    summary: null, categories: [], enclosures: [], thumbnail: null, mediaDescription: null, durationSeconds: null, contentHash: 'h',
  }], T0);
  app = createApp(store, site, await loadTheme(site), { now: () => new Date(clock) });
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

it.each(['/atom.xml', '/rss.xml', '/feed.json', '/opml.xml'])('%s answers 304 to its own ETag a minute later', async (path) => {
  clock = T0;
  const first = await app.request(path);
  expect(first.status).toBe(200);
  clock = T0 + 60_000;
  const again = await app.request(path, { headers: { 'If-None-Match': first.headers.get('etag')! } });
  expect(again.status).toBe(304);
});
