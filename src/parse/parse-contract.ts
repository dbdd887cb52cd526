/**
 * @module parse/parse-contract
 * The `tributary parse --json` contract: a ParsedFeed flattened to the fields the agreement
 * check compares (tools/parse_agreement.py) — plain-text titles and authors, UTC dates, and the
 * entry body as at most 300 characters of collapsed plain text.
 */
import type { FeedFormat, ParsedEntry, ParsedFeed } from '../model/feed.js';
import { isTributaryError } from '../model/errors.js';
import { formatUtcDate } from './feed-dates.js';
import { cleanText, htmlToPlainTextPrefix, truncateText } from './plain-text.js';

const TEXT_MAX = 300;

export type ParseContract = {
  ok: true;
  format: FeedFormat;
  title: string | null;
  link: string | null;
  entries: Array<{
    id: string | null;
    title: string | null;
    link: string | null;
    published: string | null;
    updated: string | null;
    author: string | null;
    text: string | null;
  }>;
};

function entryText(entry: ParsedEntry): string | null {
  const body = entry.content ?? entry.summary;
  const text = body !== null ? htmlToPlainTextPrefix(body, TEXT_MAX) : truncateText(cleanText(entry.mediaDescription ?? ''), TEXT_MAX);
  return text || null;
}

/** The contract object for a parsed feed. */
export function toParseContract(feed: ParsedFeed): ParseContract {
  return {
    ok: true,
    format: feed.format,
    title: feed.title,
    link: feed.link,
    entries: feed.entries.map((entry) => ({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      published: formatUtcDate(entry.published ?? entry.updated),
      updated: formatUtcDate(entry.updated),
      author: entry.author,
      text: entryText(entry),
    })),
  };
}

/** The contract object for a document that could not be parsed. */
export function parseErrorContract(error: unknown): { ok: false; error: string } {
  if (isTributaryError(error)) return { ok: false, error: `${error.code}: ${error.message}` };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
