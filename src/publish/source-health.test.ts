import { describe, expect, it } from 'vitest';
import { isFailingFeed, sourceHealth } from './source-health.js';
import { makeFeed } from './testdata/river-fixtures.js';

const now = new Date(Date.UTC(2025, 2, 14, 12));
const hoursAgo = (hours: number): number => now.getTime() - hours * 3_600_000;
const failed = { lastStatus: 'error' as const, errorCode: 'FETCH_HTTP_STATUS', errorMessage: 'HTTP 404 from https://b.example/feed' };

describe('sourceHealth', () => {
  const cases = [
    { name: 'a feed fetched fine is ok', feed: { lastStatus: 'ok' as const, lastSuccessAt: hoursAgo(1) }, state: 'ok', label: 'ok', failingSince: null },
    { name: 'a 304 counts as ok', feed: { lastStatus: 'not-modified' as const }, state: 'ok', label: 'ok', failingSince: null },
    { name: 'a feed never fetched is new', feed: { lastStatus: 'new' as const, lastSuccessAt: null }, state: 'new', label: 'not fetched yet', failingSince: null },
    {
      name: 'one failure an hour after a success is an error, not yet failing',
      feed: { ...failed, consecutiveFailures: 1, lastSuccessAt: hoursAgo(1) },
      state: 'error', label: 'last fetch failed', failingSince: null,
    },
    {
      name: 'failures for more than a day since the last success are failing',
      feed: { ...failed, consecutiveFailures: 5, lastSuccessAt: hoursAgo(30) },
      state: 'failing', label: 'failing', failingSince: 'no successful fetch since 2025-03-13 06:00 UTC; failed 5 times in a row',
    },
    {
      name: 'a feed added yesterday that never worked is failing',
      feed: { ...failed, consecutiveFailures: 1, lastSuccessAt: null, createdAt: hoursAgo(25) },
      state: 'failing', label: 'failing', failingSince: 'never fetched successfully; failed once',
    },
    {
      name: 'a feed added an hour ago that failed once is not failing yet',
      feed: { ...failed, consecutiveFailures: 1, lastSuccessAt: null, createdAt: hoursAgo(1) },
      state: 'error', label: 'last fetch failed', failingSince: null,
    },
    {
      name: 'several failures within the day say how many',
      feed: { ...failed, consecutiveFailures: 3, lastSuccessAt: hoursAgo(5) },
      state: 'error', label: 'last fetch failed 3 times in a row', failingSince: null,
    },
    {
      name: 'a disabled feed says so, with its reason',
      feed: { disabled: true, disabledReason: 'HTTP 410 Gone', lastStatus: 'error' as const, consecutiveFailures: 1 },
      state: 'disabled', label: 'disabled', failingSince: null,
    },
  ];
  it.each(cases)('$name', ({ feed, state, label, failingSince }) => {
    const health = sourceHealth(makeFeed(feed), now);
    expect({ state: health.state, label: health.label, failingSince: health.failingSince }).toEqual({ state, label, failingSince });
  });

  it('gives the last error as CODE: message, and the disabled reason when there is no message', () => {
    expect(sourceHealth(makeFeed({ ...failed, consecutiveFailures: 1 }), now).error).toBe('FETCH_HTTP_STATUS: HTTP 404 from https://b.example/feed');
    expect(sourceHealth(makeFeed({ disabled: true, errorCode: 'FEED_GONE', disabledReason: 'HTTP 410 Gone' }), now).error).toBe('FEED_GONE: HTTP 410 Gone');
    expect(sourceHealth(makeFeed({ lastStatus: 'ok' }), now).error).toBeNull();
  });

  it('flags after the configured time instead of a day when the operator sets one', () => {
    const feed = makeFeed({ ...failed, consecutiveFailures: 2, lastSuccessAt: hoursAgo(3) });
    expect(sourceHealth(feed, now, 2 * 3_600_000).state).toBe('failing');
    expect(sourceHealth(feed, now, 4 * 3_600_000).state).toBe('error');
    expect(isFailingFeed(feed, now.getTime(), 2 * 3_600_000)).toBe(true);
    expect(isFailingFeed(makeFeed({ ...feed, disabled: true }), now.getTime(), 1)).toBe(false);
  });
});
