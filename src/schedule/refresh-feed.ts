/**
 * @module schedule/refresh-feed
 * The chain for one feed, top to bottom: fetch → parse → clean → store → reschedule. A broken
 * feed is an outcome, not a crash: whatever fails is recorded on the feed as a typed error and
 * the cycle goes on (the Miniflux `RefreshFeed` habit).
 */
import { sanitizeUrl } from '../clean/index.js';
import type { Fetcher } from '../fetch/index.js';
import { HttpStatusError, TributaryError, isTributaryError } from '../model/index.js';
import type { Feed, ParsedEntry } from '../model/index.js';
import { createFeedParser, parseFeed } from '../parse/index.js';
import type { FeedParser } from '../parse/index.js';
import type { FeedPatch, Store, UpsertResult } from '../store/index.js';
import { discoverHub, isLiveSubscription } from '../websub/index.js';
import type { WebSub } from '../websub/index.js';
import { fingerprintEntry, toEntryInput } from './entry-input.js';
import { nextPollAt, nextRetryAt } from './next-poll.js';
import type { ScheduleBounds } from './next-poll.js';

export interface RefreshDeps {
  store: Store;
  fetcher: Fetcher;
  now: () => number;
  bounds: ScheduleBounds;
  embeds?: readonly string[];
  /** When serving with a public base URL: feeds with a hub are subscribed, and polled rarely while pushed. */
  websub?: Pick<WebSub, 'subscribeIfHub'>;
  /**
   * Where a refresh's outcome (status, validators, next poll) is written; default
   * `store.updateFeed`. A cycle passes a batching recorder (one transaction per batch).
   */
  recordResult?: (feedId: number, patch: FeedPatch) => Promise<void>;
}

export interface RefreshOutcome {
  feedId: number;
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  inserted: number;
  updated: number;
  error: TributaryError | null;
}

/** Refreshes one feed and records the result on it; never throws for a feed's own failure. */
export async function refreshFeed(deps: RefreshDeps, feed: Feed): Promise<RefreshOutcome> {
  const { store, now } = deps;
  const record = deps.recordResult ?? ((id: number, patch: FeedPatch) => store.updateFeed(id, patch));
  const startedAt = now();
  try {
    // The body streams into the parser as it arrives: no whole copy of the document is held.
    const stream: { parser: FeedParser | null } = { parser: null };
    const result = await deps.fetcher.fetchFeed({
      url: feed.url,
      etag: feed.etag,
      lastModified: feed.lastModified,
      createSink: ({ contentType, finalUrl }) => (stream.parser = createFeedParser({ contentType, baseUrl: finalUrl })),
    });
    const url = await movedUrl(store, feed, result.permanentUrl);
    if (url !== feed.url) await store.updateFeed(feed.id, { url });
    if (result.kind === 'not-modified') {
      await record(feed.id, {
        ...successPatch('not-modified', result.status, startedAt),
        etag: result.etag ?? feed.etag,
        lastModified: result.lastModified ?? feed.lastModified,
        nextPollAt: await pushAware(deps, feed.id, startedAt, startedAt + previousInterval(feed, deps.bounds)),
      });
      return { feedId: feed.id, url, status: 'not-modified', inserted: 0, updated: 0, error: null };
    }
    // A Fetcher that ignores createSink hands the whole body back instead: parse that.
    const parsed = stream.parser?.end() ?? parseFeed(result.body, { contentType: result.contentType, baseUrl: result.finalUrl });
    const { inserted, updated } = await storeChangedEntries(deps, feed.id, parsed.entries, startedAt);
    await record(feed.id, {
      title: feed.title ?? parsed.title,
      siteUrl: sanitizeUrl(parsed.link, result.finalUrl) ?? feed.siteUrl,
      ...successPatch('ok', result.status, startedAt),
      etag: result.etag,
      lastModified: result.lastModified,
      nextPollAt: await pushAware(deps, feed.id, startedAt, nextPollAt(
        {
          now: startedAt,
          recentEntryTimes: parsed.entries.flatMap((entry) => {
            const date = entry.published ?? entry.updated;
            return date ? [date.getTime()] : [];
          }),
          hints: parsed.pollHints,
          maxAgeSeconds: result.maxAgeSeconds,
          expiresAt: result.expiresAt,
        },
        deps.bounds,
      )),
    });
    await deps.websub?.subscribeIfHub(feed.id, discoverHub(url, result, parsed));
    return { feedId: feed.id, url, status: 'ok', inserted, updated, error: null };
  } catch (cause) {
    const error = asTributaryError(cause, feed.url);
    const failures = feed.consecutiveFailures + 1;
    const gone = error.code === 'FETCH_GONE';
    if (error.code === 'FEED_NOT_FOUND') return { feedId: feed.id, url: feed.url, status: 'failed', inserted: 0, updated: 0, error };
    await record(feed.id, {
      lastStatus: 'error',
      httpStatus: error instanceof HttpStatusError ? error.status : null,
      errorCode: error.code,
      errorMessage: error.message,
      lastAttemptAt: startedAt,
      consecutiveFailures: failures,
      nextPollAt: nextRetryAt(startedAt, failures, deps.bounds, error instanceof HttpStatusError ? error.retryAfterMs : null),
      ...(gone ? { disabled: true, disabledReason: error.message } : {}),
    });
    return { feedId: feed.id, url: feed.url, status: 'failed', inserted: 0, updated: 0, error };
  }
}

/**
 * Parses a document pushed for a feed (WebSub content distribution) and stores its new or
 * changed entries — the same parse → clean → store path as a fetch.
 */
export async function ingestFeedBody(deps: RefreshDeps, feedId: number, body: Uint8Array, contentType: string | null): Promise<UpsertResult> {
  const feed = await deps.store.getFeed(feedId);
  if (!feed) throw new TributaryError('FEED_NOT_FOUND', `No subscription with id ${feedId}`);
  const parsed = parseFeed(body, { contentType, baseUrl: feed.url });
  return storeChangedEntries(deps, feedId, parsed.entries, deps.now());
}

/** A feed whose hub pushes its entries is polled at the longest interval only, as a safety net. */
async function pushAware(deps: RefreshDeps, feedId: number, now: number, planned: number): Promise<number> {
  if (!deps.websub) return planned;
  return isLiveSubscription(await deps.store.getFeedMeta(feedId), now) ? Math.max(planned, now + deps.bounds.maxIntervalMs) : planned;
}

/**
 * Cleans and stores only the entries that are new or changed since they were stored (by the
 * fingerprint of their source form); the first occurrence of a guid in the document wins.
 */
async function storeChangedEntries(deps: RefreshDeps, feedId: number, entries: readonly ParsedEntry[], now: number): Promise<UpsertResult> {
  const options = { embeds: deps.embeds };
  const seen = new Set<string>();
  const candidates = entries.flatMap((entry) => {
    const fingerprint = fingerprintEntry(entry, options);
    if (seen.has(fingerprint.guid)) return [];
    seen.add(fingerprint.guid);
    return [{ entry, fingerprint }];
  });
  if (candidates.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const stored = await deps.store.entryHashes(feedId, candidates.map(({ fingerprint }) => fingerprint.guid));
  const changed = candidates.filter(({ fingerprint }) => stored.get(fingerprint.guid) !== fingerprint.contentHash);
  const result = await deps.store.upsertEntries(feedId, changed.map(({ entry, fingerprint }) => toEntryInput(entry, options, fingerprint)), now);
  return { ...result, unchanged: result.unchanged + candidates.length - changed.length };
}

/** What every successful fetch (200 or 304) records: the status, and no error any more. */
function successPatch(lastStatus: 'ok' | 'not-modified', httpStatus: number, at: number): FeedPatch {
  return { lastStatus, httpStatus, errorCode: null, errorMessage: null, lastAttemptAt: at, lastSuccessAt: at, consecutiveFailures: 0 };
}

/** A permanent redirect moves the subscription, unless another subscription already has that URL. */
async function movedUrl(store: Store, feed: Feed, permanentUrl: string | null): Promise<string> {
  if (!permanentUrl || permanentUrl === feed.url) return feed.url;
  const other = await store.findFeedByUrl(permanentUrl);
  return other ? feed.url : permanentUrl;
}

function previousInterval(feed: Feed, bounds: ScheduleBounds): number {
  const last = feed.lastAttemptAt == null ? null : feed.nextPollAt - feed.lastAttemptAt;
  const interval = last != null && last > 0 ? last : bounds.maxIntervalMs / 4;
  return Math.min(Math.max(interval, bounds.minIntervalMs), bounds.maxIntervalMs);
}

function asTributaryError(cause: unknown, url: string): TributaryError {
  if (isTributaryError(cause)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new TributaryError('PARSE_MALFORMED', `${url}: ${message.split('\n')[0]}`, { url, cause });
}
