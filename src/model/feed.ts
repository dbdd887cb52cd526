/**
 * @module model/feed
 * The shapes that travel between stages: what the parser finds in a document (`ParsedFeed`,
 * `ParsedEntry`), what the store keeps (`Feed`, `Entry`) and what the publisher shows (`RiverItem`).
 * Plain data only, so every stage can be tested without the others.
 */

/** Document formats the parser recognises; the names are the `tributary parse --json` contract's. */
export type FeedFormat = 'rss2' | 'rss1' | 'rss09' | 'atom10' | 'atom03' | 'json1' | 'unknown';

/** A file attached to an entry: podcast audio, video, an image. */
export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

/** A picture that stands for an entry (media:thumbnail, a YouTube still, itunes:image). */
export interface Thumbnail {
  url: string;
  width: number | null;
  height: number | null;
}

/**
 * One entry as the parser found it. Text fields are plain text (entities decoded, tags stripped,
 * whitespace collapsed); `content` and `summary` are HTML exactly as the source meant it (a
 * text/plain body is escaped into HTML by the parser), not yet sanitized; URLs are absolute
 * when the document or its base URL allowed resolving them.
 */
export interface ParsedEntry {
  id: string | null;
  link: string | null;
  title: string | null;
  author: string | null;
  published: Date | null;
  updated: Date | null;
  content: string | null;
  summary: string | null;
  /** The base URL relative links inside content/summary resolve against (xml:base or the link). */
  baseUrl: string | null;
  categories: string[];
  enclosures: Enclosure[];
  thumbnail: Thumbnail | null;
  /** media:description or similar, plain text; shown for media items that have no body. */
  mediaDescription: string | null;
  /** Duration in seconds (itunes:duration, media:content@duration, yt). */
  durationSeconds: number | null;
}

/** Hints a feed gives about how often to poll it (RSS ttl, sy:, skipHours/skipDays). */
export interface PollHints {
  ttlMinutes: number | null;
  updatePeriod: 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly' | null;
  updateFrequency: number | null;
  skipHours: number[];
  skipDays: string[];
}

/** A whole parsed document. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  iconUrl: string | null;
  /** rel="self" of the document, if any. */
  selfUrl: string | null;
  /** WebSub hubs (atom:link rel="hub"). */
  hubs: string[];
  pollHints: PollHints;
  /** True when the document was not well-formed or lied about its encoding and was recovered. */
  bozo: boolean;
  bozoMessage: string | null;
  entries: ParsedEntry[];
}

/** A subscription as the store keeps it. Times are epoch milliseconds. */
export interface Feed {
  id: number;
  url: string;
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  /** 'new' (never fetched), 'ok', 'not-modified' or 'error'. */
  lastStatus: FeedStatus;
  httpStatus: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  consecutiveFailures: number;
  nextPollAt: number;
  disabled: boolean;
  disabledReason: string | null;
  createdAt: number;
}

export type FeedStatus = 'new' | 'ok' | 'not-modified' | 'error';

/** A feed with the number of entries stored for it, for listings. */
export interface FeedSummary extends Feed {
  entryCount: number;
}

/** An entry ready to store: cleaned HTML, identity decided. */
export interface EntryInput {
  /** Stable identity within its feed: the guid, or a fallback derived from link/title/date. */
  guid: string;
  link: string | null;
  title: string | null;
  author: string | null;
  /** Epoch ms, or null when the source gave no date. */
  published: number | null;
  updated: number | null;
  /** Sanitized HTML. */
  content: string | null;
  /** Sanitized HTML. */
  summary: string | null;
  categories: string[];
  enclosures: Enclosure[];
  thumbnail: Thumbnail | null;
  mediaDescription: string | null;
  durationSeconds: number | null;
  /** Hash of the fields a reader sees; an entry is rewritten only when it changes. */
  contentHash: string;
}

/** A stored entry. */
export interface Entry extends EntryInput {
  id: number;
  feedId: number;
  /** When tributary first stored it (epoch ms). */
  firstSeenAt: number;
  /** The date the river sorts by: published, unless missing or in the future, then firstSeenAt. */
  sortAt: number;
}

/** One item of the river: an entry and the source it came from. */
export interface RiverItem extends Entry {
  feedTitle: string | null;
  feedUrl: string;
  feedSiteUrl: string | null;
}

/** One page of the river. `page` is 1-based. */
export interface RiverPage {
  page: number;
  pages: number;
  total: number;
  items: RiverItem[];
}
