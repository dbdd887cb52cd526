/**
 * @module store/store-suite
 * The behaviour every Store engine must show, as one suite each engine's test file runs
 * (the honojs/hono router `common.case.test.ts` pattern). For tests only; not exported by index.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryInput } from '../model/index.js';
import type { FeedPatch, Store } from './store-types.js';

/** How the suite gets stores: `open` gives a fresh empty one; `reopen` opens a closed one's database again. */
export interface StoreSuiteTarget {
  open(): Promise<Store>;
  reopen(closed: Store): Promise<Store>;
}

const T0 = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An entry to store; `guid` doubles as title and content unless overridden. */
export function makeEntry(guid: string, overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    guid,
    link: `https://example.org/${encodeURIComponent(guid)}`,
    title: `Title ${guid}`,
    author: null,
    published: null,
    updated: null,
    content: `<p>Content of ${guid}</p>`,
    summary: null,
    categories: [],
    enclosures: [],
    thumbnail: null,
    mediaDescription: null,
    durationSeconds: null,
    contentHash: `hash-${guid}`,
    ...overrides,
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'TributaryError', code });
}

/** Registers the store suite under `name`. */
export function runStoreSuite(name: string, target: StoreSuiteTarget): void {
  describe(`store suite: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
    });

    const addFeed = (url: string, title: string | null = null, now = T0) => store.addFeed({ url, title }, now);

    describe('feeds', () => {
      it('adds a feed as new and due at once', async () => {
        const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A', siteUrl: 'https://a.example/' }, T0);
        expect(feed).toMatchObject({
          url: 'https://a.example/feed', title: 'A', siteUrl: 'https://a.example/', lastStatus: 'new',
          nextPollAt: T0, createdAt: T0, consecutiveFailures: 0, disabled: false, etag: null, lastSuccessAt: null,
        });
        expect(await store.getFeed(feed.id)).toEqual(feed);
        expect(await store.findFeedByUrl('https://a.example/feed')).toEqual(feed);
      });

      it('answers null for a feed that is not there', async () => {
        expect(await store.getFeed(999)).toBeNull();
        expect(await store.findFeedByUrl('https://nowhere.example/')).toBeNull();
      });

      it('refuses a URL that is already subscribed with FEED_EXISTS', async () => {
        await addFeed('https://a.example/feed');
        await expectCode(addFeed('https://a.example/feed', 'again'), 'FEED_EXISTS');
        expect(await store.allFeeds()).toHaveLength(1);
      });

      it('lists feeds by title then URL, untitled last, with their entry counts', async () => {
        const zed = await addFeed('https://z.example/feed', 'Zed');
        await addFeed('https://c.example/feed', null);
        await addFeed('https://b.example/feed', 'Alpha');
        await addFeed('https://a.example/feed', 'Alpha');
        await store.upsertEntries(zed.id, [makeEntry('1'), makeEntry('2'), makeEntry('3')], T0);
        const list = await store.listFeeds();
        expect(list.map((f) => [f.title, f.url, f.entryCount])).toEqual([
          ['Alpha', 'https://a.example/feed', 0],
          ['Alpha', 'https://b.example/feed', 0],
          ['Zed', 'https://z.example/feed', 3],
          [null, 'https://c.example/feed', 0],
        ]);
      });

      it('removes a feed with its entries, and says FEED_NOT_FOUND for an unknown URL', async () => {
        const gone = await addFeed('https://gone.example/feed');
        const kept = await addFeed('https://kept.example/feed');
        await store.upsertEntries(gone.id, [makeEntry('g1', { title: 'Zanzibar' }), makeEntry('g2')], T0);
        await store.upsertEntries(kept.id, [makeEntry('k1')], T0);
        const goneEntry = (await store.river({ page: 1, pageSize: 10, feedId: gone.id })).items[0];
        await store.removeFeed('https://gone.example/feed');
        expect(await store.findFeedByUrl('https://gone.example/feed')).toBeNull();
        expect((await store.river({ page: 1, pageSize: 10 })).items.map((i) => i.guid)).toEqual(['k1']);
        expect(await store.getEntry(goneEntry?.id ?? -1)).toBeNull();
        expect((await store.river({ page: 1, pageSize: 10, search: 'Zanzibar' })).total).toBe(0);
        await expectCode(store.removeFeed('https://gone.example/feed'), 'FEED_NOT_FOUND');
      });

      const patches: { name: string; patch: FeedPatch }[] = [
        {
          name: 'a successful fetch',
          patch: {
            lastStatus: 'ok', httpStatus: 200, etag: '"v1"', lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
            lastAttemptAt: T0 + 1, lastSuccessAt: T0 + 1, nextPollAt: T0 + HOUR, title: 'Fetched title',
            siteUrl: 'https://a.example/',
          },
        },
        {
          name: 'a failure',
          patch: {
            lastStatus: 'error', httpStatus: 503, errorCode: 'FETCH_HTTP_STATUS', errorMessage: 'HTTP 503',
            consecutiveFailures: 3, lastAttemptAt: T0 + 2, nextPollAt: T0 + 2 * HOUR,
          },
        },
        { name: 'disabling', patch: { disabled: true, disabledReason: 'gone (410)' } },
        { name: 'a moved URL', patch: { url: 'https://a.example/new-feed' } },
        { name: 'clearing fields back to null', patch: { title: null, etag: null, errorCode: null } },
      ];
      for (const { name: caseName, patch } of patches) {
        it(`updates a feed with ${caseName}, leaving other fields alone`, async () => {
          const feed = await addFeed('https://a.example/feed', 'Before');
          await store.updateFeed(feed.id, patch);
          expect(await store.getFeed(feed.id)).toEqual({ ...feed, ...patch });
        });
      }

      it('refuses to move a feed to a URL another feed has, and reports unknown ids', async () => {
        const a = await addFeed('https://a.example/feed');
        await addFeed('https://b.example/feed');
        await expectCode(store.updateFeed(a.id, { url: 'https://b.example/feed' }), 'FEED_EXISTS');
        expect((await store.getFeed(a.id))?.url).toBe('https://a.example/feed');
        await expectCode(store.updateFeed(9999, { title: 'x' }), 'FEED_NOT_FOUND');
      });

      it('lists due feeds soonest first, without disabled or future ones, up to a limit', async () => {
        const late = await addFeed('https://late.example/feed');
        const early = await addFeed('https://early.example/feed');
        const off = await addFeed('https://off.example/feed');
        const future = await addFeed('https://future.example/feed');
        const now = T0 + HOUR;
        await store.updateFeed(late.id, { nextPollAt: now });
        await store.updateFeed(early.id, { nextPollAt: now - 30 * MINUTE });
        await store.updateFeed(off.id, { nextPollAt: now - HOUR, disabled: true });
        await store.updateFeed(future.id, { nextPollAt: now + 1 });
        expect((await store.dueFeeds(now)).map((f) => f.url)).toEqual([early.url, late.url]);
        expect((await store.dueFeeds(now, 1)).map((f) => f.url)).toEqual([early.url]);
        expect(await store.dueFeeds(T0 - 1)).toEqual([]);
      });

      it('records a cycle of feed results at once, skipping feeds removed meanwhile', async () => {
        const a = await addFeed('https://a.example/feed');
        const b = await addFeed('https://b.example/feed');
        await store.recordFeedResults([
          { id: a.id, patch: { lastStatus: 'not-modified', httpStatus: 304, nextPollAt: T0 + HOUR } },
          { id: 424242, patch: { lastStatus: 'ok' } },
          { id: b.id, patch: { lastStatus: 'error', consecutiveFailures: 1 } },
        ]);
        expect(await store.getFeed(a.id)).toMatchObject({ lastStatus: 'not-modified', httpStatus: 304, nextPollAt: T0 + HOUR });
        expect(await store.getFeed(b.id)).toMatchObject({ lastStatus: 'error', consecutiveFailures: 1 });
      });

      it('keeps free-form scheduler data per feed', async () => {
        const feed = await addFeed('https://a.example/feed');
        expect(await store.getFeedMeta(feed.id)).toEqual({});
        await store.setFeedMeta(feed.id, { websub: { hub: 'https://hub.example/', leaseUntil: T0 + HOUR } });
        expect(await store.getFeedMeta(feed.id)).toEqual({ websub: { hub: 'https://hub.example/', leaseUntil: T0 + HOUR } });
        expect(await store.getFeedMeta(9999)).toBeNull();
        await expectCode(store.setFeedMeta(9999, {}), 'FEED_NOT_FOUND');
      });
    });

    describe('entries', () => {
      it('inserts new entries, and a second identical batch changes nothing', async () => {
        const feed = await addFeed('https://a.example/feed', 'A');
        const batch = [makeEntry('1'), makeEntry('2'), makeEntry('3')];
        expect(await store.upsertEntries(feed.id, batch, T0)).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
        const before = await store.river({ page: 1, pageSize: 10 });
        expect(await store.upsertEntries(feed.id, batch, T0 + HOUR)).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
        expect(await store.river({ page: 1, pageSize: 10 })).toEqual(before);
      });

      it('tells the stored content hash of the guids asked for, of that feed only', async () => {
        const feed = await addFeed('https://a.example/feed', 'A');
        const other = await addFeed('https://b.example/feed', 'B');
        await store.upsertEntries(feed.id, [makeEntry('1'), makeEntry('2', { contentHash: 'h2' })], T0);
        await store.upsertEntries(other.id, [makeEntry('3')], T0);
        expect(await store.entryHashes(feed.id, ['1', '2', '3', 'missing'])).toEqual(new Map([['1', 'hash-1'], ['2', 'h2']]));
        expect(await store.entryHashes(feed.id, [])).toEqual(new Map());
      });

      it('rewrites a changed entry in place, keeping its id and first-seen time', async () => {
        const feed = await addFeed('https://a.example/feed');
        await store.upsertEntries(feed.id, [makeEntry('post', { content: '<p>old walrus</p>' })], T0);
        const [before] = (await store.river({ page: 1, pageSize: 1 })).items;
        const changed = makeEntry('post', { content: '<p>new narwhal</p>', contentHash: 'v2', published: T0 - HOUR });
        expect(await store.upsertEntries(feed.id, [changed], T0 + HOUR)).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
        const after = await store.getEntry(before?.id ?? -1);
        expect(after).toMatchObject({ id: before?.id, content: '<p>new narwhal</p>', contentHash: 'v2', firstSeenAt: T0, sortAt: T0 - HOUR });
        expect((await store.river({ page: 1, pageSize: 10, search: 'narwhal' })).total).toBe(1);
        expect((await store.river({ page: 1, pageSize: 10, search: 'walrus' })).total).toBe(0);
      });

      it('keeps the first of duplicate guids in one batch', async () => {
        const feed = await addFeed('https://a.example/feed');
        const result = await store.upsertEntries(
          feed.id, [makeEntry('dup', { title: 'first' }), makeEntry('other'), makeEntry('dup', { title: 'second' })], T0,
        );
        expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
        const titles = (await store.river({ page: 1, pageSize: 10 })).items.map((i) => i.title);
        expect(titles.sort()).toEqual(['Title other', 'first']);
      });

      it('treats the same guid in two feeds as two entries', async () => {
        const a = await addFeed('https://a.example/feed');
        const b = await addFeed('https://b.example/feed');
        await store.upsertEntries(a.id, [makeEntry('same')], T0);
        expect(await store.upsertEntries(b.id, [makeEntry('same')], T0)).toMatchObject({ inserted: 1 });
      });

      it('stores every field of an entry and gives it back with its feed', async () => {
        const feed = await store.addFeed({ url: 'https://pod.example/feed', title: 'Pod', siteUrl: 'https://pod.example/' }, T0);
        const input = makeEntry('ep1', {
          author: 'Ada', published: T0 - HOUR, updated: T0 - MINUTE, summary: '<p>short</p>',
          categories: ['audio', 'тест'], enclosures: [{ url: 'https://pod.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }],
          thumbnail: { url: 'https://pod.example/ep1.jpg', width: 640, height: null }, mediaDescription: 'An episode',
          durationSeconds: 3600,
        });
        await store.upsertEntries(feed.id, [input], T0);
        const [item] = (await store.river({ page: 1, pageSize: 1 })).items;
        expect(item).toEqual({
          ...input, id: item?.id, feedId: feed.id, firstSeenAt: T0, sortAt: T0 - HOUR,
          feedTitle: 'Pod', feedUrl: 'https://pod.example/feed', feedSiteUrl: 'https://pod.example/',
        });
        expect(await store.getEntry(item?.id ?? -1)).toEqual(item);
        expect(await store.getEntry(987654)).toBeNull();
      });

      it('refuses entries for a feed that does not exist with FEED_NOT_FOUND', async () => {
        await expectCode(store.upsertEntries(4242, [makeEntry('x')], T0), 'FEED_NOT_FOUND');
      });

      it('stores writes of many feeds made at once, each with its own outcome, an unknown feed failing alone', async () => {
        const feeds = await Promise.all(Array.from({ length: 6 }, (_, i) => addFeed(`https://f${i}.example/feed`)));
        const writes = feeds.map((feed, i) =>
          store.upsertEntries(feed.id, Array.from({ length: i + 1 }, (_, k) => makeEntry(`f${i}-e${k}`, { published: T0 - k * MINUTE })), T0),
        );
        const outcomes = await Promise.allSettled([...writes, store.upsertEntries(4242, [makeEntry('orphan')], T0)]);
        expect(outcomes.slice(0, 6)).toEqual(feeds.map((_, i) => ({ status: 'fulfilled', value: { inserted: i + 1, updated: 0, unchanged: 0 } })));
        expect(outcomes[6]).toMatchObject({ status: 'rejected', reason: { code: 'FEED_NOT_FOUND' } });
        const river = await store.river({ page: 1, pageSize: 100 });
        expect(river.total).toBe(21);
        expect(river.items.map((item) => item.guid)).not.toContain('orphan');
        expect((await store.river({ page: 1, pageSize: 10, search: 'f5-e5' })).items.map((item) => item.guid)).toEqual(['f5-e5']);
      });

      it('has written every entry handed to it once close resolves', async () => {
        const feed = await addFeed('https://a.example/feed');
        const pending = Array.from({ length: 20 }, (_, i) => store.upsertEntries(feed.id, [makeEntry(`late-${i}`)], T0));
        await store.close();
        await Promise.all(pending);
        store = await target.reopen(store);
        expect((await store.river({ page: 1, pageSize: 50 })).total).toBe(20);
      });
    });

    describe('river', () => {
      it('shows newest first, breaking ties by id so a batch keeps its document order', async () => {
        const feed = await addFeed('https://a.example/feed');
        await store.upsertEntries(feed.id, [
          makeEntry('newest', { published: T0 - MINUTE }),
          makeEntry('tie-first', { published: T0 - HOUR }),
          makeEntry('tie-second', { published: T0 - HOUR }),
          makeEntry('oldest', { published: T0 - 2 * HOUR }),
        ], T0);
        const items = (await store.river({ page: 1, pageSize: 10 })).items;
        expect(items.map((i) => i.guid)).toEqual(['newest', 'tie-first', 'tie-second', 'oldest']);
        expect(items[1]!.id).toBeGreaterThan(items[2]!.id);
      });

      it('sorts undated and future-dated entries at the time they were first seen', async () => {
        const feed = await addFeed('https://a.example/feed');
        await store.upsertEntries(feed.id, [
          makeEntry('future', { published: T0 + 2 * HOUR }),
          makeEntry('skewed', { published: T0 + 5 * MINUTE }),
          makeEntry('undated', { published: null }),
          makeEntry('old', { published: T0 - 3 * HOUR }),
        ], T0);
        await store.upsertEntries(feed.id, [makeEntry('later', { published: null })], T0 + HOUR);
        const items = (await store.river({ page: 1, pageSize: 10 })).items;
        expect(items.map((i) => [i.guid, i.sortAt])).toEqual([
          ['later', T0 + HOUR], ['skewed', T0 + 5 * MINUTE], ['future', T0], ['undated', T0], ['old', T0 - 3 * HOUR],
        ]);
      });

      it('pages through the river without gaps or overlaps', async () => {
        const feed = await addFeed('https://a.example/feed');
        const entries = Array.from({ length: 25 }, (_, i) => makeEntry(`e${i}`, { published: T0 - i * MINUTE }));
        await store.upsertEntries(feed.id, entries, T0);
        const pages = await Promise.all([1, 2, 3, 4].map((page) => store.river({ page, pageSize: 10 })));
        expect(pages.map((p) => [p.page, p.pages, p.total, p.items.length])).toEqual([
          [1, 3, 25, 10], [2, 3, 25, 10], [3, 3, 25, 5], [4, 3, 25, 0],
        ]);
        expect(pages.flatMap((p) => p.items.map((i) => i.guid))).toEqual(entries.map((e) => e.guid));
      });

      it('has one empty page when nothing is stored', async () => {
        expect(await store.river({ page: 1, pageSize: 20 })).toEqual({ page: 1, pages: 1, total: 0, items: [] });
      });

      it('shows one feed when asked', async () => {
        const a = await addFeed('https://a.example/feed', 'A');
        const b = await addFeed('https://b.example/feed', 'B');
        await store.upsertEntries(a.id, [makeEntry('a1'), makeEntry('a2')], T0);
        await store.upsertEntries(b.id, [makeEntry('b1')], T0);
        const page = await store.river({ page: 1, pageSize: 10, feedId: b.id });
        expect(page.total).toBe(1);
        expect(page.items.map((i) => [i.guid, i.feedTitle])).toEqual([['b1', 'B']]);
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        const a = await addFeed('https://a.example/feed', 'A');
        const b = await addFeed('https://b.example/feed', 'B');
        await store.upsertEntries(a.id, [
          makeEntry('kiwi', { title: 'Kiwi season', content: '<p>The <b>orchard</b> report</p>', published: T0 - 3 * MINUTE }),
          makeEntry('ru', { title: 'Новости', content: '<p>Привет, мир! Большой <em>Город</em></p>', published: T0 - 2 * MINUTE }),
          makeEntry('author', { title: 'Untitled', author: 'Grace Hopper', published: T0 - MINUTE }),
        ], T0);
        await store.upsertEntries(b.id, [
          makeEntry('kiwi-b', { title: 'More kiwi', content: '<p>café orchard &amp; grove</p>', published: T0 }),
        ], T0);
      });

      const cases: { name: string; search: string; guids: string[] }[] = [
        { name: 'a title word, any case', search: 'KIWI', guids: ['kiwi-b', 'kiwi'] },
        { name: 'a word inside markup', search: 'orchard', guids: ['kiwi-b', 'kiwi'] },
        { name: 'every word of the query', search: 'kiwi report', guids: ['kiwi'] },
        { name: 'the author', search: 'hopper', guids: ['author'] },
        { name: 'Cyrillic words in another case', search: 'привет город', guids: ['ru'] },
        { name: 'a Cyrillic title', search: 'НОВОСТИ', guids: ['ru'] },
        { name: 'a word without its accent', search: 'cafe', guids: ['kiwi-b'] },
        { name: 'a decoded entity neighbour', search: 'grove', guids: ['kiwi-b'] },
        { name: 'a word nowhere', search: 'zeppelin', guids: [] },
      ];
      for (const { name: caseName, search, guids } of cases) {
        it(`finds ${caseName} (${search})`, async () => {
          const page = await store.river({ page: 1, pageSize: 10, search });
          expect(page.items.map((i) => i.guid)).toEqual(guids);
          expect(page.total).toBe(guids.length);
        });
      }

      const hostile = ['"', '""', '*', 'kiwi*', 'NEAR(', 'NEAR(kiwi orchard, 2)', "'; drop table entries; --", 'kiwi OR',
        'AND', '^kiwi', 'title:kiwi', '-kiwi', '(', ')', '\\', '%_', '🥝 kiwi', '\u0000', ' ', '', '𝔨𝔦𝔴𝔦', 'a'.repeat(5000)];
      for (const search of hostile) {
        it(`answers the query ${JSON.stringify(search.slice(0, 30))} without failing`, async () => {
          const page = await store.river({ page: 1, pageSize: 10, search });
          expect(page.page).toBe(1);
          expect((await store.listFeeds()).length).toBe(2);
        });
      }

      it('treats operators as plain words', async () => {
        expect((await store.river({ page: 1, pageSize: 10, search: 'kiwi*' })).items.map((i) => i.guid)).toEqual(['kiwi-b', 'kiwi']);
        expect((await store.river({ page: 1, pageSize: 10, search: 'kiwi OR zeppelin' })).total).toBe(0);
      });

      it('searches within one feed and pages the results', async () => {
        const a = await store.findFeedByUrl('https://a.example/feed');
        expect((await store.river({ page: 1, pageSize: 10, search: 'kiwi', feedId: a?.id })).items.map((i) => i.guid)).toEqual(['kiwi']);
        const second = await store.river({ page: 2, pageSize: 1, search: 'orchard' });
        expect([second.pages, second.total, second.items.map((i) => i.guid)]).toEqual([2, 2, ['kiwi']]);
      });
    });

    it('keeps everything after the database is closed and opened again', async () => {
      const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'Kept' }, T0);
      await store.upsertEntries(feed.id, [makeEntry('persisted', { title: 'Durable walrus' })], T0);
      await store.close();
      store = await target.reopen(store);
      expect(await store.getFeed(feed.id)).toEqual(feed);
      expect((await store.river({ page: 1, pageSize: 10, search: 'walrus' })).items.map((i) => i.guid)).toEqual(['persisted']);
      expect(await store.upsertEntries(feed.id, [makeEntry('persisted', { title: 'Durable walrus' })], T0)).toMatchObject({ unchanged: 1 });
    });
  });
}
