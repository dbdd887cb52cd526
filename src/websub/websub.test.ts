/**
 * WebSub end to end on loopback: tributary's callback served by a real HTTP server over a real
 * SQLite store, a small hub of our own (testdata/test-hub.ts) subscribing, verifying and pushing,
 * and pushed content stored through the project's parse → clean → store stages.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../fetch/index.js';
import type { Feed } from '../model/index.js';
import { parseFeed } from '../parse/index.js';
import { toEntryInput } from '../schedule/index.js';
import { startServer } from '../server/index.js';
import type { RunningServer } from '../server/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { createHubPoster, createWebSub, discoverHub, isLiveSubscription, readWebSubState, webSubMountPath } from './index.js';
import type { WebSub, WebSubOptions } from './index.js';
import { startTestHub } from './testdata/test-hub.js';
import type { Signing, TestHub } from './testdata/test-hub.js';

const dayMs = 86_400_000;
const atom = (titles: string[], hub = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Pushed</title><id>urn:feed</id>` +
  `<updated>2026-01-01T00:00:00Z</updated>${hub}` +
  titles.map((title) => `<entry><id>urn:${encodeURIComponent(title)}</id><title>${title}</title><updated>2026-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;${title}&lt;/p&gt;</content></entry>`).join('') +
  `</feed>`;

describe('WebSub subscriber', () => {
  let hub: TestHub;
  let store: Store;
  let server: RunningServer;
  let agent: Agent;
  let websub: WebSub;
  let started: boolean;
  let feed: Feed;
  let topic: string;
  let now = Date.UTC(2026, 0, 1);
  let logs: Array<{ level: string; message: string; data: object }>;

  /** Starts tributary's side; the callback routes are mounted before the first request. */
  const startSubscriber = async (options: Partial<WebSubOptions> = {}): Promise<void> => {
    const app = new Hono();
    server = await startServer(app, { host: '127.0.0.1', port: 0 });
    websub = createWebSub({
      baseUrl: server.url,
      store,
      post: createHubPoster({ dispatcher: agent }),
      ingest: async (feedId, body, contentType) => {
        const parsed = parseFeed(body, { contentType, baseUrl: topic });
        await store.upsertEntries(feedId, parsed.entries.map((entry) => toEntryInput(entry)), now);
      },
      now: () => now,
      logger: {
        info: (data, message) => logs.push({ level: 'info', message, data }),
        warn: (data, message) => logs.push({ level: 'warn', message, data }),
      },
      ...options,
    });
    app.route(webSubMountPath, websub.routes);
    started = true;
  };

  const subscribeVerified = async (): Promise<string> => {
    expect(await websub.subscribeIfHub(feed.id, { hubs: [hub.url], topic })).toBe('requested');
    await hub.settled();
    return [...hub.subscriptions.keys()].at(-1)!;
  };
  const riverTitles = async (): Promise<string[]> => (await store.river({ page: 1, pageSize: 50 })).items.map((item) => item.title ?? '').sort();
  const stateOf = async () => readWebSubState(await store.getFeedMeta(feed.id));

  beforeEach(async () => {
    now = Date.UTC(2026, 0, 1);
    logs = [];
    started = false;
    hub = await startTestHub();
    agent = new Agent();
    store = await openStore(`sqlite:${join(await mkdtemp(join(tmpdir(), 'websub-')), 'x.db')}`);
    topic = `${hub.origin}/feed.xml`;
    feed = await store.addFeed({ url: topic }, now);
  });

  afterEach(async () => {
    if (started) await websub.whenIdle();
    await hub.close();
    if (started) await server.close();
    await agent.close();
    await store.close();
  });

  it('discovers the hub of a fetched feed, subscribes, answers the verification and stores pushed entries', async () => {
    await startSubscriber();
    hub.routes.set('/feed.xml', (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/atom+xml', link: `<${hub.url}>; rel="hub", </feed.xml>; rel="self"` }).end(atom(['Polled'])),
    );
    const fetcher = createFetcher({ allowPrivate: ['127.0.0.1'] });
    const fetched = await fetcher.fetchFeed({ url: feed.url });
    await fetcher.close();
    if (fetched.kind !== 'ok') throw new Error('expected a body');
    const discovery = discoverHub(feed.url, fetched, parseFeed(fetched.body, { contentType: fetched.contentType, baseUrl: fetched.finalUrl }));
    expect(discovery).toEqual({ hubs: [hub.url], topic });

    expect(await websub.subscribeIfHub(feed.id, discovery)).toBe('requested');
    await hub.settled();
    const form = hub.requests[0]!.form;
    expect(Object.fromEntries(form)).toMatchObject({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.lease_seconds': '864000' });
    expect(form.get('hub.callback')).toMatch(new RegExp(`^${server.url}websub/callback/${feed.id}/[A-Za-z0-9_-]{43}$`));
    expect(form.get('hub.secret')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hub.verifications).toMatchObject([{ mode: 'subscribe', status: 200, confirmed: true }]);
    const meta = await store.getFeedMeta(feed.id);
    expect(isLiveSubscription(meta, now)).toBe(true);
    expect(readWebSubState(meta).subscriptions).toMatchObject([{ status: 'active', leaseSeconds: 864_000, expiresAt: now + 864_000_000 }]);

    expect(await websub.subscribeIfHub(feed.id, discovery)).toBe('live');
    expect(hub.requests).toHaveLength(1);

    expect(await hub.publish(topic, atom(['Pushed entry']), 'application/atom+xml')).toEqual([202]);
    await websub.whenIdle();
    expect(await riverTitles()).toEqual(['Pushed entry']);
  });

  const signings: Array<{ name: string; signing: Signing; stored: boolean }> = [
    { name: 'HMAC-SHA1', signing: { algorithm: 'sha1' }, stored: true },
    { name: 'HMAC-SHA256', signing: { algorithm: 'sha256' }, stored: true },
    { name: 'HMAC-SHA384', signing: { algorithm: 'sha384' }, stored: true },
    { name: 'HMAC-SHA512', signing: { algorithm: 'sha512' }, stored: true },
    { name: 'a signature made with another secret', signing: 'wrong', stored: false },
    { name: 'no signature', signing: 'none', stored: false },
    { name: 'an unknown algorithm', signing: { header: `md5=${'0'.repeat(32)}` }, stored: false },
    { name: 'a garbled header', signing: { header: 'sha256' }, stored: false },
  ];
  it.each(signings)('answers 202 to content with $name, and stores it only when the signature is right', async ({ signing, stored }) => {
    await startSubscriber();
    await subscribeVerified();
    expect(await hub.publish(topic, atom(['Signed?']), 'application/atom+xml', signing)).toEqual([202]);
    await websub.whenIdle();
    expect(await riverTitles()).toEqual(stored ? ['Signed?'] : []);
    expect(logs.some((log) => log.level === 'warn' && /X-Hub-Signature/.test(log.message))).toBe(!stored);
  });

  it('refuses verifications it did not ask for with 404, and echoes a real one as plain text', async () => {
    await startSubscriber();
    const callback = await subscribeVerified();
    const unknownToken = callback.replace(/[^/]+$/, 'A'.repeat(43));
    const otherFeed = callback.replace(`/callback/${feed.id}/`, `/callback/${feed.id + 1}/`);
    const cases: Array<{ name: string; url: string; query: Record<string, string>; status: number }> = [
      { name: 'an unknown token', url: unknownToken, query: { 'hub.mode': 'subscribe', 'hub.topic': topic }, status: 404 },
      { name: 'another feed id', url: otherFeed, query: { 'hub.mode': 'subscribe', 'hub.topic': topic }, status: 404 },
      { name: 'a feed id that is not a number', url: callback.replace(`/callback/${feed.id}/`, '/callback/x/'), query: { 'hub.mode': 'subscribe', 'hub.topic': topic }, status: 404 },
      { name: 'another topic', url: callback, query: { 'hub.mode': 'subscribe', 'hub.topic': `${topic}?other` }, status: 404 },
      { name: 'an unsubscription not asked for', url: callback, query: { 'hub.mode': 'unsubscribe', 'hub.topic': topic }, status: 404 },
      { name: 'an unknown mode', url: callback, query: { 'hub.mode': 'publish', 'hub.topic': topic }, status: 404 },
      { name: 'a challenge with markup', url: callback, query: { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.challenge': '<script>x</script>' }, status: 404 },
      { name: 'a denial for an unknown token', url: unknownToken, query: { 'hub.mode': 'denied', 'hub.topic': topic }, status: 404 },
      { name: 'the hub reconfirming the subscription', url: callback, query: { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.lease_seconds': '3600' }, status: 200 },
    ];
    for (const { name, url, query, status } of cases) {
      const response = await fetch(`${url}?${new URLSearchParams({ 'hub.challenge': 'abc-123_XYZ=', ...query })}`);
      expect({ name, status: response.status }).toEqual({ name, status });
      const body = await response.text();
      if (status === 200) {
        expect(body).toBe('abc-123_XYZ=');
        expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    }
    expect((await stateOf()).subscriptions).toMatchObject([{ status: 'active', leaseSeconds: 3600, expiresAt: now + 3_600_000 }]);
  });

  it('renews a lease near its end with a new callback, then unsubscribes the old one', async () => {
    hub.behaviour.leaseSeconds = 10 * 86_400;
    await startSubscriber();
    const first = await subscribeVerified();
    const subscribedAt = now;
    now = subscribedAt + 8 * dayMs;
    expect(await websub.renewDue()).toBe(0);
    now = subscribedAt + 9 * dayMs + 3_600_000;
    expect(await websub.renewDue()).toBe(1);
    await hub.settled();
    const second = hub.requests[1]!.form.get('hub.callback')!;
    expect(second).not.toBe(first);
    expect([...hub.subscriptions.keys()]).toEqual([first, second]);

    expect(await websub.renewDue()).toBe(0);
    await hub.settled();
    expect(Object.fromEntries(hub.requests[2]!.form)).toEqual({ 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.callback': first });
    expect([...hub.subscriptions.keys()]).toEqual([second]);
    expect((await stateOf()).subscriptions).toMatchObject([{ status: 'active', expiresAt: now + 10 * dayMs }]);
    expect(isLiveSubscription(await store.getFeedMeta(feed.id), now + 10 * dayMs - 1)).toBe(true);

    expect(await hub.publish(topic, atom(['After renewal']), 'application/atom+xml')).toEqual([202]);
    await websub.whenIdle();
    expect(await riverTitles()).toEqual(['After renewal']);
  });

  it('subscribes again when a lease ran out without renewal', async () => {
    await startSubscriber();
    await subscribeVerified();
    hub.behaviour.answer = 503;
    now += 9.5 * dayMs;
    expect(await websub.renewDue()).toBe(0);
    expect((await stateOf()).blocks).toMatchObject([{ kind: 'failed', reason: 'HTTP 503 from the hub' }]);
    now += dayMs;
    expect(isLiveSubscription(await store.getFeedMeta(feed.id), now)).toBe(false);
    hub.behaviour.answer = 202;
    expect(await websub.renewDue()).toBe(1);
    await hub.settled();
    expect(isLiveSubscription(await store.getFeedMeta(feed.id), now)).toBe(true);
  });

  it('unsubscribes when asked, then answers 410 to content for that callback', async () => {
    await startSubscriber();
    const callback = await subscribeVerified();
    await websub.unsubscribe(feed.id);
    await hub.settled();
    expect(Object.fromEntries(hub.requests.at(-1)!.form)).toEqual({ 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.callback': callback });
    expect(hub.verifications.at(-1)).toMatchObject({ mode: 'unsubscribe', confirmed: true });
    expect(hub.subscriptions.size).toBe(0);
    expect(await store.getFeedMeta(feed.id)).toEqual({});
    const late = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/atom+xml' }, body: atom(['Late']) });
    expect(late.status).toBe(410);
  });

  it('confirms an unsubscription for a feed removed meanwhile, and answers its content with 410', async () => {
    await startSubscriber();
    const callback = await subscribeVerified();
    await store.removeFeed(feed.url);
    const query = new URLSearchParams({ 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.challenge': 'bye' });
    const verification = await fetch(`${callback}?${query}`);
    expect([verification.status, await verification.text()]).toEqual([200, 'bye']);
    expect(await hub.publish(topic, atom(['Orphan']), 'application/atom+xml')).toEqual([410]);
  });

  it('records a denial and does not ask that hub again for a month', async () => {
    hub.behaviour.deny = 'topic not allowed here';
    await startSubscriber();
    expect(await websub.subscribeIfHub(feed.id, { hubs: [hub.url], topic })).toBe('requested');
    await hub.settled();
    expect(hub.verifications).toMatchObject([{ mode: 'denied', status: 200 }]);
    const state = await stateOf();
    expect(state.subscriptions).toEqual([]);
    expect(state.blocks).toMatchObject([{ hub: hub.url, topic, kind: 'denied', reason: 'topic not allowed here' }]);
    expect(await websub.subscribeIfHub(feed.id, { hubs: [hub.url], topic })).toBe('blocked');
    expect(await websub.renewDue()).toBe(0);
    expect(hub.requests).toHaveLength(1);
    hub.behaviour.deny = null;
    now += 31 * dayMs;
    expect(await websub.subscribeIfHub(feed.id, { hubs: [hub.url], topic })).toBe('requested');
  });

  it('tries the next advertised hub when one fails, and leaves the failed one alone for a while', async () => {
    const failing = await startTestHub();
    failing.behaviour.answer = 500;
    try {
      await startSubscriber();
      expect(await websub.subscribeIfHub(feed.id, { hubs: [failing.url, hub.url], topic })).toBe('requested');
      await hub.settled();
      expect([failing.requests.length, hub.requests.length, hub.subscriptions.size]).toEqual([1, 1, 1]);
      expect(await websub.subscribeIfHub(feed.id, { hubs: [failing.url, hub.url], topic })).toBe('live');
      expect(failing.requests).toHaveLength(1);
      expect((await stateOf()).blocks).toMatchObject([{ hub: failing.url, kind: 'failed', reason: 'HTTP 500 from the hub' }]);
    } finally {
      await failing.close();
    }
  });

  it('follows a 307 from the hub, and sends the unsubscription where the subscription was accepted', async () => {
    await startSubscriber();
    expect(await websub.subscribeIfHub(feed.id, { hubs: [`${hub.origin}/moved`], topic })).toBe('requested');
    await hub.settled();
    expect(hub.requests.map((request) => request.path)).toEqual(['/moved', '/hub']);
    expect(hub.subscriptions.size).toBe(1);
    await websub.unsubscribe(feed.id);
    await hub.settled();
    expect(hub.requests.map((request) => request.path)).toEqual(['/moved', '/hub', '/hub']);
    expect(hub.subscriptions.size).toBe(0);
  });

  it('refuses content larger than maxBodyBytes with 413 and stores nothing', async () => {
    await startSubscriber({ maxBodyBytes: 2000 });
    await subscribeVerified();
    expect(await hub.publish(topic, atom(['x'.repeat(3000)]), 'application/atom+xml')).toEqual([413]);
    expect(await hub.publish(topic, atom(['Small']), 'application/atom+xml')).toEqual([202]);
    await websub.whenIdle();
    expect(await riverTitles()).toEqual(['Small']);
  });

  it('stops subscribing when the feed no longer advertises a hub', async () => {
    await startSubscriber();
    await subscribeVerified();
    expect(await websub.subscribeIfHub(feed.id, { hubs: [], topic })).toBe('none');
    await hub.settled();
    expect(hub.requests.at(-1)!.form.get('hub.mode')).toBe('unsubscribe');
    expect(hub.subscriptions.size).toBe(0);
  });

  it('never breaks the caller: an unknown feed is left alone, a store failure is logged', async () => {
    await startSubscriber();
    expect(await websub.subscribeIfHub(feed.id + 100, { hubs: [hub.url], topic })).toBe('none');
    await store.close();
    expect(await websub.subscribeIfHub(feed.id, { hubs: [hub.url], topic })).toBe('none');
    await websub.unsubscribe(feed.id);
    expect(hub.requests).toEqual([]);
    expect(logs.filter((log) => log.level === 'warn').map((log) => log.message)).toEqual([
      'WebSub subscription could not be updated',
      'WebSub subscription could not be updated',
    ]);
  });

  it.each([
    { name: 'a baseUrl that is not http(s)', options: { baseUrl: 'ftp://example.com/' } },
    { name: 'a baseUrl that is not a URL', options: { baseUrl: 'example.com' } },
    { name: 'a zero lease', options: { leaseSeconds: 0 } },
    { name: 'a fractional body limit', options: { maxBodyBytes: 1.5 } },
  ])('fails at construction on $name', ({ options }) => {
    const base = { baseUrl: 'https://river.example/', store, post: createHubPoster(), ingest: async () => undefined };
    expect(() => createWebSub({ ...base, ...options })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
