/**
 * @module schedule/entry-input
 * Turns a parsed entry into what the store keeps: its identity decided, its HTML cleaned, its
 * link, enclosure and thumbnail URLs judged like the URLs inside the HTML (a `javascript:` link
 * never reaches a page).
 *
 * The content hash is taken over the entry as the source gave it (plus the cleaner's version and
 * the operator's embed list), not over the cleaned result: so the refresh chain can ask the store
 * which entries are unchanged and skip cleaning them. Most of a feed is old news on every fetch;
 * cleaning is the costliest step per entry.
 */
import { createHash } from 'node:crypto';
import { cleanerVersion, sanitizeEntryHtml, sanitizeUrl } from '../clean/index.js';
import type { EntryInput, ParsedEntry } from '../model/index.js';

export interface EntryInputOptions {
  /** Extra iframe hosts allowed by the operator (config clean.embeds). */
  embeds?: readonly string[];
}

const MAX_GUID_CHARS = 2048;
/** Titles and author names longer than these are cut (with an ellipsis): no real one is, and a page shows them whole. */
const MAX_TITLE_CHARS = 1000;
const MAX_AUTHOR_CHARS = 300;

/** `text` cut to `max` code points, the last an ellipsis; as it is when it fits. */
function bounded(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  // 2·max UTF-16 units hold at least max code points, and hold them all when the text is no longer
  const chars = [...text.slice(0, 2 * max)];
  if (text.length <= 2 * max && chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** An entry's identity and the hash of its source form. */
export interface EntryFingerprint {
  guid: string;
  contentHash: string;
}

/**
 * The entry's identity within its feed: the guid/id when there is one, else its link, else a hash
 * of its title, date and body — stable across fetches of an unchanged entry.
 */
export function entryGuid(entry: ParsedEntry): string {
  const key = entry.id?.trim() || entry.link;
  // an id or link longer than any real one is kept as its hash: it is a key of the store's index
  if (key) return key.length > MAX_GUID_CHARS ? `urn:tributary:${hashOf([key])}` : key;
  const basis = [entry.title ?? '', entry.published?.toISOString() ?? '', (entry.content ?? entry.summary ?? '').slice(0, 2000)];
  return `urn:tributary:${hashOf(basis)}`;
}

/** The entry's guid and the hash of everything a reader could see of it, before cleaning. */
export function fingerprintEntry(entry: ParsedEntry, options: EntryInputOptions = {}): EntryFingerprint {
  // One string, one update: the same bytes as hashing field by field (fields are separated by
  // NUL, so no two meet), without a native call per field. This runs for every entry of every
  // fetched document, changed or not.
  const fields = [cleanerVersion, entry.title, entry.link, entry.author, entry.content, entry.summary, entry.baseUrl, entry.mediaDescription];
  const hash = createHash('sha1').update(
    `${fields.map((text) => text ?? '\u0001').join('\u0000')}\u0000` +
      `${entry.published?.getTime()}|${entry.updated?.getTime()}|${entry.durationSeconds}\u0000` +
      JSON.stringify([entry.categories, entry.enclosures, entry.thumbnail, options.embeds ?? []]),
  );
  return { guid: entryGuid(entry), contentHash: hash.digest('base64url') };
}

/** Cleans one parsed entry into an EntryInput. */
export function toEntryInput(entry: ParsedEntry, options: EntryInputOptions = {}, fingerprint = fingerprintEntry(entry, options)): EntryInput {
  const base = entry.baseUrl ?? entry.link;
  const clean = (html: string | null): string | null => {
    if (html == null || html.trim() === '') return null;
    const cleaned = sanitizeEntryHtml(html, { baseUrl: base, embeds: options.embeds ?? [] });
    return cleaned.trim() === '' ? null : cleaned;
  };
  const thumbnailUrl = entry.thumbnail ? sanitizeUrl(entry.thumbnail.url, base, 'image') : null;
  return {
    guid: fingerprint.guid,
    link: sanitizeUrl(entry.link, base, 'link'),
    title: bounded(entry.title, MAX_TITLE_CHARS),
    author: bounded(entry.author, MAX_AUTHOR_CHARS),
    published: entry.published ? entry.published.getTime() : null,
    updated: entry.updated ? entry.updated.getTime() : null,
    content: clean(entry.content),
    summary: clean(entry.summary),
    categories: entry.categories,
    enclosures: entry.enclosures.flatMap((enclosure) => {
      const url = sanitizeUrl(enclosure.url, base, 'media');
      return url ? [{ ...enclosure, url }] : [];
    }),
    thumbnail: entry.thumbnail && thumbnailUrl ? { ...entry.thumbnail, url: thumbnailUrl } : null,
    mediaDescription: entry.mediaDescription,
    durationSeconds: entry.durationSeconds,
    contentHash: fingerprint.contentHash,
  };
}

function hashOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url').slice(0, 32);
}
