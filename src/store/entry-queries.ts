/**
 * @module store/entry-queries
 * Storing a feed's entries and reading the river, in portable SQL through Kysely.
 *
 * An upsert is one transaction whose cost depends on the batch, not on the database: one
 * indexed lookup of the batch's guids (IN lists of at most {@link LOOKUP_CHUNK}), multi-row
 * inserts for new entries, one UPDATE per entry whose contentHash changed, and the matching
 * full-text index rows. New entries are inserted in reverse document order: a feed lists its
 * newest entry first, and entries sharing a sort time are shown by descending id, so the
 * document's first entry must get the highest id.
 *
 * Guids are compared as the database gives them back: a lone surrogate is stored as U+FFFD
 * (well-formed-text.ts), so a guid holding one is looked up and deduplicated in that form.
 */
import type { Kysely } from 'kysely';
import { TributaryError } from '../model/index.js';
import type { EntryInput, RiverItem, RiverPage } from '../model/index.js';
import { entryInputToRow, riverItemFromRow } from './row-mappers.js';
import type { StoreDatabase } from './schema-types.js';
import { createSearchDocument, parseSearchTerms } from './search-text.js';
import { sortTimeOf } from './sort-time.js';
import type { SearchDocument, StoreDialect } from './store-dialect.js';
import type { RiverQuery, UpsertResult } from './store-types.js';
import { isIllFormedText, toWellFormedText } from './well-formed-text.js';

type Db = Kysely<StoreDatabase>;

/** Guids per lookup query. */
export const LOOKUP_CHUNK = 500;
/** Rows per multi-row INSERT (18 parameters each, far below every engine's limit). */
const INSERT_CHUNK = 50;

interface StoredEntryKey {
  id: number;
  contentHash: string;
  firstSeenAt: number;
}

function uniqueByGuid(entries: readonly EntryInput[]): EntryInput[] {
  const seen = new Set<string>();
  return entries
    .map((entry) => (isIllFormedText(entry.guid) ? { ...entry, guid: toWellFormedText(entry.guid) } : entry))
    .filter((entry) => !seen.has(entry.guid) && seen.add(entry.guid) !== undefined);
}

async function selectStoredKeys(db: Db, feedId: number, guids: readonly string[]): Promise<Map<string, StoredEntryKey>> {
  const stored = new Map<string, StoredEntryKey>();
  for (let start = 0; start < guids.length; start += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('entries')
      .select(['id', 'guid', 'content_hash', 'first_seen_at'])
      .where('feed_id', '=', feedId)
      .where('guid', 'in', guids.slice(start, start + LOOKUP_CHUNK))
      .execute();
    for (const row of rows) {
      stored.set(row.guid, { id: Number(row.id), contentHash: row.content_hash, firstSeenAt: Number(row.first_seen_at) });
    }
  }
  return stored;
}

async function insertEntries(db: Db, feedId: number, entries: readonly EntryInput[], now: number): Promise<SearchDocument[]> {
  const docs: SearchDocument[] = [];
  for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
    const chunk = entries.slice(start, start + INSERT_CHUNK);
    const rows = await db
      .insertInto('entries')
      .values(chunk.map((entry) => ({
        ...entryInputToRow(entry, sortTimeOf(entry.published, now)),
        feed_id: feedId,
        first_seen_at: now,
      })))
      .returning(['id', 'guid'])
      .execute();
    const idOf = new Map(rows.map((row) => [row.guid, Number(row.id)]));
    for (const entry of chunk) docs.push(createSearchDocument(idOf.get(entry.guid) ?? 0, entry));
  }
  return docs;
}

/** guid → contentHash of the given guids of a feed that are stored. */
export async function selectEntryHashes(db: Db, feedId: number, guids: readonly string[]): Promise<Map<string, string>> {
  const stored = await selectStoredKeys(db, feedId, guids);
  const hashes = new Map<string, string>();
  for (const guid of guids) {
    const key = stored.get(toWellFormedText(guid));
    if (key !== undefined) hashes.set(guid, key.contentHash);
  }
  return hashes;
}

/** Stores a feed's entries in one transaction; see the module comment. */
export async function upsertFeedEntries(
  db: Db,
  dialect: StoreDialect,
  feedId: number,
  entries: readonly EntryInput[],
  now: number,
): Promise<UpsertResult> {
  const batch = uniqueByGuid(entries);
  if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  try {
    return await db.transaction().execute(async (trx) => {
      const stored = await selectStoredKeys(trx, feedId, batch.map((entry) => entry.guid));
      const fresh: EntryInput[] = [];
      const changedDocs: SearchDocument[] = [];
      let unchanged = 0;
      for (const entry of batch) {
        const existing = stored.get(entry.guid);
        if (existing === undefined) {
          fresh.push(entry);
        } else if (existing.contentHash === entry.contentHash) {
          unchanged += 1;
        } else {
          await trx
            .updateTable('entries')
            .set(entryInputToRow(entry, sortTimeOf(entry.published, existing.firstSeenAt)))
            .where('id', '=', existing.id)
            .execute();
          changedDocs.push(createSearchDocument(existing.id, entry));
        }
      }
      const freshDocs = await insertEntries(trx, feedId, fresh.reverse(), now);
      await dialect.indexEntryText(trx, freshDocs, false);
      await dialect.indexEntryText(trx, changedDocs, true);
      return { inserted: fresh.length, updated: changedDocs.length, unchanged };
    });
  } catch (error) {
    if (dialect.isForeignKeyViolation(error)) {
      throw new TributaryError('FEED_NOT_FOUND', `No subscription with id ${feedId}`, { cause: error });
    }
    throw error;
  }
}

function selectRiverRows(db: Db) {
  return db
    .selectFrom('entries')
    .innerJoin('feeds', 'feeds.id', 'entries.feed_id')
    .selectAll('entries')
    .select(['feeds.title as feed_title', 'feeds.url as feed_url', 'feeds.site_url as feed_site_url']);
}

/** One page of the river (newest first), with the total for the page count. */
export async function selectRiverPage(db: Db, dialect: StoreDialect, query: RiverQuery): Promise<RiverPage> {
  const page = Math.max(1, Math.floor(query.page) || 1);
  const pageSize = Math.max(1, Math.floor(query.pageSize) || 1);
  const terms = parseSearchTerms(query.search);
  // A search of only symbols or emoji has no word to match; without this it would match everything.
  if (query.search !== undefined && terms.length === 0) return { page, pages: 1, total: 0, items: [] };
  let filtered = db.selectFrom('entries');
  if (query.feedId !== undefined) filtered = filtered.where('entries.feed_id', '=', query.feedId);
  if (terms.length > 0) filtered = filtered.where(dialect.matchEntries(terms));

  const counted = await filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  let items = selectRiverRows(db);
  if (query.feedId !== undefined) items = items.where('entries.feed_id', '=', query.feedId);
  if (terms.length > 0) items = items.where(dialect.matchEntries(terms));
  const rows = await items
    .orderBy('entries.sort_at', 'desc')
    .orderBy('entries.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { page, pages: Math.max(1, Math.ceil(total / pageSize)), total, items: rows.map(riverItemFromRow) };
}

export async function selectRiverItem(db: Db, id: number): Promise<RiverItem | null> {
  const row = await selectRiverRows(db).where('entries.id', '=', id).executeTakeFirst();
  return row === undefined ? null : riverItemFromRow(row);
}
