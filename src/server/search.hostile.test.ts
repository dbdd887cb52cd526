// Search queries longer than the server reads, over a real SQLite store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntryInput } from '../model/index.js';
import { loadTheme } from '../publish/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { createApp } from './app.js';
import { site } from './testdata/memory-river.js';

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
const errors: Error[] = [];

function entry(n: number): EntryInput {
  return {
    guid: `g${n}`, link: `https://a.example/${n}`, title: `Hello river ${n}`, author: null, published: Date.UTC(2025, 0, 1) - n,
    updated: null, content: '<p>text</p>', summary: null, categories: [], enclosures: [], thumbnail: null, mediaDescription: null,
    durationSeconds: null, contentHash: `h${n}`,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tributary-search-'));
  store = await openStore(`sqlite:${join(dir, 'store.db')}`);
  const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' }, Date.UTC(2025, 0, 1));
  await store.upsertEntries(feed.id, [1, 2, 3, 4, 5].map(entry), Date.UTC(2025, 0, 1));
  app = createApp(store, site, await loadTheme(site), { onError: (error) => errors.push(error) });
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

it('cuts a long query between characters, never inside an emoji, and pages its results', async () => {
  // 'hello', spaces, then an emoji (two UTF-16 units) across the 200th unit, where the query is cut.
  const query = `hello${' '.repeat(194)}😀 river`;
  const response = await app.request(`/search?q=${encodeURIComponent(query)}`);
  expect([response.status, errors]).toEqual([200, []]);
  const html = await response.text();
  expect(html).toContain('href="./search?q=hello');
  expect(html).not.toContain('\ufffd');
});
