/**
 * The subscription lifecycle as pure decisions over a feed's meta, clock passed in.
 */
import { describe, expect, it } from 'vitest';
import { chooseTarget, isLiveSubscription, planReconcile, readWebSubState, renewalMarginMs, writeWebSubState } from './subscription-state.js';
import type { SubscriptionRecord, WebSubState } from './subscription-state.js';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const now = Date.UTC(2026, 2, 1);
const hub = 'https://hub.example/';
const topic = 'https://blog.example/feed';
const target = { hub, topic };

const record = (overrides: Partial<SubscriptionRecord>): SubscriptionRecord => ({
  token: `t${Math.random()}`,
  secret: 's',
  hub,
  endpoint: hub,
  topic,
  status: 'active',
  requestedAt: now - dayMs,
  leaseSeconds: 10 * 86_400,
  expiresAt: now + 5 * dayMs,
  ...overrides,
});
const state = (overrides: Partial<WebSubState>): WebSubState => ({ target, subscriptions: [], blocks: [], ...overrides });

describe('isLiveSubscription', () => {
  it.each([
    { name: 'no meta', meta: null, live: false },
    { name: 'meta without websub', meta: { other: 1 }, live: false },
    { name: 'an unreadable websub value', meta: { websub: 'yes' }, live: false },
    { name: 'an active lease', meta: { websub: state({ subscriptions: [record({})] }) }, live: true },
    { name: 'an expired lease', meta: { websub: state({ subscriptions: [record({ expiresAt: now })] }) }, live: false },
    { name: 'a pending request only', meta: { websub: state({ subscriptions: [record({ status: 'pending', expiresAt: null })] }) }, live: false },
    { name: 'an unsubscription under way', meta: { websub: state({ subscriptions: [record({ status: 'unsubscribing' })] }) }, live: false },
  ])('is $live for $name', ({ meta, live }) => {
    expect(isLiveSubscription(meta as Record<string, unknown> | null, now)).toBe(live);
  });
});

describe('renewalMarginMs', () => {
  it.each([
    { lease: 10 * 86_400, margin: dayMs },
    { lease: 30 * 86_400, margin: 3 * dayMs },
    { lease: 86_400, margin: dayMs / 2 },
    { lease: 3600, margin: hourMs / 2 },
  ])('renews a $lease s lease $margin ms before it ends', ({ lease, margin }) => {
    expect(renewalMarginMs(lease)).toBe(margin);
  });
});

describe('readWebSubState / writeWebSubState', () => {
  it('keeps the meta’s other keys and drops an empty state', () => {
    const meta = { hints: { etagBroken: true } };
    const full = writeWebSubState(meta, state({ subscriptions: [record({ token: 'a' })] }));
    expect(full).toMatchObject({ hints: { etagBroken: true }, websub: { target } });
    expect(readWebSubState(full).subscriptions.map((r) => r.token)).toEqual(['a']);
    expect(writeWebSubState(full, { target: null, subscriptions: [], blocks: [] })).toEqual(meta);
  });
});

describe('planReconcile', () => {
  const cases: Array<{ name: string; state: WebSubState; subscribe: boolean; retired: string[]; kept: string[] }> = [
    { name: 'subscribes a new target', state: state({}), subscribe: true, retired: [], kept: [] },
    { name: 'leaves a live lease far from its end alone', state: state({ subscriptions: [record({ token: 'a' })] }), subscribe: false, retired: [], kept: ['a'] },
    { name: 'renews a lease with less than a day left', state: state({ subscriptions: [record({ token: 'a', expiresAt: now + dayMs - 1 })] }), subscribe: true, retired: [], kept: ['a'] },
    {
      name: 'waits while a renewal is pending',
      state: state({ subscriptions: [record({ token: 'a', expiresAt: now + hourMs }), record({ token: 'b', status: 'pending', requestedAt: now - 60_000, expiresAt: null })] }),
      subscribe: false, retired: [], kept: ['a', 'b'],
    },
    {
      name: 'forgets a request the hub never verified and asks again',
      state: state({ subscriptions: [record({ token: 'b', status: 'pending', requestedAt: now - 2 * hourMs, expiresAt: null })] }),
      subscribe: true, retired: [], kept: [],
    },
    {
      name: 'retires the older subscription once the renewal is live',
      state: state({ subscriptions: [record({ token: 'old', requestedAt: now - 9 * dayMs, expiresAt: now + hourMs }), record({ token: 'new', requestedAt: now - hourMs, expiresAt: now + 10 * dayMs })] }),
      subscribe: false, retired: ['old'], kept: ['old', 'new'],
    },
    {
      name: 'retires a subscription to a hub no longer wanted and subscribes to the new one',
      state: state({ target: { hub: 'https://other-hub.example/', topic }, subscriptions: [record({ token: 'a' })] }),
      subscribe: true, retired: ['a'], kept: ['a'],
    },
    {
      name: 'retires everything and drops pending requests without a target',
      state: state({ target: null, subscriptions: [record({ token: 'a' }), record({ token: 'p', status: 'pending', requestedAt: now, expiresAt: null })] }),
      subscribe: false, retired: ['a'], kept: ['a'],
    },
    { name: 'drops expired records', state: state({ subscriptions: [record({ token: 'a', expiresAt: now - 1 }), record({ token: 'u', status: 'unsubscribing', expiresAt: now - 1 })] }), subscribe: true, retired: [], kept: [] },
    { name: 'does not ask a blocked hub', state: state({ blocks: [{ hub, topic, kind: 'denied', reason: 'no', until: now + 1 }] }), subscribe: false, retired: [], kept: [] },
    { name: 'asks again once a block is over', state: state({ blocks: [{ hub, topic, kind: 'failed', reason: 'HTTP 500', until: now }] }), subscribe: true, retired: [], kept: [] },
  ];
  it.each(cases)('$name', ({ state: input, subscribe, retired, kept }) => {
    const plan = planReconcile(input, now);
    expect(plan.subscribe).toBe(subscribe);
    expect(plan.retire.map((r) => r.token)).toEqual(retired);
    expect(plan.retire.every((r) => r.status === 'unsubscribing')).toBe(true);
    expect(plan.state.subscriptions.map((r) => r.token)).toEqual(kept);
    expect(plan.state.blocks.every((block) => block.until > now)).toBe(true);
  });
});

describe('chooseTarget', () => {
  const hubs = ['https://a.example/', 'https://b.example/'];
  const blocked = (blockedHub: string) => ({ hub: blockedHub, topic, kind: 'failed' as const, reason: 'x', until: now + hourMs });
  it.each([
    { name: 'takes the first hub', state: state({ target: null }), hubs, expected: 'https://a.example/' },
    { name: 'keeps the current hub while advertised', state: state({ target: { hub: 'https://b.example/', topic } }), hubs, expected: 'https://b.example/' },
    { name: 'skips a blocked hub', state: state({ target: null, blocks: [blocked('https://a.example/')] }), hubs, expected: 'https://b.example/' },
    {
      name: 'keeps a blocked hub whose subscription is still live',
      state: state({ target: { hub: 'https://a.example/', topic }, blocks: [blocked('https://a.example/')], subscriptions: [record({ hub: 'https://a.example/' })] }),
      hubs, expected: 'https://a.example/',
    },
    { name: 'takes the first hub when all are blocked', state: state({ target: null, blocks: hubs.map(blocked) }), hubs, expected: 'https://a.example/' },
    { name: 'finds none without hubs', state: state({}), hubs: [], expected: null },
  ])('$name', ({ state: input, hubs: advertised, expected }) => {
    expect(chooseTarget(input, { hubs: advertised, topic }, now)?.hub ?? null).toBe(expected);
  });

  it('moves to the new topic when the feed names another self URL', () => {
    expect(chooseTarget(state({}), { hubs: [hub], topic: 'https://blog.example/new-feed' }, now)).toEqual({ hub, topic: 'https://blog.example/new-feed' });
  });
});
