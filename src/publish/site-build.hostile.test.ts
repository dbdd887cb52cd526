// Rebuilding a static site over a real SQLite store after sources went away and the river got
// shorter, in a folder that also holds the owner's own files.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EntryInput } from '../model/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { buildSite } from './site-build.js';
import { site } from './testdata/river-fixtures.js';

const T0 = Date.UTC(2025, 0, 1);
let dir: string;
let store: Store;

function entry(guid: string, published: number): EntryInput {
  return {
    guid, link: `https://a.example/${guid}`, title: guid, author: null, published, updated: null, content: `<p>${guid}</p>`,
    summary: null, categories: [], enclosures: [], thumbnail: null, mediaDescription: null, durationSeconds: null, contentHash: guid,
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tributary-build-hostile-'));
  store = await openStore(`sqlite:${join(dir, 'store.db')}`);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

it('leaves no empty folder where a removed source or a dropped river page was, and keeps folders holding other files', async () => {
  const out = join(dir, 'site');
  const kept = await store.addFeed({ url: 'https://a.example/feed', title: 'Kept' }, T0);
  const gone = await store.addFeed({ url: 'https://b.example/feed', title: 'Gone away' }, T0);
  await store.upsertEntries(kept.id, [entry('k1', T0 - 1), entry('k2', T0 - 2)], T0);
  await store.upsertEntries(gone.id, [entry('g1', T0 - 3), entry('g2', T0 - 4), entry('g3', T0 - 5)], T0);
  await buildSite(store, { ...site, pageSize: 2 }, out, { now: new Date(T0) });
  expect(existsSync(join(out, 'source/2-gone-away/page/2/index.html'))).toBe(true);
  expect(existsSync(join(out, 'page/3/index.html'))).toBe(true);
  await mkdir(join(out, 'page/notes'));
  await writeFile(join(out, 'page/notes/todo.md'), 'mine');

  await store.removeFeed('https://b.example/feed');
  await buildSite(store, { ...site, pageSize: 2 }, out, { now: new Date(T0) });

  // A static web server answers an empty folder with 403 or a listing, not with the 404 page.
  expect(existsSync(join(out, 'source/2-gone-away'))).toBe(false);
  expect(existsSync(join(out, 'page/2'))).toBe(false);
  expect(existsSync(join(out, 'page/3'))).toBe(false);
  expect(await readFile(join(out, 'page/notes/todo.md'), 'utf8')).toBe('mine');
  expect(existsSync(join(out, 'source/1-kept/index.html'))).toBe(true);
});
