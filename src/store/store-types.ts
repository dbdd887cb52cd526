/**
 * @module store/store-types
 * The store's contract: what every engine (SQLite now, PostgreSQL later) offers the other stages.
 * Kept apart from any engine so a stage can depend on the interface alone, and so one shared
 * test suite can run against every implementation.
 */
import type { EntryInput, Feed, FeedSummary, RiverItem, RiverPage } from '../model/index.js';

/** The database engines behind a store. */
export type StoreEngine = 'sqlite' | 'postgres';

/** The fields of a feed that may change after it was added. */
export type FeedPatch = Partial<Omit<Feed, 'id' | 'createdAt'>>;

/** One feed's outcome for {@link Store.recordFeedResults}. */
export interface FeedResult {
  id: number;
  patch: FeedPatch;
}

/** What {@link Store.upsertEntries} did with a batch. */
export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A page of the river: 1-based `page`, optionally one feed's entries, optionally a text search. */
export interface RiverQuery {
  page: number;
  pageSize: number;
  feedId?: number;
  /** Words a reader typed; every word must match (title, text, author), and a search without words matches nothing. Never a syntax error. */
  search?: string;
}

/** What a new subscription starts with. */
export interface NewFeedInput {
  url: string;
  title?: string | null;
  siteUrl?: string | null;
}

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** Open without writing: no migrations, no WAL switch; writes fail with STORE_FAILED. Default false. */
  readonly?: boolean;
}

/** Feeds and entries, kept in a database. Every method fails with a TributaryError. */
export interface Store {
  readonly engine: StoreEngine;
  /** Closes the database; further calls fail. Safe to call twice. */
  close(): Promise<void>;

  /** Subscribes to a URL: status 'new', due at `now`. Throws FEED_EXISTS when already there. */
  addFeed(input: NewFeedInput, now: number): Promise<Feed>;
  /** Unsubscribes and deletes the feed's entries. Throws FEED_NOT_FOUND. */
  removeFeed(url: string): Promise<void>;
  getFeed(id: number): Promise<Feed | null>;
  findFeedByUrl(url: string): Promise<Feed | null>;
  /** Every feed with its entry count, ordered by title (untitled last), then URL. */
  listFeeds(): Promise<FeedSummary[]>;
  /** Enabled feeds whose nextPollAt is at or before `now`, soonest first. */
  dueFeeds(now: number, limit?: number): Promise<Feed[]>;
  allFeeds(): Promise<Feed[]>;
  /** Changes some fields of a feed. Throws FEED_NOT_FOUND, or FEED_EXISTS when the new URL is taken. */
  updateFeed(id: number, patch: FeedPatch): Promise<void>;
  /** Applies many feeds' patches in one transaction (a polling cycle's outcomes); unknown ids are skipped. */
  recordFeedResults(results: readonly FeedResult[]): Promise<void>;
  /** The feed's free-form scheduler data (WebSub lease, hints); {} when unset, null when no such feed. */
  getFeedMeta(id: number): Promise<Record<string, unknown> | null>;
  /** Replaces the feed's free-form scheduler data. Throws FEED_NOT_FOUND. */
  setFeedMeta(id: number, meta: Record<string, unknown>): Promise<void>;

  /** The stored contentHash of each of these guids of the feed that is stored (one indexed lookup). */
  entryHashes(feedId: number, guids: readonly string[]): Promise<Map<string, string>>;
  /** Stores a feed's entries: new ones inserted, changed ones (by contentHash) rewritten in place. */
  upsertEntries(feedId: number, entries: readonly EntryInput[], now: number): Promise<UpsertResult>;
  /** One page of entries, newest first (sortAt, then id). */
  river(query: RiverQuery): Promise<RiverPage>;
  getEntry(id: number): Promise<RiverItem | null>;
}
