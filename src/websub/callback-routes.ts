/**
 * @module websub/callback-routes
 * The subscriber's callback, `/callback/:feedId/:token` (mounted under `/websub`): a GET is the
 * hub verifying intent (W3C WebSub §5.3) or reporting a denial (§5.2), a POST is a content
 * distribution (§7). The unguessable token in the path names one subscription record; the
 * request's Link headers are never used to find it (§7: they describe the content, not the
 * subscription).
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/index.js';
import { verifyHubSignature } from './hub-signature.js';
import type { StateStore } from './state-store.js';
import { webSubTimings } from './subscription-state.js';
import type { SubscriptionRecord, WebSubState } from './subscription-state.js';

/** Structured logging, pino-style (`data`, then the message). */
export interface WebSubLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

export interface CallbackDeps {
  states: StateStore;
  store: Pick<Store, 'getFeed'>;
  /** Assumed when a hub leaves out hub.lease_seconds (it must not, §5.3). */
  leaseSeconds: number;
  maxBodyBytes: number;
  logger: WebSubLogger;
  /** Hands verified content on; must not wait for it to be stored (§7: answer quickly). */
  deliver(feedId: number, body: Buffer, contentType: string | null): void;
}

/** §5.3: the challenge's allowed characters; §8.2: its length is limited too. */
const challengePattern = /^[+\-./0-9=A-Z_a-z]{1,512}$/;

/** Builds the callback routes. */
export function createCallbackRoutes(deps: CallbackDeps): Hono {
  const routes = new Hono();
  routes.get('/callback/:feedId/:token', (c) => answerVerification(deps, c));
  routes.post(
    '/callback/:feedId/:token',
    bodyLimit({ maxSize: deps.maxBodyBytes, onError: (c) => c.text('Payload too large', 413) }),
    (c) => receiveContent(deps, c),
  );
  return routes;
}

async function answerVerification(deps: CallbackDeps, c: Context): Promise<Response> {
  const feedId = parseFeedId(c.req.param('feedId'));
  const token = c.req.param('token') ?? '';
  const mode = c.req.query('hub.mode');
  const topic = c.req.query('hub.topic');
  const challenge = c.req.query('hub.challenge') ?? '';
  if (feedId === null || !topic) return refuse(c);
  if (mode === 'denied') {
    const reason = (c.req.query('hub.reason') ?? '').slice(0, 500);
    const record = await deps.states.update(feedId, (state, now) => deny(state, token, topic, reason, now));
    if (!record) return refuse(c);
    deps.logger.warn({ feedId, hub: record.hub, topic, reason }, 'WebSub hub denied the subscription');
    return c.text('', 200);
  }
  if (!challengePattern.test(challenge)) return refuse(c);
  if (mode === 'subscribe') {
    const lease = parseLeaseSeconds(c.req.query('hub.lease_seconds')) ?? deps.leaseSeconds;
    const record = await deps.states.update(feedId, (state, now) => activate(state, token, topic, lease, now));
    if (!record) return refuse(c);
    deps.logger.info({ feedId, hub: record.hub, topic, leaseSeconds: lease }, 'WebSub subscription verified');
    return echo(c, challenge);
  }
  if (mode === 'unsubscribe') {
    // A removed feed wants nothing any more: agreeing to drop a dead callback harms no one.
    if ((await deps.store.getFeed(feedId)) === null) return echo(c, challenge);
    const record = await deps.states.update(feedId, (state) => forget(state, token, topic));
    if (!record) return refuse(c);
    deps.logger.info({ feedId, hub: record.hub, topic }, 'WebSub unsubscription verified');
    return echo(c, challenge);
  }
  return refuse(c);
}

async function receiveContent(deps: CallbackDeps, c: Context): Promise<Response> {
  const feedId = parseFeedId(c.req.param('feedId'));
  const state = feedId === null ? null : await deps.states.read(feedId);
  const record = state ? findRecord(state, c.req.param('token') ?? '') : null;
  // §7: 410 tells the hub this subscription is gone (the feed was removed, or the lease long over).
  if (feedId === null || !record) return c.text('Gone', 410);
  const body = Buffer.from(await c.req.arrayBuffer());
  const signature = c.req.header('x-hub-signature');
  // §7.1.2: content failing the check is ignored, yet acknowledged, so a forger learns nothing.
  if (!verifyHubSignature(signature, body, record.secret)) {
    deps.logger.warn({ feedId, hub: record.hub, signature: signature ? 'wrong' : 'missing' }, 'WebSub content ignored: bad X-Hub-Signature');
    return c.body(null, 202);
  }
  deps.deliver(feedId, body, c.req.header('content-type') ?? null);
  return c.body(null, 202);
}

/** §5.3.1: a pending or active subscription of that token and topic is (re)confirmed and its lease recorded. */
function activate(state: WebSubState, token: string, topic: string, leaseSeconds: number, now: number) {
  const record = findRecord(state, token);
  if (!record || record.status === 'unsubscribing' || !isSameTopic(record.topic, topic)) return { state, result: null };
  const active: SubscriptionRecord = { ...record, status: 'active', leaseSeconds, expiresAt: now + leaseSeconds * 1000 };
  const blocks = state.blocks.filter((block) => block.hub !== record.hub || block.topic !== record.topic);
  return { state: { ...state, subscriptions: replaceRecord(state, record, active), blocks }, result: active };
}

/** §5.3.1: only an unsubscription tributary asked for is confirmed; the record is then dropped. */
function forget(state: WebSubState, token: string, topic: string) {
  const record = findRecord(state, token);
  if (!record || record.status !== 'unsubscribing' || !isSameTopic(record.topic, topic)) return { state, result: null };
  return { state: { ...state, subscriptions: replaceRecord(state, record, null) }, result: record };
}

/** §5.2: the subscription is dropped and the hub not asked again for this topic for a while. */
function deny(state: WebSubState, token: string, topic: string, reason: string, now: number) {
  const record = findRecord(state, token);
  if (!record || !isSameTopic(record.topic, topic)) return { state, result: null };
  const block = { hub: record.hub, topic: record.topic, kind: 'denied' as const, reason: reason || 'denied by the hub', until: now + webSubTimings.denialRetryMs };
  const blocks = [...state.blocks.filter((old) => old.hub !== record.hub || old.topic !== record.topic), block];
  return { state: { ...state, subscriptions: replaceRecord(state, record, null), blocks }, result: record };
}

function replaceRecord(state: WebSubState, old: SubscriptionRecord, replacement: SubscriptionRecord | null): SubscriptionRecord[] {
  return state.subscriptions.flatMap((record) => (record === old ? (replacement ? [replacement] : []) : [record]));
}

function findRecord(state: WebSubState, token: string): SubscriptionRecord | null {
  const wanted = Buffer.from(token);
  return state.subscriptions.find((record) => {
    const candidate = Buffer.from(record.token);
    return candidate.length === wanted.length && timingSafeEqual(candidate, wanted);
  }) ?? null;
}

/** Hubs may re-encode the topic (§5.1.1: they decode non-reserved characters), so URLs are compared parsed. */
function isSameTopic(expected: string, received: string): boolean {
  if (expected === received) return true;
  try {
    return new URL(expected).href === new URL(received).href;
  } catch {
    return false;
  }
}

/** §8.2: the echoed challenge is served as plain text that no browser sniffs into HTML. */
function echo(c: Context, challenge: string): Response {
  return c.body(challenge, 200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
}

function refuse(c: Context): Response {
  return c.text('Not found', 404);
}

function parseFeedId(value: string | undefined): number | null {
  return value && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : null;
}

function parseLeaseSeconds(value: string | undefined): number | null {
  return value && /^[0-9]{1,10}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}
