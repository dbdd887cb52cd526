/**
 * @module store/migrations
 * The schema as an ordered list of migrations, applied by Kysely's Migrator when a store opens
 * (names sort in order; a migration, once released, never changes — add a new one instead).
 * Tables are declared with Kysely's schema builder so the same steps create them on SQLite and
 * PostgreSQL; what differs (the id column, the full-text index) comes from the dialect.
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { TributaryError } from '../model/index.js';
import type { StoreDatabase } from './schema-types.js';
import { createSearchDocument } from './search-text.js';
import type { StoreDialect } from './store-dialect.js';

const migrationTableName = 'store_migration';
const migrationLockTableName = 'store_migration_lock';

async function createFeedsAndEntries(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('feeds'))
    .addColumn('url', 'text', (column) => column.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('site_url', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_status', 'text', (column) => column.notNull().defaultTo('new'))
    .addColumn('http_status', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_success_at', 'bigint')
    .addColumn('consecutive_failures', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_poll_at', 'bigint', (column) => column.notNull())
    .addColumn('disabled', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('disabled_reason', 'text')
    .addColumn('meta', 'text')
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('feeds_due').on('feeds').columns(['disabled', 'next_poll_at']).execute();

  await dialect
    .addIdColumn(db.schema.createTable('entries'))
    .addColumn('feed_id', 'integer', (column) => column.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('guid', 'text', (column) => column.notNull())
    .addColumn('link', 'text')
    .addColumn('title', 'text')
    .addColumn('author', 'text')
    .addColumn('published', 'bigint')
    .addColumn('updated', 'bigint')
    .addColumn('content', 'text')
    .addColumn('summary', 'text')
    .addColumn('categories', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('enclosures', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('thumbnail', 'text')
    .addColumn('media_description', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('content_hash', 'text', (column) => column.notNull())
    .addColumn('first_seen_at', 'bigint', (column) => column.notNull())
    .addColumn('sort_at', 'bigint', (column) => column.notNull())
    .addUniqueConstraint('entries_feed_guid', ['feed_id', 'guid'])
    .execute();
  await db.schema.createIndex('entries_river').on('entries').columns(['sort_at desc', 'id desc']).execute();
  await db.schema
    .createIndex('entries_feed_river')
    .on('entries')
    .columns(['feed_id', 'sort_at desc', 'id desc'])
    .execute();
}

/** Rows of entries indexed per step when the search index is rebuilt. */
const REINDEX_CHUNK = 500;

/** Creates the search index anew in the `words` layout (with migration 0003's tuning) and indexes every entry again. */
async function rebuildSearchIndex(anyDb: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await dialect.dropSearchIndex(anyDb);
  await dialect.createSearchIndex(anyDb, 'words');
  await dialect.tuneSearchIndex(anyDb);
  const db = anyDb as Kysely<StoreDatabase>;
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('entries')
      .select(['id', 'title', 'author', 'content', 'summary', 'media_description'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(REINDEX_CHUNK)
      .execute();
    if (rows.length === 0) return;
    const docs = rows.map((row) =>
      createSearchDocument(Number(row.id), { title: row.title, author: row.author, content: row.content, summary: row.summary, mediaDescription: row.media_description }),
    );
    await dialect.indexEntryText(db, docs, false);
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** Every migration of the store, by name. */
export function listMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-feeds-and-entries': { up: (db) => createFeedsAndEntries(db, dialect) },
    '0002-entry-search': { up: (db) => dialect.createSearchIndex(db, 'positions') },
    '0003-entry-search-merging': { up: (db) => dialect.tuneSearchIndex(db) },
    '0004-entry-search-without-positions': { up: (db) => rebuildSearchIndex(db, dialect) },
  };
}

function createMigrator(db: Kysely<StoreDatabase>, dialect: StoreDialect): Migrator {
  const migrations = listMigrations(dialect);
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName,
    migrationLockTableName,
  });
}

/** Applies the migrations the database has not seen yet. */
export async function migrateStore(db: Kysely<StoreDatabase>, dialect: StoreDialect): Promise<void> {
  const { error } = await createMigrator(db, dialect).migrateToLatest();
  if (error !== undefined) throw error;
}

/** Fails when the database lacks a migration (a read-only store cannot apply it). */
export async function assertStoreMigrated(db: Kysely<StoreDatabase>, dialect: StoreDialect, label: string): Promise<void> {
  const pending = (await createMigrator(db, dialect).getMigrations()).filter((m) => m.executedAt === undefined);
  if (pending.length > 0) {
    throw new TributaryError(
      'STORE_FAILED',
      `Database ${label} is not up to date (missing ${pending[0]?.name}); open it once read-write`,
    );
  }
}
