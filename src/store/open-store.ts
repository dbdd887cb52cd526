/**
 * @module store/open-store
 * Picks the engine from the database URL's scheme. Only SQLite exists for now; PostgreSQL
 * (`postgres://`) will be one more branch behind the same Store interface.
 */
import { TributaryError, redactUrl } from '../model/index.js';
import { openSqliteStore } from './sqlite-engine.js';
import type { Store, StoreOptions } from './store-types.js';

/**
 * Opens the store a URL names — `sqlite:PATH` (relative to the working directory, or absolute;
 * `sqlite::memory:` for a throw-away database) — applying pending migrations.
 * Options: `readonly` (default false) opens without writing anything.
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite:')) return openSqliteStore(url, options);
  throw new TributaryError('STORE_FAILED', `unsupported database URL ${redactUrl(url)} (use sqlite:PATH)`, { url });
}
