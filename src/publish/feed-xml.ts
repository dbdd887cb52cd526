/**
 * @module publish/feed-xml
 * Helpers shared by the output feeds: XML escaping that also drops characters XML 1.0 forbids
 * (a feed with one stray control character would be rejected whole by strict readers), site
 * URLs made absolute when the site has a base URL, and stable entry ids.
 */
import { createHash } from 'node:crypto';
import type { RiverItem } from '../model/index.js';
import { itemDate, itemModified } from './item-view.js';
import type { SiteOptions } from './river-source.js';

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const invalidXmlChars = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 does not allow (C0 controls, lone surrogates, U+FFFE/F). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(invalidXmlChars, '');
}

/** Escapes text for XML element content and attribute values (both quote kinds). */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `path` under the site's base URL, or the root-relative path when no base URL is set. */
export function siteUrl(site: SiteOptions, path: string): string {
  if (!site.baseUrl) return `/${path}`;
  const base = site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`;
  return new URL(path, base).toString();
}

/** The feed-level id: the site URL, or a name-based URN when the site has no base URL. */
export function siteId(site: SiteOptions): string {
  return site.baseUrl ? siteUrl(site, '') : uuidUrn(`tributary-site\n${site.title}`);
}

/**
 * The id an output feed gives an item: the source's own guid when it is already an absolute
 * URI (so readers recognise entries they saw in the original feed), else a UUID URN derived
 * from the feed URL and guid, stable across builds.
 */
export function itemId(item: RiverItem): string {
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(item.guid)) return item.guid;
  return uuidUrn(`${item.feedUrl}\n${item.guid}`);
}

/** A source's title for the output feeds, trimmed; null when it has none or only whitespace (the URL names it then). */
export function sourceTitle(title: string | null): string | null {
  return title?.trim() || null;
}

/** The item's last change as of `now` as a Date (updated, else its river date). */
export function itemUpdated(item: RiverItem, now: Date): Date {
  return new Date(Math.max(itemModified(item, now) ?? 0, itemDate(item).getTime()));
}

/** The newest change among `items` as of `now`, or `now` when there are none. */
export function newestUpdate(items: RiverItem[], now: Date): Date {
  if (items.length === 0) return now;
  return new Date(Math.max(...items.map((item) => itemUpdated(item, now).getTime())));
}

/** A name-based (version 5 style) UUID URN for `name`. */
function uuidUrn(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
