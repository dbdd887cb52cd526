/**
 * @module websub/subscription-state
 * What tributary remembers about a feed's WebSub subscriptions, kept under the `websub` key of
 * the feed's meta JSON, and the pure decisions taken on it (clock passed in, no I/O), so the
 * lifecycle is tested without a hub.
 *
 * A feed has a target (the hub and topic it wants to be subscribed to) and a few subscription
 * records, one per callback token. Renewing uses a new callback (W3C WebSub §5.1.1: the callback
 * "SHOULD be ... changed when subscriptions are renewed"), so while a renewal is verified the old
 * record stays active; once the new one is live the old one is retired (unsubscribed). A hub that
 * failed or denied (§5.2) is blocked for a while, per hub and topic, so the next advertised hub
 * can be tried and a refusing hub is not asked again on every poll.
 */
import { z } from 'zod';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** How long a request waits for verification, and how long failures and denials block a hub. */
export const webSubTimings = {
  /** A subscription the hub has not verified within this time is forgotten (the hub gave up). */
  pendingTimeoutMs: hourMs,
  /** After a hub answered an error or could not be reached. */
  failureRetryMs: 6 * hourMs,
  /** After a denial (§5.2: "the subscription is not possible anymore"). */
  denialRetryMs: 30 * dayMs,
} as const;

const recordSchema = z.object({
  token: z.string().min(1),
  secret: z.string(),
  /** The advertised hub the request was made for. */
  hub: z.string(),
  /** Where the hub request ended up after 307/308 redirects (§5.1.2); unsubscriptions go there. */
  endpoint: z.string(),
  topic: z.string(),
  status: z.enum(['pending', 'active', 'unsubscribing']),
  requestedAt: z.number(),
  /** The lease the hub granted at verification (§5.3). */
  leaseSeconds: z.number().nullable(),
  expiresAt: z.number().nullable(),
});

const blockSchema = z.object({
  hub: z.string(),
  topic: z.string(),
  kind: z.enum(['failed', 'denied']),
  reason: z.string(),
  until: z.number(),
});

const stateSchema = z.object({
  target: z.object({ hub: z.string(), topic: z.string() }).nullable().default(null),
  subscriptions: z.array(recordSchema).default([]),
  blocks: z.array(blockSchema).default([]),
});

export type SubscriptionRecord = z.infer<typeof recordSchema>;
export type HubBlock = z.infer<typeof blockSchema>;
export type WebSubState = z.infer<typeof stateSchema>;
export type HubTarget = NonNullable<WebSubState['target']>;

/** Where to subscribe: the advertised hubs (in order of preference) and the topic URL. */
export interface HubDiscovery {
  hubs: string[];
  topic: string;
}

/** What {@link planReconcile} decided: the tidied state, whether to subscribe, what to unsubscribe. */
export interface ReconcilePlan {
  state: WebSubState;
  subscribe: boolean;
  retire: SubscriptionRecord[];
}

/** The feed's WebSub state from its meta; an absent or unreadable value is an empty state. */
export function readWebSubState(meta: Record<string, unknown> | null): WebSubState {
  const parsed = stateSchema.safeParse(meta?.websub ?? {});
  return parsed.success ? parsed.data : { target: null, subscriptions: [], blocks: [] };
}

/** The meta with `state` stored under `websub` (the key removed when the state is empty); other keys kept. */
export function writeWebSubState(meta: Record<string, unknown>, state: WebSubState): Record<string, unknown> {
  const { websub: _previous, ...rest } = meta;
  const empty = state.target === null && state.subscriptions.length === 0 && state.blocks.length === 0;
  return empty ? rest : { ...rest, websub: state };
}

/** True when the feed has a verified subscription whose lease has not run out: it need not be polled often. */
export function isLiveSubscription(meta: Record<string, unknown> | null, now: number): boolean {
  return readWebSubState(meta).subscriptions.some((record) => isLive(record, now));
}

/** How long before expiry a lease is renewed: 10% of it, at least a day, at most half the lease. */
export function renewalMarginMs(leaseSeconds: number): number {
  const leaseMs = leaseSeconds * 1000;
  return Math.min(Math.max(leaseMs / 10, dayMs), leaseMs / 2);
}

/** True when requests to `hub` for `topic` are held back by a recent failure or denial. */
export function isBlocked(state: WebSubState, hub: string, topic: string, now: number): boolean {
  return state.blocks.some((block) => block.hub === hub && block.topic === topic && block.until > now);
}

/**
 * The hub to be subscribed to for `discovery`: the current target while it is still advertised
 * and either live or not blocked, else the first advertised hub not blocked (else the first);
 * null when no hub is advertised.
 */
export function chooseTarget(state: WebSubState, discovery: HubDiscovery, now: number): HubTarget | null {
  const { hubs, topic } = discovery;
  if (hubs.length === 0) return null;
  const current = state.target;
  if (current && current.topic === topic && hubs.includes(current.hub)) {
    const live = state.subscriptions.some((record) => isFor(record, current) && isLive(record, now));
    if (live || !isBlocked(state, current.hub, topic, now)) return current;
  }
  const free = hubs.find((hub) => !isBlocked(state, hub, topic, now));
  return { hub: free ?? hubs[0]!, topic };
}

/**
 * Tidies the state and decides the next steps: forget expired and unverified records and old
 * blocks; subscribe when the target has no live subscription (or only one due for renewal), none
 * pending and is not blocked; retire active records of another target, and older ones of the
 * target once a newer one is live.
 */
export function planReconcile(state: WebSubState, now: number): ReconcilePlan {
  const target = state.target;
  const blocks = state.blocks.filter((block) => block.until > now);
  const kept = state.subscriptions.filter((record) => !isStale(record, now) && (record.status !== 'pending' || isFor(record, target)));
  const newest = kept
    .filter((record) => isFor(record, target) && isLive(record, now))
    .reduce<SubscriptionRecord | null>((best, record) => (best === null || record.requestedAt > best.requestedAt ? record : best), null);
  const retiring = (record: SubscriptionRecord): boolean =>
    record.status === 'active' && (!isFor(record, target) || (newest !== null && record.requestedAt < newest.requestedAt));
  const subscriptions = kept.map((record) => (retiring(record) ? { ...record, status: 'unsubscribing' as const } : record));
  const pending = subscriptions.some((record) => record.status === 'pending');
  const due = newest === null || newest.expiresAt! - now <= renewalMarginMs(newest.leaseSeconds ?? 0);
  return {
    state: { target, subscriptions, blocks },
    subscribe: target !== null && !pending && due && !isBlocked({ target, subscriptions, blocks }, target.hub, target.topic, now),
    retire: subscriptions.filter((record, index) => record.status === 'unsubscribing' && kept[index]!.status === 'active'),
  };
}

function isFor(record: SubscriptionRecord, target: HubTarget | null): boolean {
  return target !== null && record.hub === target.hub && record.topic === target.topic;
}

function isLive(record: SubscriptionRecord, now: number): boolean {
  return record.status === 'active' && record.expiresAt !== null && record.expiresAt > now;
}

function isStale(record: SubscriptionRecord, now: number): boolean {
  if (record.status === 'pending') return now - record.requestedAt > webSubTimings.pendingTimeoutMs;
  return record.expiresAt === null || record.expiresAt <= now;
}
