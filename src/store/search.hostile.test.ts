// Searches a reader can type that hold no searchable word, and entries whose text is far larger
// than any real post, against a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import type { Store } from './index.js';
import { MAX_INDEXED_CHARS, createSearchDocument } from './search-text.js';
import { makeEntry } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'tributary-store-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2025, 0, 1);
let counter = 0;
let store: Store;

beforeEach(async () => {
  store = await openStore(`sqlite:${join(dir, `store-${++counter}.db`)}`);
  const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' }, T0);
  await store.upsertEntries(feed.id, [makeEntry('kiwi', { title: 'Kiwi (season) *' }), makeEntry('fig', { title: 'Fig - "report"' })], T0);
});
afterEach(async () => {
  await store.close();
});

describe('a search without a single word', () => {
  const queries = ['*', '(', ')', '"', '-', '^', ':', '""', '* - ^', '🥝', '🥝🍐', ' ', ''];
  it.each(queries)('%j finds nothing instead of the whole river', async (search) => {
    const page = await store.river({ page: 1, pageSize: 10, search });
    expect([page.total, page.pages, page.items]).toEqual([0, 1, []]);
  });

  it('leaves the river without a search untouched', async () => {
    expect((await store.river({ page: 1, pageSize: 10 })).total).toBe(2);
  });
});

describe('an entry with megabytes of text in one field', () => {
  const huge = 'lorem '.repeat(400_000);
  const cases = [
    { field: 'title', entry: makeEntry('t', { title: huge }) },
    { field: 'author', entry: makeEntry('a', { author: huge }) },
    { field: 'body', entry: makeEntry('b', { content: `<p>${huge}</p>` }) },
  ] as const;
  it.each(cases)('indexes at most MAX_INDEXED_CHARS of its $field', ({ field, entry }) => {
    expect(createSearchDocument(1, entry)[field]).toHaveLength(MAX_INDEXED_CHARS);
  });
});
