/**
 * @module websub/create-websub
 * The subscriber side of W3C WebSub (https://www.w3.org/TR/websub/) for `serve`: subscribes to
 * the hubs feeds advertise, answers the hubs on the callback routes, renews leases before they
 * run out and unsubscribes when asked. It writes only the feeds' meta (`websub` key); pushed
 * content goes to the `ingest` callback, the same parse → clean → store path as a poll. Each
 * subscription has its own unguessable callback token and random secret (§5.1.1, §8.2).
 *
 * Requests to hubs are made outside the per-feed lock: a hub may verify intent (a GET on the
 * callback, which takes the lock) before it answers the subscription POST.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { TributaryError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { createCallbackRoutes } from './callback-routes.js';
import type { WebSubLogger } from './callback-routes.js';
import type { HubPost } from './hub-poster.js';
import { createStateStore } from './state-store.js';
import { chooseTarget, isBlocked, planReconcile, webSubTimings } from './subscription-state.js';
import type { HubDiscovery, HubTarget, SubscriptionRecord, WebSubState } from './subscription-state.js';

/** Options of {@link createWebSub}. */
export interface WebSubOptions {
  /** The public URL the site is served from (config `site.baseUrl`); callbacks live under `websub/callback/`. */
  baseUrl: string;
  store: Pick<Store, 'getFeed' | 'getFeedMeta' | 'setFeedMeta' | 'allFeeds'>;
  /** Sends a form to a hub (see `createHubPoster`: pass it the SSRF-guarded dispatcher). */
  post: HubPost;
  /** Stores a verified content distribution (§7) of a feed; errors are logged. */
  ingest: (feedId: number, body: Buffer, contentType: string | null) => Promise<void>;
  /** Default: `Date.now`. */
  now?: () => number;
  /** The lease asked of hubs, in seconds. Default 864 000 (10 days, §8.2). */
  leaseSeconds?: number;
  /** Largest content distribution accepted (413 above). Default 10 MiB, as a fetch. */
  maxBodyBytes?: number;
  /** Default: silent. */
  logger?: WebSubLogger;
}

/** What {@link WebSub.subscribeIfHub} found or did for a feed. */
export type SubscribeOutcome = 'requested' | 'live' | 'pending' | 'blocked' | 'none';

export interface WebSub {
  /** The callback routes; mount them at {@link webSubMountPath} (`app.route('/websub', routes)`). */
  routes: Hono;
  /** Subscribes to the feed's first usable hub unless a live, pending or blocked subscription makes it pointless; never throws. */
  subscribeIfHub(feedId: number, discovery: HubDiscovery): Promise<SubscribeOutcome>;
  /** Unsubscribes the feed from its hubs (best effort, never throws); call it before removing the feed. */
  unsubscribe(feedId: number): Promise<void>;
  /** Renews leases near their end, retires superseded subscriptions; resolves to the subscribe requests sent. One meta read per feed: call it every few minutes, not per request. */
  renewDue(): Promise<number>;
  /** Resolves once every accepted content distribution has been ingested. */
  whenIdle(): Promise<void>;
}

/** Where {@link WebSub.routes} must be mounted so the callback URLs reach them. */
export const webSubMountPath = '/websub';

/**
 * Creates the WebSub subscriber. Defaults: `now` Date.now, `leaseSeconds` 864 000,
 * `maxBodyBytes` 10 MiB, `logger` silent. Throws CONFIG_INVALID for a bad `baseUrl` or limit.
 */
export function createWebSub(options: WebSubOptions): WebSub {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const leaseSeconds = checkPositive('leaseSeconds', options.leaseSeconds ?? 864_000);
  const maxBodyBytes = checkPositive('maxBodyBytes', options.maxBodyBytes ?? 10 * 1024 * 1024);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? { info: () => undefined, warn: () => undefined };
  const { store, post } = options;
  const states = createStateStore(store, now);
  const ingesting = new Set<Promise<void>>();

  const callbackUrl = (feedId: number, token: string): string => `${baseUrl}websub/callback/${feedId}/${token}`;

  const deliver = (feedId: number, body: Buffer, contentType: string | null): void => {
    const task = options
      .ingest(feedId, body, contentType)
      .catch((error: unknown) => logger.warn({ feedId, err: error }, 'WebSub content could not be stored'))
      .finally(() => ingesting.delete(task));
    ingesting.add(task);
  };

  /** §5.1.2: a hub may send the request on with 307/308; each hop goes through `post` again. */
  const postToHub = async (hub: string, form: URLSearchParams): Promise<{ endpoint: string; status: number }> => {
    let endpoint = hub;
    for (let hop = 0; ; hop++) {
      const { status, location } = await post(endpoint, form);
      if ((status !== 307 && status !== 308) || !location || hop === 3) return { endpoint, status };
      endpoint = new URL(location, endpoint).href;
    }
  };

  /** §5.1: hub.callback, hub.mode, hub.topic, hub.lease_seconds and hub.secret, form-encoded. */
  const requestSubscription = async (feedId: number, record: SubscriptionRecord): Promise<boolean> => {
    const form = new URLSearchParams({
      'hub.callback': callbackUrl(feedId, record.token),
      'hub.mode': 'subscribe',
      'hub.topic': record.topic,
      'hub.lease_seconds': String(leaseSeconds),
      'hub.secret': record.secret,
    });
    const answer = await postToHub(record.hub, form).catch((error: unknown) => ({ endpoint: record.hub, status: 0, error }));
    const log = { feedId, hub: record.hub, topic: record.topic };
    if (answer.status >= 200 && answer.status < 300) {
      if (answer.endpoint !== record.endpoint) await states.update(feedId, (state) => ({ state: withEndpoint(state, record, answer.endpoint), result: null }));
      logger.info(log, 'WebSub subscription requested');
      return true;
    }
    const reason = 'error' in answer ? messageOf(answer.error) : `HTTP ${answer.status} from the hub`;
    await states.update(feedId, (state, at) => ({ state: withFailure(state, record, reason, at), result: null }));
    logger.warn({ ...log, reason }, 'WebSub subscription request failed');
    return false;
  };

  /** §5.1 with hub.mode=unsubscribe; best effort: a subscription not renewed lapses anyway. */
  const retireRecord = async (feedId: number, record: SubscriptionRecord): Promise<void> => {
    const form = new URLSearchParams({ 'hub.callback': callbackUrl(feedId, record.token), 'hub.mode': 'unsubscribe', 'hub.topic': record.topic });
    const answer = await postToHub(record.endpoint, form).catch((error: unknown) => ({ status: 0, error }));
    const log = { feedId, hub: record.endpoint, topic: record.topic, status: answer.status };
    if (answer.status >= 200 && answer.status < 300) logger.info(log, 'WebSub unsubscription requested');
    else logger.warn(log, 'WebSub unsubscription request failed');
  };

  /**
   * Brings one feed's subscriptions in line with `discovery` (undefined: keep the target, null:
   * no hub): retire what is not wanted, subscribe when needed, trying the next advertised hub
   * when one fails (each failure blocks its hub, so the loop ends).
   */
  const reconcileFeed = async (feedId: number, discovery: HubDiscovery | null | undefined): Promise<SubscribeOutcome> => {
    for (;;) {
      const step = await states.update(feedId, (current, at) => {
        const target = discovery === undefined ? current.target : discovery === null ? null : chooseTarget(current, discovery, at);
        const plan = planReconcile({ ...current, target }, at);
        const record = plan.subscribe && target ? newRecord(target, at) : null;
        const state = record ? { ...plan.state, subscriptions: [...plan.state.subscriptions, record] } : plan.state;
        return { state, result: { record, retire: plan.retire, outcome: outcomeOf(state, at) } };
      });
      if (step === null) return 'none';
      for (const record of step.retire) await retireRecord(feedId, record);
      if (!step.record) return step.outcome;
      if (await requestSubscription(feedId, step.record)) return 'requested';
    }
  };

  /** WebSub never breaks its caller's work (a poll, a removal): a failure is logged, the outcome is 'none'. */
  const reconcileSafely = (feedId: number, discovery: HubDiscovery | null | undefined): Promise<SubscribeOutcome> =>
    reconcileFeed(feedId, discovery).catch((error: unknown) => {
      logger.warn({ feedId, err: error }, 'WebSub subscription could not be updated');
      return 'none' as const;
    });

  return {
    routes: createCallbackRoutes({ states, store, leaseSeconds, maxBodyBytes, logger, deliver }),
    subscribeIfHub: (feedId, discovery) => reconcileSafely(feedId, discovery),
    async unsubscribe(feedId) {
      await reconcileSafely(feedId, null);
    },
    async renewDue() {
      let requested = 0;
      for (const feed of await store.allFeeds()) {
        const state = await states.read(feed.id);
        // A disabled feed (410 Gone) is unsubscribed rather than renewed.
        const target = feed.disabled ? null : (state?.target ?? null);
        const plan = state && planReconcile({ ...state, target }, now());
        if (!plan || (!plan.subscribe && plan.retire.length === 0 && JSON.stringify(plan.state) === JSON.stringify(state))) continue;
        if ((await reconcileSafely(feed.id, feed.disabled ? null : undefined)) === 'requested') requested++;
      }
      return requested;
    },
    async whenIdle() {
      while (ingesting.size > 0) await Promise.allSettled([...ingesting]);
    },
  };
}

function newRecord(target: HubTarget, now: number): SubscriptionRecord {
  return {
    token: randomBytes(32).toString('base64url'),
    secret: randomBytes(32).toString('base64url'),
    hub: target.hub,
    endpoint: target.hub,
    topic: target.topic,
    status: 'pending',
    requestedAt: now,
    leaseSeconds: null,
    expiresAt: null,
  };
}

function outcomeOf(state: WebSubState, now: number): SubscribeOutcome {
  const { target } = state;
  if (target === null) return 'none';
  const mine = state.subscriptions.filter((record) => record.hub === target.hub && record.topic === target.topic);
  if (mine.some((record) => record.status === 'active' && record.expiresAt !== null && record.expiresAt > now)) return 'live';
  if (mine.some((record) => record.status === 'pending')) return 'pending';
  return isBlocked(state, target.hub, target.topic, now) ? 'blocked' : 'none';
}

function withEndpoint(state: WebSubState, record: SubscriptionRecord, endpoint: string): WebSubState {
  return { ...state, subscriptions: state.subscriptions.map((old) => (old.token === record.token ? { ...old, endpoint } : old)) };
}

/** The request is forgotten and its hub blocked for a while, so the next advertised hub is tried. */
function withFailure(state: WebSubState, record: SubscriptionRecord, reason: string, now: number): WebSubState {
  const block = { hub: record.hub, topic: record.topic, kind: 'failed' as const, reason: reason.slice(0, 500), until: now + webSubTimings.failureRetryMs };
  return {
    ...state,
    subscriptions: state.subscriptions.filter((old) => old.token !== record.token),
    blocks: [...state.blocks.filter((old) => old.hub !== record.hub || old.topic !== record.topic), block],
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TributaryError('CONFIG_INVALID', `websub: baseUrl must be an absolute http(s) URL, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TributaryError('CONFIG_INVALID', `websub: baseUrl must be http(s), got ${value}`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function checkPositive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TributaryError('CONFIG_INVALID', `websub: ${name} must be a positive integer, got ${value}`);
  return value;
}
