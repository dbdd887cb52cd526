import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { sqlitePathOf } from './sqlite-engine.js';

const T0 = Date.UTC(2025, 0, 1);

describe('sqlitePathOf', () => {
  const cases: { url: string; path: string }[] = [
    { url: 'sqlite:data/tributary.db', path: resolve('data/tributary.db') },
    { url: 'sqlite:/var/lib/tributary.db', path: '/var/lib/tributary.db' },
    { url: 'sqlite:///var/lib/tributary.db', path: '/var/lib/tributary.db' },
    { url: 'sqlite::memory:', path: ':memory:' },
  ];
  for (const { url, path } of cases) {
    it(`reads ${url} as ${path}`, () => expect(sqlitePathOf(url)).toBe(path));
  }
});

describe('openStore with SQLite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tributary-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing folders and puts the file in WAL mode with foreign keys on', async () => {
    const path = join(dir, 'deep', 'er', 'tributary.db');
    const store = await openStore(`sqlite:${path}`);
    expect(store.engine).toBe('sqlite');
    await store.addFeed({ url: 'https://a.example/feed' }, T0);
    await store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT count(*) AS n FROM store_migration').get()).toEqual({ n: 4 });
    expect(raw.prepare("SELECT v FROM entries_fts_config WHERE k = 'automerge'").get()).toEqual({ v: 16 });
    raw.close();
  });

  it('opens a throw-away database in memory', async () => {
    const store = await openStore('sqlite::memory:');
    await store.addFeed({ url: 'https://a.example/feed' }, T0);
    expect(await store.allFeeds()).toHaveLength(1);
    await store.close();
  });

  it('reads a database opened read-only and refuses to write to it', async () => {
    const url = `sqlite:${join(dir, 'ro.db')}`;
    const writer = await openStore(url);
    await writer.addFeed({ url: 'https://a.example/feed' }, T0);
    await writer.close();
    const reader = await openStore(url, { readonly: true });
    expect((await reader.listFeeds()).map((f) => f.url)).toEqual(['https://a.example/feed']);
    await expect(reader.addFeed({ url: 'https://b.example/feed' }, T0)).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await reader.close();
  });

  it('fails to open a missing file read-only with STORE_FAILED', async () => {
    await expect(openStore(`sqlite:${join(dir, 'missing.db')}`, { readonly: true })).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });

  it('refuses read-only a database whose schema is behind', async () => {
    const path = join(dir, 'old.db');
    new BetterSqlite3(path).close();
    await expect(openStore(`sqlite:${path}`, { readonly: true })).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringContaining('not up to date'),
    });
  });

  it('rebuilds a search index made with token positions (before migration 0004) and keeps finding every entry', async () => {
    const path = join(dir, 'positions.db');
    const store = await openStore(`sqlite:${path}`);
    const feed = await store.addFeed({ url: 'https://a.example/feed' }, T0);
    const entry = (guid: string, content: string) => ({
      guid, link: null, title: `About ${guid}`, author: 'Ada', published: T0, updated: null, content, summary: null,
      categories: [], enclosures: [], thumbnail: null, mediaDescription: 'a kiwi caption', durationSeconds: null, contentHash: guid,
    });
    await store.upsertEntries(feed.id, [entry('walrus', '<p>Tusks &amp; ice</p>'), entry('narwhal', '<p>One long tooth</p>')], T0);
    await store.close();
    // The database as migration 0003 left it: an index with positions, and no 0004.
    const raw = new BetterSqlite3(path);
    raw.exec(`DROP TRIGGER entries_fts_delete; DROP TABLE entries_fts;
      CREATE VIRTUAL TABLE entries_fts USING fts5(title, body, author, content='', contentless_delete=1,
        tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'");
      DELETE FROM store_migration WHERE name = '0004-entry-search-without-positions';`);
    raw.close();

    const reopened = await openStore(`sqlite:${path}`);
    const found = async (search: string) => (await reopened.river({ page: 1, pageSize: 10, search })).items.map((item) => item.guid);
    expect(await found('tusks')).toEqual(['walrus']);
    expect(await found('tooth ada')).toEqual(['narwhal']);
    expect((await found('kiwi')).sort()).toEqual(['narwhal', 'walrus']);
    await reopened.removeFeed('https://a.example/feed');
    expect(await found('kiwi')).toEqual([]);
    await reopened.close();
    const check = new BetterSqlite3(path, { readonly: true });
    expect((check.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").get() as { sql: string }).sql).toContain('detail=none');
    check.close();
  });

  it('fails with STORE_FAILED, one line and the cause, when the file is not a database', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is not sqlite, just text that is long enough '.repeat(200));
    const failure = await openStore(`sqlite:${path}`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'STORE_FAILED' });
    expect((failure as Error).message).not.toContain('\n');
    expect((failure as Error).cause).toBeInstanceOf(Error);
  });

  it('reports calls on a closed store as STORE_FAILED, and closing twice is harmless', async () => {
    const store = await openStore(`sqlite:${join(dir, 'closed.db')}`);
    await store.close();
    await store.close();
    await expect(store.listFeeds()).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });

  const unsupported = ['postgres://user:secret@db.example/tributary', 'mysql://db.example/x', 'tributary.db', ''];
  for (const url of unsupported) {
    it(`refuses the database URL ${JSON.stringify(url)} with STORE_FAILED, without its password`, async () => {
      const failure = await openStore(url).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'STORE_FAILED' });
      expect((failure as Error).message).not.toContain('secret');
    });
  }
});
