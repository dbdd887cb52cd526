/**
 * @module parse/parse-feed
 * The entry points: `parseFeed` for a whole document and `createFeedParser` for bytes that
 * arrive in pieces. Both decode (BOM, HTTP charset, XML declaration), reject binary data by its
 * magic number, route JSON to the JSON Feed adapter and everything else to the XML pipeline,
 * and let nothing but a TributaryError escape: anything unexpected becomes PARSE_MALFORMED.
 */
import type { FeedFormat, ParsedEntry, ParsedFeed } from '../model/feed.js';
import { TributaryError } from '../model/errors.js';
import { createDocumentDecoder, type DocumentDecoder } from './decode-document.js';
import { describeBinary, notAFeedError, sniffFormat } from './detect-format.js';
import { parseJsonFeed } from './json-feed.js';
import { createXmlFeedParser, type XmlFeedParser } from './xml-feed.js';

/** Options for one parse. */
export interface ParseOptions {
  /** The HTTP Content-Type header value, charset included (default: none). */
  contentType?: string | null;
  /** The document's URL, for relative links (default: none, relative links stay relative). */
  baseUrl?: string | null;
  /**
   * Takes each entry as it is parsed, in document order, instead of the result's `entries`
   * (which stays empty): a caller that keeps only part of each entry then holds a 100,000-entry
   * feed in a fraction of the memory. The entries are exactly those the result would hold.
   */
  onEntry?: (entry: ParsedEntry) => void;
}

/** A push parser: `write` chunks as they arrive, `end` for the result. */
export interface FeedParser {
  write(chunk: Uint8Array | string): void;
  end(): ParsedFeed;
}

function toTributaryError(error: unknown, url: string | null): TributaryError {
  if (error instanceof TributaryError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TributaryError('PARSE_MALFORMED', `${url ? `${url}: ` : ''}cannot read the feed: ${message}`, { url, cause: error });
}

/**
 * Creates a streaming feed parser. Options: `contentType` (HTTP header, for the charset;
 * default none) and `baseUrl` (the document URL; default none).
 */
export function createFeedParser(options: ParseOptions = {}): FeedParser {
  const baseUrl = options.baseUrl ?? null;
  let decoder: DocumentDecoder | null = null;
  let mode: 'start' | 'xml' | 'json' = 'start';
  let pendingText = '';
  const jsonParts: string[] = [];
  let xml: XmlFeedParser | null = null;
  let sawBytes = false;
  let done = false;

  const route = (text: string): void => {
    if (!text) return;
    if (mode === 'start') {
      pendingText += text;
      const first = /\S/.exec(pendingText.replace(/^\ufeff/, ''));
      if (!first) return;
      mode = first[0] === '{' || first[0] === '[' ? 'json' : 'xml';
      text = pendingText;
      pendingText = '';
      if (mode === 'xml') xml = createXmlFeedParser(baseUrl, options.onEntry);
    }
    if (mode === 'json') jsonParts.push(text);
    else (xml as XmlFeedParser).write(text, decoder === null || decoder.sawNonAscii);
  };

  const write = (chunk: Uint8Array | string): void => {
    if (done) throw new TributaryError('PARSE_MALFORMED', 'write after end', { url: baseUrl });
    if (typeof chunk === 'string') {
      route(chunk);
      return;
    }
    if (!sawBytes && chunk.length > 0) {
      sawBytes = true;
      const binary = describeBinary(chunk);
      if (binary) throw notAFeedError(binary, baseUrl);
    }
    decoder ??= createDocumentDecoder(options.contentType);
    route(decoder.write(chunk));
  };

  const end = (): ParsedFeed => {
    if (done) throw new TributaryError('PARSE_MALFORMED', 'end called twice', { url: baseUrl });
    if (decoder) route(decoder.end());
    done = true;
    const problems = decoder?.problem ? [decoder.problem] : [];
    const mediaType = options.contentType?.split(';')[0]?.trim().toLowerCase();
    if (mediaType && !/xml|json|rss|atom|rdf/.test(mediaType)) problems.push(`served as ${mediaType}, not a feed media type`);
    if (mode === 'json') {
      const feed = parseJsonFeed(jsonParts.join(''), baseUrl);
      if (problems.length) Object.assign(feed, { bozo: true, bozoMessage: problems[0] });
      if (options.onEntry) {
        for (const entry of feed.entries) options.onEntry(entry);
        feed.entries = [];
      }
      return feed;
    }
    if (mode === 'start') {
      throw notAFeedError('empty document', baseUrl);
    }
    return (xml as XmlFeedParser).end(problems);
  };

  return {
    write(chunk) {
      try {
        write(chunk);
      } catch (error) {
        done = true;
        throw toTributaryError(error, baseUrl);
      }
    },
    end() {
      try {
        return end();
      } catch (error) {
        done = true;
        throw toTributaryError(error, baseUrl);
      }
    },
  };
}

/**
 * Parses a whole feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1). Options:
 * `contentType` (HTTP header, for the charset; default none), `baseUrl` (default none).
 * Throws TributaryError PARSE_NOT_A_FEED (naming what the document is) or PARSE_MALFORMED.
 */
export function parseFeed(input: Uint8Array | string, options: ParseOptions = {}): ParsedFeed {
  const parser = createFeedParser(options);
  if (typeof input === 'string') parser.write(input);
  // Bytes are decoded in pieces, so the whole text never exists as one string (half the peak
  // memory of a 50 MB feed) and finished entries do not pin it.
  else for (let i = 0; i < input.length; i += WHOLE_CHUNK) parser.write(input.subarray(i, i + WHOLE_CHUNK));
  return parser.end();
}

const WHOLE_CHUNK = 1 << 16;

/** Sniffs the format of a document from its start, without parsing it. */
export function detectFeedFormat(input: Uint8Array | string): FeedFormat {
  try {
    if (typeof input === 'string') return sniffFormat(input);
    if (describeBinary(input)) return 'unknown';
    const decoder = createDocumentDecoder(null);
    const head = input.subarray(0, 65536);
    return sniffFormat(decoder.write(head) + (head.length === input.length ? decoder.end() : ''));
  } catch {
    return 'unknown';
  }
}
