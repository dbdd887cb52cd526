/**
 * @module store/kysely-store
 * The Store on top of any Kysely database: it wires the portable queries to the engine's
 * dialect and wraps every call so a driver failure surfaces as STORE_FAILED. Engines only open
 * the connection and hand it here.
 */
import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema-types.js';
import type { StoreDialect } from './store-dialect.js';
import { guardStoreCall } from './store-errors.js';
import type { Store } from './store-types.js';
import {
  deleteFeed,
  insertFeed,
  selectAllFeeds,
  selectDueFeeds,
  selectFeedById,
  selectFeedByUrl,
  selectFeedMeta,
  selectFeedSummaries,
  updateFeedMeta,
  updateFeedRow,
  updateFeedRows,
} from './feed-queries.js';
import { selectEntryHashes, selectRiverItem, selectRiverPage, upsertFeedEntries } from './entry-queries.js';

/** What an engine hands over: the database, its dialect, and how to shut it down. */
export interface KyselyStoreParts {
  db: Kysely<StoreDatabase>;
  dialect: StoreDialect;
  /** The database URL for messages (credentials are stripped when shown). */
  label: string;
  /** Closes the connection(s); called once. */
  shutdown(): Promise<void>;
}

/** Builds the Store over an opened database. */
export function createKyselyStore({ db, dialect, label, shutdown }: KyselyStoreParts): Store {
  const guard = <T>(action: string, url: string | null, operation: () => Promise<T>) =>
    guardStoreCall(label, action, url, operation);
  let closing: Promise<void> | null = null;

  return {
    engine: dialect.engine,
    close: () => (closing ??= guard('close', null, shutdown)),

    addFeed: (input, now) => guard(`add feed ${input.url}`, input.url, () => insertFeed(db, dialect, input, now)),
    removeFeed: (url) => guard(`remove feed ${url}`, url, () => deleteFeed(db, url)),
    getFeed: (id) => guard(`read feed ${id}`, null, () => selectFeedById(db, id)),
    findFeedByUrl: (url) => guard(`read feed ${url}`, url, () => selectFeedByUrl(db, url)),
    listFeeds: () => guard('list feeds', null, () => selectFeedSummaries(db)),
    dueFeeds: (now, limit) => guard('list due feeds', null, () => selectDueFeeds(db, now, limit)),
    allFeeds: () => guard('list feeds', null, () => selectAllFeeds(db)),
    updateFeed: (id, patch) => guard(`update feed ${id}`, patch.url ?? null, () => updateFeedRow(db, dialect, id, patch)),
    recordFeedResults: (results) =>
      guard(`record ${results.length} feed results`, null, () => updateFeedRows(db, dialect, results)),
    getFeedMeta: (id) => guard(`read meta of feed ${id}`, null, () => selectFeedMeta(db, id)),
    setFeedMeta: (id, meta) => guard(`write meta of feed ${id}`, null, () => updateFeedMeta(db, id, meta)),

    entryHashes: (feedId, guids) => guard(`read entries of feed ${feedId}`, null, () => selectEntryHashes(db, feedId, guids)),
    upsertEntries: (feedId, entries, now) =>
      guard(`store entries of feed ${feedId}`, null, () => upsertFeedEntries(db, dialect, feedId, entries, now)),
    river: (query) => guard('read the river', null, () => selectRiverPage(db, dialect, query)),
    getEntry: (id) => guard(`read entry ${id}`, null, () => selectRiverItem(db, id)),
  };
}
