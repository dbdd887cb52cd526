/**
 * @module schedule/entry-input
 * Turns a parsed entry into what the store keeps: its identity decided, its HTML cleaned, its
 * link, enclosure and thumbnail URLs judged like the URLs inside the HTML (a `javascript:` link
 * never reaches a page), and a hash of what a reader sees (so an unchanged entry is never
 * rewritten).
 */
import { createHash } from 'node:crypto';
import { sanitizeEntryHtml, sanitizeUrl } from '../clean/index.js';
import type { EntryInput, ParsedEntry } from '../model/index.js';

export interface EntryInputOptions {
  /** Extra iframe hosts allowed by the operator (config clean.embeds). */
  embeds?: readonly string[];
}

/**
 * The entry's identity within its feed: the guid/id when there is one, else its link, else a hash
 * of its title, date and body — stable across fetches of an unchanged entry.
 */
export function entryGuid(entry: ParsedEntry): string {
  const id = entry.id?.trim();
  if (id) return id;
  if (entry.link) return entry.link;
  const basis = [entry.title ?? '', entry.published?.toISOString() ?? '', (entry.content ?? entry.summary ?? '').slice(0, 2000)];
  return `urn:tributary:${hashOf(basis)}`;
}

/** Cleans one parsed entry into an EntryInput. */
export function toEntryInput(entry: ParsedEntry, options: EntryInputOptions = {}): EntryInput {
  const clean = (html: string | null): string | null => {
    if (html == null || html.trim() === '') return null;
    const cleaned = sanitizeEntryHtml(html, { baseUrl: entry.baseUrl ?? entry.link, embeds: options.embeds ?? [] });
    return cleaned.trim() === '' ? null : cleaned;
  };
  const content = clean(entry.content);
  const summary = clean(entry.summary);
  const base = entry.baseUrl ?? null;
  const thumbnailUrl = entry.thumbnail ? sanitizeUrl(entry.thumbnail.url, base, 'image') : null;
  const input: Omit<EntryInput, 'contentHash'> = {
    guid: entryGuid(entry),
    link: sanitizeUrl(entry.link, base, 'link'),
    title: entry.title,
    author: entry.author,
    published: entry.published ? entry.published.getTime() : null,
    updated: entry.updated ? entry.updated.getTime() : null,
    content,
    summary,
    categories: entry.categories,
    enclosures: entry.enclosures.flatMap((enclosure) => {
      const url = sanitizeUrl(enclosure.url, base, 'media');
      return url ? [{ ...enclosure, url }] : [];
    }),
    thumbnail: entry.thumbnail && thumbnailUrl ? { ...entry.thumbnail, url: thumbnailUrl } : null,
    mediaDescription: entry.mediaDescription,
    durationSeconds: entry.durationSeconds,
  };
  return { ...input, contentHash: hashOf([JSON.stringify(input)]) };
}

function hashOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url').slice(0, 32);
}
