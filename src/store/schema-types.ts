/**
 * @module store/schema-types
 * The tables as Kysely sees them (snake_case columns). Times are epoch-millisecond integers
 * (BIGINT) and booleans are 0/1 integers so the same queries run on SQLite and PostgreSQL;
 * JSON values are stored as text for the same reason.
 */
import type { Generated } from 'kysely';

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  site_url: string | null;
  etag: string | null;
  last_modified: string | null;
  last_status: string;
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
  last_attempt_at: number | null;
  last_success_at: number | null;
  consecutive_failures: number;
  next_poll_at: number;
  disabled: number;
  disabled_reason: string | null;
  /** JSON object of scheduler data (WebSub lease, hints); not part of `Feed`. */
  meta: string | null;
  created_at: number;
}

export interface EntriesTable {
  id: Generated<number>;
  feed_id: number;
  guid: string;
  link: string | null;
  title: string | null;
  author: string | null;
  published: number | null;
  updated: number | null;
  content: string | null;
  summary: string | null;
  /** JSON array of strings. */
  categories: string;
  /** JSON array of enclosures. */
  enclosures: string;
  /** JSON thumbnail or null. */
  thumbnail: string | null;
  media_description: string | null;
  duration_seconds: number | null;
  content_hash: string;
  first_seen_at: number;
  sort_at: number;
}

export interface StoreDatabase {
  feeds: FeedsTable;
  entries: EntriesTable;
}
