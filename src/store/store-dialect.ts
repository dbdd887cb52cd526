/**
 * @module store/store-dialect
 * The few things that differ between database engines, behind one narrow interface: the
 * auto-numbered key, the full-text index, and how constraint violations are recognised. All
 * other queries are written once, in portable SQL, in feed-queries.ts and entry-queries.ts.
 */
import type { CreateTableBuilder, Expression, Kysely, SqlBool } from 'kysely';
import type { StoreDatabase } from './schema-types.js';
import type { StoreEngine } from './store-types.js';

/** The searchable text of one entry, tags already stripped. */
export interface SearchDocument {
  id: number;
  title: string;
  body: string;
  author: string;
}

/**
 * How the full-text index is laid out: `positions` as migration 0002 created it (token positions
 * kept), `words` since migration 0004 (which words each entry holds, nothing more).
 */
export type SearchIndexLayout = 'positions' | 'words';

export interface StoreDialect {
  readonly engine: StoreEngine;
  /** Adds the auto-numbered primary key `id` to a table being created. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Creates the full-text index of entries in the given layout (a migration step). */
  createSearchIndex(db: Kysely<unknown>, layout: SearchIndexLayout): Promise<void>;
  /** Drops the full-text index (a migration step, before creating it anew). */
  dropSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Sets how the full-text index merges its segments while it is written (a migration step). */
  tuneSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Indexes these entries' text, replacing what was indexed for the same ids. */
  indexEntryText(db: Kysely<StoreDatabase>, docs: readonly SearchDocument[], replace: boolean): Promise<void>;
  /** A condition on `entries.id` true for entries containing every term. */
  matchEntries(terms: readonly string[]): Expression<SqlBool>;
  /** True when a driver error is a UNIQUE violation. */
  isUniqueViolation(error: unknown): boolean;
  /** True when a driver error is a FOREIGN KEY violation. */
  isForeignKeyViolation(error: unknown): boolean;
}
