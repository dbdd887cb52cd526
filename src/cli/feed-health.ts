/**
 * @module cli/feed-health
 * One shape for a feed's health, shared by `tributary feeds --json` (a line per feed, for scripts)
 * and the served `/status` (its `sources`), so monitoring reads the same fields either way.
 */
import type { FeedSummary } from '../model/index.js';
import { isFailingFeed } from '../publish/index.js';

/** An epoch time as `YYYY-MM-DDTHH:MM:SSZ`, or null. */
export function isoTime(time: number | null): string | null {
  return time == null ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The feed's health as JSON; `failing` per site.failingAfterHours (in ms here) at `now`. */
export function feedHealthJson(feed: FeedSummary, now: number, failingAfterMs: number): Record<string, unknown> {
  return {
    url: feed.url,
    title: feed.title,
    status: feed.lastStatus,
    httpStatus: feed.httpStatus,
    errorClass: feed.errorCode,
    errorMessage: feed.errorMessage,
    lastAttemptAt: isoTime(feed.lastAttemptAt),
    lastSuccessAt: isoTime(feed.lastSuccessAt),
    consecutiveFailures: feed.consecutiveFailures,
    nextPollAt: isoTime(feed.nextPollAt),
    entries: feed.entryCount,
    disabled: feed.disabled,
    disabledReason: feed.disabledReason,
    failing: isFailingFeed(feed, now, failingAfterMs),
  };
}
