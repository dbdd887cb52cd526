import { describe, expect, it } from 'vitest';
import type { PollHints } from '../model/index.js';
import { nextPollAt, nextRetryAt } from './next-poll.js';

const minute = 60_000;
const hour = 60 * minute;
const bounds = { minIntervalMs: 15 * minute, maxIntervalMs: 24 * hour };
const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const noHints: PollHints = { ttlMinutes: null, updatePeriod: null, updateFrequency: null, skipHours: [], skipDays: [] };

describe('nextPollAt', () => {
  const cases: Array<{ name: string; times: number[]; hints?: Partial<PollHints>; maxAge?: number; expect: number }> = [
    { name: 'a feed posting every 4 hours is polled every 2 hours', times: [0, 1, 2, 3].map((i) => now - i * 4 * hour), expect: 2 * hour },
    { name: 'a very busy feed is held to the minimum interval', times: [0, 1, 2, 3].map((i) => now - i * minute), expect: 15 * minute },
    { name: 'a dormant feed is held to the maximum interval', times: [now - 300 * 24 * hour, now - 400 * 24 * hour], expect: 24 * hour },
    { name: 'a feed without history is polled every quarter of the maximum', times: [], expect: 6 * hour },
    { name: 'RSS ttl raises the interval', times: [0, 1].map((i) => now - i * hour), hints: { ttlMinutes: 180 }, expect: 3 * hour },
    { name: 'sy:updatePeriod daily with frequency 2 means 12 hours', times: [], hints: { updatePeriod: 'daily', updateFrequency: 2 }, expect: 12 * hour },
    { name: 'Cache-Control max-age raises the interval', times: [0, 1].map((i) => now - i * hour), maxAge: 7200, expect: 2 * hour },
    { name: 'a huge ttl is still clamped to the maximum', times: [], hints: { ttlMinutes: 10_000 }, expect: 24 * hour },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const at = nextPollAt({ now, recentEntryTimes: c.times, hints: { ...noHints, ...c.hints }, maxAgeSeconds: c.maxAge ?? null }, bounds);
      expect(at - now).toBe(c.expect);
    });
  }

  it('moves a poll that falls in skipHours to the first allowed hour (GMT)', () => {
    const times = [0, 1].map((i) => now - i * 2 * hour); // 1 hour interval → 13:00
    const at = nextPollAt({ now, recentEntryTimes: times, hints: { ...noHints, skipHours: [13, 14, 15] } }, bounds);
    expect(new Date(at).getUTCHours()).toBe(16);
  });

  it('moves a poll that falls on a skipped day to the next day', () => {
    const saturdayNoon = Date.UTC(2026, 10, 28, 12); // 2026-11-28 is a Saturday
    const at = nextPollAt({ now: saturdayNoon, recentEntryTimes: [], hints: { ...noHints, skipDays: ['Saturday'] } }, bounds);
    expect(new Date(at).getUTCDay()).toBe(0);
  });
});

describe('nextRetryAt', () => {
  it('doubles the wait with each consecutive failure, within ±20% jitter, up to the maximum', () => {
    const waits = [1, 2, 3, 4, 10].map((failures) => nextRetryAt(now, failures, bounds, null, () => 0.5) - now);
    expect(waits).toEqual([15 * minute, 30 * minute, 60 * minute, 120 * minute, 24 * hour]);
    const low = nextRetryAt(now, 1, bounds, null, () => 0) - now;
    const high = nextRetryAt(now, 1, bounds, null, () => 0.999) - now;
    expect(low).toBe(12 * minute);
    expect(high).toBeGreaterThan(17.9 * minute);
  });

  it('follows Retry-After when the server sent one', () => {
    expect(nextRetryAt(now, 5, bounds, 2 * hour) - now).toBe(2 * hour);
  });
});
