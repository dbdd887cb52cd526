/**
 * @module schedule/next-poll
 * When to poll a feed next. Pure functions of the feed's history and the clock, so the maths is
 * tested without network or database (the Miniflux `ScheduleNextCheck` habit).
 *
 * After a success the interval follows the feed's observed posting rate (half the mean gap
 * between its recent entries: a feed that posts daily is polled about twice a day), raised to
 * what the publisher asked for (RSS ttl, sy:updatePeriod/updateFrequency, Cache-Control max-age,
 * Expires) and always clamped to the configured minimum and maximum. skipHours/skipDays push the
 * time out of the skipped hours. After a failure the interval backs off exponentially with
 * jitter, or follows Retry-After when the server sent one.
 */
import type { PollHints } from '../model/index.js';

export interface ScheduleBounds {
  minIntervalMs: number;
  maxIntervalMs: number;
}

export interface SuccessFacts {
  now: number;
  /** Publication times (epoch ms) of the feed's most recent entries, any order. */
  recentEntryTimes: readonly number[];
  hints?: PollHints | null;
  /** From Cache-Control max-age. */
  maxAgeSeconds?: number | null;
  /** From Expires (epoch ms). */
  expiresAt?: number | null;
}

const hourMs = 3_600_000;
const periodMs = { hourly: hourMs, daily: 24 * hourMs, weekly: 7 * 24 * hourMs, monthly: 30 * 24 * hourMs, yearly: 365 * 24 * hourMs } as const;
const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The next poll time after a successful fetch (200 or 304). */
export function nextPollAt(facts: SuccessFacts, bounds: ScheduleBounds): number {
  const { now } = facts;
  let interval = postingRateInterval(facts.recentEntryTimes, bounds);
  const hints = facts.hints;
  if (hints?.ttlMinutes) interval = Math.max(interval, hints.ttlMinutes * 60_000);
  if (hints?.updatePeriod) {
    interval = Math.max(interval, periodMs[hints.updatePeriod] / Math.max(1, hints.updateFrequency ?? 1));
  }
  if (facts.maxAgeSeconds && facts.maxAgeSeconds > 0) interval = Math.max(interval, facts.maxAgeSeconds * 1000);
  if (facts.expiresAt && facts.expiresAt > now) interval = Math.max(interval, facts.expiresAt - now);
  interval = clamp(interval, bounds.minIntervalMs, bounds.maxIntervalMs);
  return skipForbiddenHours(now + interval, hints, now + bounds.maxIntervalMs);
}

/** The next poll time after a failed fetch: Retry-After if given, else exponential backoff with ±20% jitter. */
export function nextRetryAt(
  now: number,
  consecutiveFailures: number,
  bounds: ScheduleBounds,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  if (retryAfterMs != null && retryAfterMs >= 0) {
    return now + clamp(retryAfterMs, bounds.minIntervalMs / 15, bounds.maxIntervalMs * 7);
  }
  const base = bounds.minIntervalMs * 2 ** Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const jitter = 1 + (random() * 0.4 - 0.2);
  return now + Math.round(clamp(base, bounds.minIntervalMs, bounds.maxIntervalMs) * jitter);
}

function postingRateInterval(times: readonly number[], bounds: ScheduleBounds): number {
  const sorted = [...times].filter(Number.isFinite).sort((a, b) => b - a).slice(0, 10);
  if (sorted.length < 2) return bounds.maxIntervalMs / 4;
  const meanGap = (sorted[0]! - sorted[sorted.length - 1]!) / (sorted.length - 1);
  return meanGap / 2;
}

function skipForbiddenHours(at: number, hints: PollHints | null | undefined, limit: number): number {
  if (!hints || (hints.skipHours.length === 0 && hints.skipDays.length === 0)) return at;
  const skipHours = new Set(hints.skipHours);
  const skipDays = new Set(hints.skipDays.map((day) => day.toLowerCase()));
  let time = at;
  // RSS 2.0 skipHours/skipDays are in GMT; step an hour at a time, at most a week.
  for (let step = 0; step < 24 * 7 && time < limit; step++) {
    const date = new Date(time);
    if (!skipHours.has(date.getUTCHours()) && !skipDays.has(dayNames[date.getUTCDay()]!)) return time;
    time = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours() + 1);
  }
  return Math.min(time, limit);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
