/**
 * @module parse/xml-feed
 * The XML side of the parser: tokenizer → tree builder → format adapters. Entries are adapted
 * the moment they close and their element tree is dropped, so a parse holds the text still to
 * tokenize, one entry's tree and the finished entries — nothing else grows with the document.
 */
import type { FeedFormat, ParsedEntry, ParsedFeed } from '../model/feed.js';
import { adaptAtomEntry, readAlternateLink, readAtomAuthor } from './atom-adapter.js';
import { describeNonFeed, formatOfRoot, notAFeedError } from './detect-format.js';
import { readAtomMetadata, readRssMetadata, type FeedMetadata } from './feed-metadata.js';
import { adaptRssItem, readLink } from './rss-adapter.js';
import { childNamed, detachString, type XmlElement } from './xml-element.js';
import { XmlTokenizer } from './xml-tokenizer.js';
import { XmlTreeBuilder } from './xml-tree-builder.js';

const DETACH_AFTER = 1 << 20;

/** The entry with its strings copied out of the document chunks (see `detachString`). */
function detachEntry(entry: ParsedEntry): ParsedEntry {
  entry.id = detachString(entry.id);
  entry.link = detachString(entry.link);
  entry.title = detachString(entry.title);
  entry.author = detachString(entry.author);
  entry.baseUrl = entry.baseUrl === entry.link ? entry.link : detachString(entry.baseUrl);
  entry.summary = detachString(entry.summary);
  entry.content = detachString(entry.content);
  entry.mediaDescription = detachString(entry.mediaDescription);
  entry.categories = entry.categories.map(detachString);
  for (const enclosure of entry.enclosures) enclosure.url = detachString(enclosure.url);
  if (entry.thumbnail) entry.thumbnail.url = detachString(entry.thumbnail.url);
  return entry;
}

const FEED_ELEMENTS = new Set(['atom:feed', 'rss', 'channel', 'rdf:rdf']);

/** The first feed element inside `el`, a few levels down at most. */
function findNestedFeed(el: XmlElement, depth: number): XmlElement | null {
  if (depth > 0 && FEED_ELEMENTS.has(el.name)) return el;
  if (depth >= 4) return null;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const found = findNestedFeed(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Push parser for one XML document. */
export interface XmlFeedParser {
  /** `maybeNonAscii` false promises the text so far is pure ASCII (skips encoding repairs). */
  write(text: string, maybeNonAscii?: boolean): void;
  end(extraProblems: string[]): ParsedFeed;
}

/**
 * Creates the XML pipeline; `baseUrl` is where relative URLs resolve when xml:base says nothing.
 * With `onEntry`, entries go to the caller as they close instead of into the result. An Atom
 * entry without author inherits the feed's (RFC 4287 §4.2.1), which the document may give only
 * later: from the first such entry on, entries wait in order until a feed author turns up or the
 * document ends, so the caller sees exactly what the result would have held.
 */
export function createXmlFeedParser(baseUrl: string | null, onEntry?: (entry: ParsedEntry) => void): XmlFeedParser {
  const entries: ParsedEntry[] = [];
  const atomEntries = new Set<ParsedEntry>();
  const held: ParsedEntry[] = [];
  let feedLink: string | null | undefined;
  let head = '';
  // Entries of a small document may keep slices of its text; past 1 MB they get copies, so a
  // long document's text is not pinned by the entries already parsed.
  let written = 0;
  const flushHeld = (feedAuthor: string | null): void => {
    for (const entry of held) {
      if (atomEntries.delete(entry)) entry.author ??= feedAuthor;
      (onEntry as (entry: ParsedEntry) => void)(entry);
    }
    held.length = 0;
  };
  let delivered = 0;
  const deliver = (entry: ParsedEntry, inheritsFeedAuthor: boolean): void => {
    delivered++;
    if (inheritsFeedAuthor && entry.author === null) atomEntries.add(entry);
    if (!onEntry) {
      entries.push(entry);
      return;
    }
    if (held.length === 0 && !atomEntries.has(entry)) {
      onEntry(entry);
      return;
    }
    held.push(entry);
    const root = builder.topLevel[builder.topLevel.length - 1];
    const feedAuthor = root?.name === 'atom:feed' ? readAtomAuthor(root) : null;
    if (feedAuthor) flushHeld(feedAuthor);
  };
  const builder = new XmlTreeBuilder(baseUrl, (el: XmlElement) => {
    if (feedLink == null) feedLink = currentFeedLink();
    const atom = el.name === 'atom:entry';
    const entry = atom ? adaptAtomEntry(el, feedLink ?? null) : adaptRssItem(el, feedLink ?? null);
    // An entry with atom:source was copied from another feed (RFC 4287 §4.2.11): the author of
    // the feed it was copied into — a planet's maintainers — did not write it.
    const inherits = atom && childNamed(el, 'atom:source') === null;
    deliver(written > DETACH_AFTER ? detachEntry(entry) : entry, inherits);
  });
  const tokenizer = new XmlTokenizer(builder);

  function currentFeedLink(): string | null {
    const root = builder.topLevel[builder.topLevel.length - 1];
    if (!root) return null;
    if (root.name === 'atom:feed') return readAlternateLink(root);
    const channel = root.name === 'channel' ? root : childNamed(root, 'channel');
    return channel ? readLink(childNamed(channel, 'link')) : null;
  }

  return {
    write(text: string, maybeNonAscii = true): void {
      builder.repairNeeded = maybeNonAscii;
      if (head.length < 256) {
        head += text.slice(0, 256);
        if (head.length >= 64 && !/^\ufeff?<\?xml\s/.test(head) && /^\ufeff?\s+<\?xml\s/.test(head)) {
          builder.problem('XML declaration not at the start of the document');
        }
      }
      written += text.length;
      tokenizer.write(text);
    },
    end(extraProblems: string[]): ParsedFeed {
      tokenizer.end();
      builder.finish();
      // the first top-level element that is a feed root; junk before it (ill-formed) is skipped
      let rootIndex = builder.rootInfos.findIndex((info) => formatOfRoot(info) !== null);
      if (rootIndex < 0) rootIndex = 0;
      const root = builder.topLevel[rootIndex] ?? null;
      const info = builder.rootInfos[rootIndex] ?? null;
      let format: FeedFormat | null = info ? formatOfRoot(info) : null;
      let feedEl = root;
      if (format === null && root) {
        // a feed wrapped in another document (an XHTML page around an Atom feed)
        feedEl = findNestedFeed(root, 0) ?? root;
        if (feedEl !== root) format = feedEl.name === 'atom:feed' ? (feedEl.attrs.version === '0.3' ? 'atom03' : 'atom10') : feedEl.name === 'rdf:rdf' ? 'rss1' : 'rss2';
      }
      if (format === null) {
        if (delivered === 0) throw notAFeedError(describeNonFeed(info, head), baseUrl);
        format = 'unknown';
      }
      let meta: FeedMetadata | null = null;
      if (feedEl) meta = feedEl.name === 'atom:feed' ? readAtomMetadata(feedEl) : readRssMetadata(feedEl);
      if (onEntry) flushHeld(meta?.author ?? null);
      else if (meta?.author) for (const entry of atomEntries) entry.author ??= meta.author;
      const problems = [...extraProblems, ...builder.problems];
      return {
        format,
        title: meta?.title ?? null,
        link: meta?.link ?? null,
        description: meta?.description ?? null,
        language: meta?.language ?? null,
        iconUrl: meta?.iconUrl ?? null,
        selfUrl: meta?.selfUrl ?? null,
        hubs: meta?.hubs ?? [],
        pollHints: meta?.pollHints ?? { ttlMinutes: null, updatePeriod: null, updateFrequency: null, skipHours: [], skipDays: [] },
        bozo: problems.length > 0,
        bozoMessage: problems[0] ?? null,
        entries,
      };
    },
  };
}
