/**
 * @module publish/source-health
 * How the sources page judges a feed. One failed fetch is news, not an emergency: the feed is
 * flagged "failing" only when it keeps failing — failures in a row and no successful fetch for
 * longer than the configured time, a day by default (counted from when it was added, if it never
 * worked). Everything else a reader
 * needs to decide whether to worry is stated in words: the last error and since when.
 */
import type { FeedSummary } from '../model/index.js';

/** A feed's health as the sources page shows it. */
export interface SourceHealth {
  /** CSS-friendly state: ok, new, error (failed lately), failing (for over a day), disabled. */
  state: 'ok' | 'new' | 'error' | 'failing' | 'disabled';
  /** The badge text. */
  label: string;
  /** The last error as `CODE: message`, when the last fetch failed or the feed is disabled. */
  error: string | null;
  /** Since when the feed has been failing, in words; null unless `state` is failing. */
  failingSince: string | null;
}

/** How long a feed may fail before it is flagged as failing, by default (config site.failingAfterHours). */
export const failingAfterMs = 24 * 60 * 60 * 1000;

/** True when the feed's recent fetches failed and it has had no success for longer than `after` ms. */
export function isFailingFeed(feed: FeedSummary, now: number, after: number = failingAfterMs): boolean {
  return !feed.disabled && feed.consecutiveFailures > 0 && feed.lastStatus === 'error' && now - (feed.lastSuccessAt ?? feed.createdAt) > after;
}

/** Judges `feed` at `now`; `after` is how long it may fail before it is flagged (default a day). */
export function sourceHealth(feed: FeedSummary, now: Date, after: number = failingAfterMs): SourceHealth {
  const error = [feed.errorCode, feed.errorMessage ?? feed.disabledReason].filter(Boolean).join(': ') || null;
  if (feed.disabled) return { state: 'disabled', label: 'disabled', error, failingSince: null };
  if (feed.consecutiveFailures > 0 && feed.lastStatus === 'error') {
    const times = feed.consecutiveFailures > 1 ? ` ${feed.consecutiveFailures} times in a row` : '';
    if (isFailingFeed(feed, now.getTime(), after)) {
      const since = feed.lastSuccessAt == null ? 'never fetched successfully' : `no successful fetch since ${formatUtc(feed.lastSuccessAt)}`;
      return { state: 'failing', label: 'failing', error, failingSince: `${since}; failed${times || ' once'}` };
    }
    return { state: 'error', label: `last fetch failed${times}`, error, failingSince: null };
  }
  if (feed.lastStatus === 'new') return { state: 'new', label: 'not fetched yet', error: null, failingSince: null };
  return { state: 'ok', label: 'ok', error: null, failingSince: null };
}

/** An epoch time as `YYYY-MM-DD HH:MM UTC`. */
export function formatUtc(time: number): string {
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
