// Text that is not well-formed UTF-16 (a JSON feed may escape a lone surrogate, "\ud800"), written
// to a real SQLite file: what lands in the file must be UTF-8 that any other reader can decode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { openStore } from './index.js';
import { makeEntry } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'tributary-store-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2025, 0, 1);

it('stores a lone surrogate as one U+FFFD, in valid UTF-8, and keeps a paired one', async () => {
  const file = join(dir, 'store.db');
  const store = await openStore(`sqlite:${file}`);
  try {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'Feed \ud800 title' }, T0);
    await store.upsertEntries(feed.id, [makeEntry('g', { title: 'Lone \udfff and pair \ud83e\udd5d', author: '\ud800', content: '<p>\ud83d</p>' })], T0);
    const [item] = (await store.river({ page: 1, pageSize: 1 })).items;
    expect([item?.feedTitle, item?.title, item?.author, item?.content]).toEqual(['Feed \ufffd title', 'Lone \ufffd and pair 🥝', '\ufffd', '<p>\ufffd</p>']);
  } finally {
    await store.close();
  }

  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = raw.prepare('SELECT CAST(title AS BLOB) AS text FROM feeds UNION ALL SELECT CAST(title || author || content AS BLOB) FROM entries').all() as { text: Buffer }[];
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const row of rows) expect(() => strict.decode(row.text)).not.toThrow();
  } finally {
    raw.close();
  }
});

it('recognises an entry whose guid holds a lone surrogate on the next fetch, and two guids that differ only there as one', async () => {
  const store = await openStore(`sqlite:${join(dir, 'guids.db')}`);
  try {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' }, T0);
    const lone = { ...makeEntry('post'), guid: 'post-\ud800', contentHash: 'v1' };
    expect(await store.upsertEntries(feed.id, [lone], T0)).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await store.entryHashes(feed.id, [lone.guid])).toEqual(new Map([[lone.guid, 'v1']]));
    expect(await store.upsertEntries(feed.id, [lone], T0)).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await store.upsertEntries(feed.id, [{ ...lone, contentHash: 'v2' }], T0)).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const twins = [{ ...makeEntry('twin'), guid: 'twin-\udc00' }, { ...makeEntry('twin'), guid: 'twin-\udfff' }];
    expect(await store.upsertEntries(feed.id, twins, T0)).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
  } finally {
    await store.close();
  }
});
