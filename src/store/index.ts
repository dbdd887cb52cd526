/**
 * @module store
 * Feeds and entries in a database (SQLite now, PostgreSQL later) behind one Store interface.
 */
export { openStore } from './open-store.js';
export { openThreadStore } from './thread-store.js';
export { sortTimeOf } from './sort-time.js';
export type {
  FeedPatch,
  FeedResult,
  NewFeedInput,
  RiverQuery,
  Store,
  StoreEngine,
  StoreOptions,
  UpsertResult,
} from './store-types.js';
