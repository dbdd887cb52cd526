/**
 * The chain for one feed against a real HTTP server on 127.0.0.1 and a real SQLite file.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../fetch/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { refreshFeed, runFetchCycle } from './index.js';
import type { RefreshDeps } from './index.js';

const minute = 60_000;
const rss = (titles: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title><link>https://fixture.example/</link><ttl>60</ttl>${titles
    .map((title, i) => `<item><title>${title}</title><link>https://fixture.example/${i}</link><guid>g${i}</guid><pubDate>Mon, 02 May 2022 1${i}:00:00 +0000</pubDate><description>&lt;p&gt;${title} body&lt;/p&gt;</description></item>`)
    .join('')}</channel></rss>`;

let routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {};
let base = '';
const server = createServer((request, response) => {
  const route = routes[request.url ?? ''];
  if (route) route(request, response);
  else response.writeHead(404).end();
});

describe('refreshFeed', () => {
  let store: Store;
  let deps: RefreshDeps;
  let now = Date.UTC(2026, 0, 1);

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(async () => {
    routes = {};
    store = await openStore(`sqlite:${join(await mkdtemp(join(tmpdir(), 'refresh-')), 'test.db')}`);
    deps = { store, fetcher: createFetcher({ allowPrivate: ['127.0.0.1'] }), now: () => now, bounds: { minIntervalMs: 15 * minute, maxIntervalMs: 24 * 60 * minute } };
  });

  afterEach(async () => {
    await deps.fetcher.close();
    await store.close();
  });

  it('stores new entries, then answers a conditional request with 304 and adds nothing', async () => {
    routes['/feed'] = (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(['One', 'Two']));
    };
    const feed = await store.addFeed({ url: `${base}/feed` }, now);
    const first = await refreshFeed(deps, feed);
    expect(first).toMatchObject({ status: 'ok', inserted: 2, updated: 0, error: null });
    const stored = (await store.getFeed(feed.id))!;
    expect(stored).toMatchObject({ title: 'Fixture', siteUrl: 'https://fixture.example/', etag: '"v1"', lastStatus: 'ok', httpStatus: 200, consecutiveFailures: 0 });
    expect(stored.nextPollAt - now).toBe(60 * minute);
    now += 61 * minute;
    const second = await refreshFeed(deps, stored);
    expect(second).toMatchObject({ status: 'not-modified', inserted: 0 });
    expect((await store.river({ page: 1, pageSize: 10 })).total).toBe(2);
  });

  it('updates a changed entry in place', async () => {
    let title = 'First title';
    routes['/feed'] = (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([title]));
    const feed = await store.addFeed({ url: `${base}/feed` }, now);
    await refreshFeed(deps, feed);
    title = 'Corrected title';
    expect(await refreshFeed(deps, (await store.getFeed(feed.id))!)).toMatchObject({ status: 'ok', inserted: 0, updated: 1 });
    const { items } = await store.river({ page: 1, pageSize: 10 });
    expect(items.map((item) => item.title)).toEqual(['Corrected title']);
  });

  it('records a failure with its code, a message naming the URL, and backs off; the entries stay', async () => {
    let broken = false;
    routes['/feed'] = (_request, response) => {
      if (broken) response.writeHead(503, { 'retry-after': '7200' }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(['Kept']));
    };
    const feed = await store.addFeed({ url: `${base}/feed` }, now);
    await refreshFeed(deps, feed);
    broken = true;
    const outcome = await refreshFeed(deps, (await store.getFeed(feed.id))!);
    expect(outcome.status).toBe('failed');
    const stored = (await store.getFeed(feed.id))!;
    expect(stored).toMatchObject({ lastStatus: 'error', httpStatus: 503, errorCode: 'FETCH_HTTP_STATUS', consecutiveFailures: 1 });
    expect(stored.errorMessage).toContain(`${base}/feed`);
    expect(stored.nextPollAt - now).toBe(120 * minute);
    expect((await store.river({ page: 1, pageSize: 10 })).items.map((item) => item.title)).toEqual(['Kept']);
  });

  it('disables a feed that answers 410 Gone', async () => {
    routes['/gone'] = (_request, response) => response.writeHead(410).end();
    const feed = await store.addFeed({ url: `${base}/gone` }, now);
    await refreshFeed(deps, feed);
    expect(await store.getFeed(feed.id)).toMatchObject({ disabled: true, errorCode: 'FETCH_GONE' });
    expect(await store.dueFeeds(now + 365 * 24 * 60 * minute)).toEqual([]);
  });

  it('moves the subscription on a permanent redirect, not on a temporary one', async () => {
    routes['/old'] = (_request, response) => response.writeHead(301, { location: '/new' }).end();
    routes['/temp'] = (_request, response) => response.writeHead(302, { location: '/new' }).end();
    routes['/new'] = (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(['Moved']));
    const moved = await store.addFeed({ url: `${base}/old` }, now);
    const temporary = await store.addFeed({ url: `${base}/temp` }, now);
    await refreshFeed(deps, moved);
    await refreshFeed(deps, temporary);
    expect((await store.getFeed(moved.id))!.url).toBe(`${base}/new`);
    expect((await store.getFeed(temporary.id))!.url).toBe(`${base}/temp`);
  });

  it('keeps going when a feed is removed in the middle of a cycle', async () => {
    routes['/slow'] = (_request, response) => setTimeout(() => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(['Late'])), 200);
    routes['/feed'] = (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(['On time']));
    const slow = await store.addFeed({ url: `${base}/slow` }, now);
    const other = await store.addFeed({ url: `${base}/feed` }, now);
    const cycle = runFetchCycle(deps, [slow, other], { concurrency: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.removeFeed(slow.url);
    const summary = await cycle;
    expect(summary).toMatchObject({ feeds: 2, ok: 1, failed: 1, newEntries: 1 });
  });
});
