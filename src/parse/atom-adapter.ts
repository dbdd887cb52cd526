/**
 * @module parse/atom-adapter
 * Maps Atom 1.0 (RFC 4287) and Atom 0.3 entries onto tributary's model. Text constructs keep
 * their declared type (§3.1), links resolve against the xml:base in scope of each `<link>`
 * (§2, RFC 3986), and an entry without an author takes its source's, then the feed's (§4.2.1).
 * Atom 0.3 names (issued, modified, tagline) are read alongside their 1.0 successors.
 */
import type { ParsedEntry } from '../model/feed.js';
import { childNamed, textOf, type XmlElement } from './xml-element.js';
import { readEntryExtensions } from './entry-extensions.js';
import { parseFeedDate } from './feed-dates.js';
import { readPersonName } from './person-names.js';
import { readHtmlBody, readPlainText, readText } from './text-constructs.js';
import { cleanUrl } from './urls.js';

const HTML_TYPES = new Set(['', 'text/html', 'application/xhtml+xml', 'html', 'xhtml']);

/** The entry's or feed's page: the first rel="alternate" link of an HTML type (§4.2.7.2). */
export function readAlternateLink(parent: XmlElement): string | null {
  let fallback: string | null = null;
  for (const child of parent.children) {
    if (typeof child === 'string' || child.name !== 'atom:link') continue;
    const rel = (child.attrs.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate') continue;
    const href = cleanUrl(child.attrs.href ?? textOf(child), child.base);
    if (!href) continue;
    if (HTML_TYPES.has((child.attrs.type ?? '').trim().toLowerCase())) return href;
    fallback ??= href;
  }
  return fallback;
}

/** The name of the first Atom person construct among `parent`'s `<author>` children. */
export function readAtomAuthor(parent: XmlElement | null): string | null {
  if (!parent) return null;
  for (const child of parent.children) {
    if (typeof child === 'string') continue;
    if (child.name === 'atom:author') {
      const name = readPersonName(textOf(childNamed(child, 'atom:name') ?? childNamed(child, 'atom:email') ?? child));
      if (name) return name;
    } else if (child.name === 'dc:creator' || child.name === 'itunes:author') {
      const name = readPersonName(textOf(child));
      if (name) return name;
    }
  }
  return null;
}

/** The last parseable date among the named children (a later element corrects an earlier one). */
function lastDate(entry: XmlElement, names: string[]): Date | null {
  let found: Date | null = null;
  for (const child of entry.children) {
    if (typeof child !== 'string' && names.includes(child.name)) found = parseFeedDate(textOf(child)) ?? found;
  }
  return found;
}

/** One Atom `<entry>` as a ParsedEntry; the author may still be filled from the feed later. */
export function adaptAtomEntry(entry: XmlElement, feedLink: string | null): ParsedEntry {
  const contentEl = childNamed(entry, 'atom:content');
  const summaryEl = childNamed(entry, 'atom:summary');
  const content = contentEl?.attrs.src ? null : readHtmlBody(contentEl, 'text');
  const summary = readHtmlBody(summaryEl, 'text');
  const link = readAlternateLink(entry);
  const published = lastDate(entry, ['atom:published', 'atom:issued', 'dcterms:issued', 'atom:created']);
  const updated = lastDate(entry, ['atom:updated', 'atom:modified', 'dc:date', 'dcterms:modified']);
  const extensions = readEntryExtensions(entry);
  const titleEl = childNamed(entry, 'atom:title') ?? childNamed(entry, 'dc:title');
  const mediaTitleEl = childNamed(childNamed(entry, 'media:group') ?? entry, 'media:title');
  const bodyEl = content !== null ? contentEl : summaryEl;
  return {
    id: readText(childNamed(entry, 'atom:id')),
    link,
    title: readPlainText(titleEl, 'text') ?? readPlainText(mediaTitleEl, 'text'),
    author: readAtomAuthor(entry) ?? readAtomAuthor(childNamed(entry, 'atom:source')),
    published: published ?? updated,
    updated,
    content,
    summary,
    baseUrl: bodyEl?.base ?? entry.base ?? link ?? feedLink,
    categories: extensions.categories,
    enclosures: extensions.enclosures,
    thumbnail: extensions.thumbnail,
    mediaDescription: extensions.mediaDescription,
    durationSeconds: extensions.durationSeconds,
  };
}
