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

function contractEntry(entry: ParsedEntry): ParseContract['entries'][number] {
  return {
    id: entry.id,
    title: entry.title,
    link: entry.link,
    published: formatUtcDate(entry.published ?? entry.updated),
    updated: formatUtcDate(entry.updated),
    author: entry.author,
    text: entryText(entry),
  };
}

function contractHead(feed: ParsedFeed): Omit<ParseContract, 'entries'> {
  return { ok: true, format: feed.format, title: feed.title, link: feed.link };
}

/** The contract object for a parsed feed. */
export function toParseContract(feed: ParsedFeed): ParseContract {
  return { ...contractHead(feed), entries: feed.entries.map(contractEntry) };
}

/** The contract as JSON text, built entry by entry while the document is parsed. */
export interface ParseContractJson {
  /** Give to the parser as `onEntry`: keeps the entry's contract JSON, not the entry. */
  add(entry: ParsedEntry): void;
  /**
   * The whole contract as UTF-8 JSON in pieces of ~64 KB, `extra` keys last (the batch mode's
   * `file`); `feed` is the parse result (its feed-level fields). Each piece is let go once yielded.
   */
  pieces(feed: ParsedFeed, extra?: Record<string, string>): Generator<Uint8Array>;
}

/**
 * A contract built as the parser goes: only each entry's JSON is kept (at most 300 characters of
 * text instead of the whole body), as UTF-8 in ~64 KB buffers — a JavaScript string holding one
 * character beyond Latin-1 takes two bytes a character — so `tributary parse` on a
 * 100,000-entry feed never holds the parsed entries, 100,000 small strings or one giant JSON
 * string.
 */
export function createParseContractJson(): ParseContractJson {
  let joined: Array<Uint8Array | undefined> = [];
  let batch: string[] = [];
  let batchChars = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    joined.push(Buffer.from((joined.length > 0 ? ',' : '') + batch.join(',')));
    batch = [];
    batchChars = 0;
  };
  const add = (entry: ParsedEntry): void => {
    const json = JSON.stringify(contractEntry(entry));
    batch.push(json);
    batchChars += json.length;
    if (batchChars >= 1 << 16) flush();
  };
  return {
    add,
    *pieces(feed, extra = {}) {
      yield Buffer.from(`${JSON.stringify(contractHead(feed)).slice(0, -1)},"entries":[`);
      for (const entry of feed.entries) add(entry);
      flush();
      for (let i = 0; i < joined.length; i++) {
        yield joined[i] as Uint8Array;
        joined[i] = undefined;
      }
      joined = [];
      const tail = JSON.stringify(extra).slice(1);
      yield Buffer.from(tail === '}' ? ']}' : `],${tail}`);
    },
  };
}

/** The contract object for a document that could not be parsed. */
export function parseErrorContract(error: unknown): { ok: false; error: string } {
  if (isTributaryError(error)) return { ok: false, error: `${error.code}: ${error.message}` };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
