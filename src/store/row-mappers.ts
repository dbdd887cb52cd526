/**
 * @module store/row-mappers
 * Conversions between database rows (snake_case, 0/1 booleans, JSON text) and the model's
 * objects. Numbers go through `Number()` because PostgreSQL drivers return BIGINT as strings.
 */
import type { Enclosure, Entry, EntryInput, Feed, FeedStatus, RiverItem, Thumbnail } from '../model/index.js';
import type { EntriesTable, FeedsTable } from './schema-types.js';
import type { FeedPatch } from './store-types.js';

type Row<T> = { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] };
export type FeedRow = Row<FeedsTable>;
export type EntryRow = Row<EntriesTable>;
export type RiverRow = EntryRow & { feed_title: string | null; feed_url: string; feed_site_url: string | null };
type FeedColumns = Omit<FeedRow, 'id' | 'created_at' | 'meta'>;

/** The feed columns every query selects (all but `meta`). */
export const feedColumns = [
  'id', 'url', 'title', 'site_url', 'etag', 'last_modified', 'last_status', 'http_status', 'error_code',
  'error_message', 'last_attempt_at', 'last_success_at', 'consecutive_failures', 'next_poll_at', 'disabled',
  'disabled_reason', 'created_at',
] as const satisfies readonly (keyof FeedRow)[];

function numberOrNull(value: number | string | null): number | null {
  return value == null ? null : Number(value);
}

/** A feeds row as a Feed. */
export function feedFromRow(row: Omit<FeedRow, 'meta'>): Feed {
  return {
    id: Number(row.id),
    url: row.url,
    title: row.title,
    siteUrl: row.site_url,
    etag: row.etag,
    lastModified: row.last_modified,
    lastStatus: row.last_status as FeedStatus,
    httpStatus: numberOrNull(row.http_status),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    lastAttemptAt: numberOrNull(row.last_attempt_at),
    lastSuccessAt: numberOrNull(row.last_success_at),
    consecutiveFailures: Number(row.consecutive_failures),
    nextPollAt: Number(row.next_poll_at),
    disabled: Number(row.disabled) !== 0,
    disabledReason: row.disabled_reason,
    createdAt: Number(row.created_at),
  };
}

const feedPatchColumns: { [K in keyof Required<FeedPatch>]: keyof FeedColumns } = {
  url: 'url',
  title: 'title',
  siteUrl: 'site_url',
  etag: 'etag',
  lastModified: 'last_modified',
  lastStatus: 'last_status',
  httpStatus: 'http_status',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  consecutiveFailures: 'consecutive_failures',
  nextPollAt: 'next_poll_at',
  disabled: 'disabled',
  disabledReason: 'disabled_reason',
};

/** The columns a patch sets; keys that are absent or undefined are left out. */
export function feedPatchToRow(patch: FeedPatch): Partial<FeedColumns> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(feedPatchColumns) as [keyof FeedPatch, keyof FeedColumns][]) {
    const value = patch[key];
    if (value === undefined) continue;
    row[column] = key === 'disabled' ? (value ? 1 : 0) : value;
  }
  return row as Partial<FeedColumns>;
}

/** The entry columns written from an EntryInput (all but id, feed_id, first_seen_at). */
export function entryInputToRow(entry: EntryInput, sortAt: number): Omit<EntryRow, 'id' | 'feed_id' | 'first_seen_at'> {
  return {
    guid: entry.guid,
    link: entry.link,
    title: entry.title,
    author: entry.author,
    published: entry.published,
    updated: entry.updated,
    content: entry.content,
    summary: entry.summary,
    categories: JSON.stringify(entry.categories),
    enclosures: JSON.stringify(entry.enclosures),
    thumbnail: entry.thumbnail == null ? null : JSON.stringify(entry.thumbnail),
    media_description: entry.mediaDescription,
    duration_seconds: entry.durationSeconds,
    content_hash: entry.contentHash,
    sort_at: sortAt,
  };
}

/** An entries row as an Entry. */
export function entryFromRow(row: EntryRow): Entry {
  return {
    id: Number(row.id),
    feedId: Number(row.feed_id),
    guid: row.guid,
    link: row.link,
    title: row.title,
    author: row.author,
    published: numberOrNull(row.published),
    updated: numberOrNull(row.updated),
    content: row.content,
    summary: row.summary,
    categories: JSON.parse(row.categories) as string[],
    enclosures: JSON.parse(row.enclosures) as Enclosure[],
    thumbnail: row.thumbnail == null ? null : (JSON.parse(row.thumbnail) as Thumbnail),
    mediaDescription: row.media_description,
    durationSeconds: numberOrNull(row.duration_seconds),
    contentHash: row.content_hash,
    firstSeenAt: Number(row.first_seen_at),
    sortAt: Number(row.sort_at),
  };
}

/** An entries row joined with its feed as a RiverItem. */
export function riverItemFromRow(row: RiverRow): RiverItem {
  return { ...entryFromRow(row), feedTitle: row.feed_title, feedUrl: row.feed_url, feedSiteUrl: row.feed_site_url };
}
