/**
 * @module store/feed-queries
 * The subscription queries, in portable SQL through Kysely: the same code serves SQLite and
 * PostgreSQL. Uniqueness is left to the database (insert, then map the violation) rather than
 * checked first, so two processes adding the same URL cannot both succeed.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { TributaryError, redactUrl } from '../model/index.js';
import type { Feed, FeedSummary } from '../model/index.js';
import { feedColumns, feedFromRow, feedPatchToRow } from './row-mappers.js';
import type { StoreDatabase } from './schema-types.js';
import type { StoreDialect } from './store-dialect.js';
import type { FeedPatch, FeedResult, NewFeedInput } from './store-types.js';

type Db = Kysely<StoreDatabase>;

function feedExistsError(url: string, cause?: unknown): TributaryError {
  return new TributaryError('FEED_EXISTS', `Already subscribed to ${redactUrl(url)}`, { url, cause });
}

function feedIdNotFoundError(id: number): TributaryError {
  return new TributaryError('FEED_NOT_FOUND', `No subscription with id ${id}`);
}

/** Inserts a new feed, due at once. */
export async function insertFeed(db: Db, dialect: StoreDialect, input: NewFeedInput, now: number): Promise<Feed> {
  try {
    const row = await db
      .insertInto('feeds')
      .values({
        url: input.url,
        title: input.title ?? null,
        site_url: input.siteUrl ?? null,
        etag: null,
        last_modified: null,
        last_status: 'new',
        http_status: null,
        error_code: null,
        error_message: null,
        last_attempt_at: null,
        last_success_at: null,
        consecutive_failures: 0,
        next_poll_at: now,
        disabled: 0,
        disabled_reason: null,
        meta: null,
        created_at: now,
      })
      .returning(feedColumns)
      .executeTakeFirstOrThrow();
    return feedFromRow(row);
  } catch (error) {
    if (dialect.isUniqueViolation(error)) throw feedExistsError(input.url, error);
    throw error;
  }
}

/** Deletes a feed by URL; its entries go with it (ON DELETE CASCADE). */
export async function deleteFeed(db: Db, url: string): Promise<void> {
  const result = await db.deleteFrom('feeds').where('url', '=', url).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    throw new TributaryError('FEED_NOT_FOUND', `No subscription with URL ${redactUrl(url)}`, { url });
  }
}

export async function selectFeedById(db: Db, id: number): Promise<Feed | null> {
  const row = await db.selectFrom('feeds').select(feedColumns).where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : feedFromRow(row);
}

export async function selectFeedByUrl(db: Db, url: string): Promise<Feed | null> {
  const row = await db.selectFrom('feeds').select(feedColumns).where('url', '=', url).executeTakeFirst();
  return row === undefined ? null : feedFromRow(row);
}

/** All feeds with their entry counts in one query; untitled feeds last on every engine. */
export async function selectFeedSummaries(db: Db): Promise<FeedSummary[]> {
  const rows = await db
    .selectFrom('feeds')
    .select(feedColumns)
    .select((eb) =>
      eb
        .selectFrom('entries')
        .select(eb.fn.countAll().as('n'))
        .whereRef('entries.feed_id', '=', 'feeds.id')
        .as('entry_count'),
    )
    .orderBy(sql`CASE WHEN title IS NULL THEN 1 ELSE 0 END`)
    .orderBy('title')
    .orderBy('url')
    .execute();
  return rows.map((row) => ({ ...feedFromRow(row), entryCount: Number(row.entry_count ?? 0) }));
}

/** Enabled feeds due at `now`, soonest first (served by the index on disabled, next_poll_at). */
export async function selectDueFeeds(db: Db, now: number, limit?: number): Promise<Feed[]> {
  let query = db
    .selectFrom('feeds')
    .select(feedColumns)
    .where('disabled', '=', 0)
    .where('next_poll_at', '<=', now)
    .orderBy('next_poll_at')
    .orderBy('id');
  if (limit !== undefined) query = query.limit(Math.max(0, Math.floor(limit)));
  const rows = await query.execute();
  return rows.map(feedFromRow);
}

export async function selectAllFeeds(db: Db): Promise<Feed[]> {
  const rows = await db.selectFrom('feeds').select(feedColumns).orderBy('id').execute();
  return rows.map(feedFromRow);
}

/** Applies a patch; returns false when there is no such feed. */
async function patchFeedRow(db: Db, dialect: StoreDialect, id: number, patch: FeedPatch): Promise<boolean> {
  const row = feedPatchToRow(patch);
  if (Object.keys(row).length === 0) {
    return (await db.selectFrom('feeds').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }
  try {
    const result = await db.updateTable('feeds').set(row).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  } catch (error) {
    if (dialect.isUniqueViolation(error) && patch.url !== undefined) throw feedExistsError(patch.url, error);
    throw error;
  }
}

/** Changes some fields of one feed. */
export async function updateFeedRow(db: Db, dialect: StoreDialect, id: number, patch: FeedPatch): Promise<void> {
  if (!(await patchFeedRow(db, dialect, id, patch))) throw feedIdNotFoundError(id);
}

/** Applies many patches in one transaction, skipping feeds that were removed meanwhile. */
export async function updateFeedRows(db: Db, dialect: StoreDialect, results: readonly FeedResult[]): Promise<void> {
  if (results.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const { id, patch } of results) await patchFeedRow(trx, dialect, id, patch);
  });
}

export async function selectFeedMeta(db: Db, id: number): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom('feeds').select('meta').where('id', '=', id).executeTakeFirst();
  if (row === undefined) return null;
  return row.meta == null ? {} : (JSON.parse(row.meta) as Record<string, unknown>);
}

export async function updateFeedMeta(db: Db, id: number, meta: Record<string, unknown>): Promise<void> {
  const result = await db.updateTable('feeds').set({ meta: JSON.stringify(meta) }).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw feedIdNotFoundError(id);
}
