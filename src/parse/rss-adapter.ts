/**
 * @module parse/rss-adapter
 * Maps RSS 0.9x, 1.0 (RDF) and 2.0 elements onto tributary's model. The variants share element
 * names once namespaces are normalised, so one adapter serves them all (RSS 2.0 spec,
 * RSS 1.0 spec with the dc:, content:, sy: modules). Rules the reference parser also follows:
 * content:encoded wins over description; a permalink guid stands in for a missing link; the
 * first author-like element (author, dc:creator, itunes:author) with a value names the author.
 */
import type { ParsedEntry } from '../model/feed.js';
import { childNamed, textOf, type XmlElement } from './xml-element.js';
import { readEntryExtensions } from './entry-extensions.js';
import { parseFeedDate } from './feed-dates.js';
import { isEmailOnly, readPersonName } from './person-names.js';
import { looksLikeHtml } from './plain-text.js';
import { readHtmlBody, readPlainText, readRssTitle, readText } from './text-constructs.js';
import { cleanUrl } from './urls.js';

/** A link as written: trimmed, `&amp;` left over from double escaping undone, resolved. */
export function readLink(el: XmlElement | null): string | null {
  if (!el) return null;
  const text = textOf(el).trim().replace(/&amp;/g, '&');
  // `<link href="…"/>` without the Atom namespace: some generators write RSS links Atom's way
  if (!text && el.attrs.href && (el.attrs.rel ?? 'alternate').trim().toLowerCase() === 'alternate') return cleanUrl(el.attrs.href, el.base);
  return cleanUrl(text, el.base);
}

/** The href of the first atom:link with the given rel (alternate when rel is absent). */
export function readAtomLink(parent: XmlElement, rel: string): string | null {
  for (const child of parent.children) {
    if (typeof child === 'string' || child.name !== 'atom:link') continue;
    if ((child.attrs.rel ?? 'alternate').trim().toLowerCase() !== rel) continue;
    const href = cleanUrl(child.attrs.href, child.base);
    if (href) return href;
  }
  return null;
}

const AUTHOR_ELEMENTS = new Set(['author', 'dc:creator', 'dc:author', 'itunes:author', 'googleplay:author', 'atom:author', 'managingeditor']);
const PUBLISHED_ELEMENTS = new Set(['pubdate', 'dcterms:issued', 'atom:published', 'issued']);
const UPDATED_ELEMENTS = new Set(['dc:date', 'dcterms:modified', 'atom:updated', 'modified']);
const CONTENT_ELEMENTS = new Set(['content:encoded', 'xhtml:body', 'body', 'atom:content', 'fullitem']);
// `abstract` is CDF's (Microsoft Channel Definition Format) description
const SUMMARY_ELEMENTS = new Set(['description', 'dc:description', 'itunes:summary', 'atom:summary', 'abstract']);

function readAuthor(el: XmlElement): string | null {
  const name = childNamed(el, 'atom:name', 'name', 'itunes:name');
  return readPersonName(textOf(name ?? childNamed(el, 'atom:email', 'email') ?? el));
}

/** The first podcast:person (Podcasting 2.0) in the host role, the default: who made the episode. */
function podcastHost(item: XmlElement): string | null {
  for (const child of item.children) {
    if (typeof child === 'string' || child.name !== 'podcast:person') continue;
    if ((child.attrs.role ?? 'host').trim().toLowerCase() !== 'host') continue;
    const name = readPersonName(textOf(child));
    if (name) return name;
  }
  return null;
}

/** Summary-like elements: description is HTML by convention; itunes:summary is plain unless it looks like HTML. */
function readSummary(el: XmlElement): string | null {
  if (el.name === 'itunes:summary') return readHtmlBody(el, looksLikeHtml(textOf(el)) ? 'html' : 'text');
  if (el.name === 'atom:summary' || el.name === 'abstract') return readHtmlBody(el, 'text');
  return readHtmlBody(el, 'html');
}

/** One RSS `<item>` as a ParsedEntry. `feedLink` is the fallback base for relative content links. */
export function adaptRssItem(item: XmlElement, feedLink: string | null): ParsedEntry {
  let titleEl: XmlElement | null = null;
  let mediaTitleEl: XmlElement | null = null;
  let link: string | null = null;
  let guidEl: XmlElement | null = null;
  let author: string | null = null;
  let published: Date | null = null;
  let updated: Date | null = null;
  let contentEl: XmlElement | null = null;
  let summaryEl: XmlElement | null = null;
  let content: string | null = null;
  let summary: string | null = null;
  for (const child of item.children) {
    if (typeof child === 'string') continue;
    const name = child.name;
    if (name === 'title' || name === 'dc:title') titleEl ??= child;
    else if (name === 'media:title' || name === 'itunes:title') mediaTitleEl ??= child;
    else if (name === 'link') link ??= readLink(child);
    else if (name === 'guid' || name === 'id') guidEl ??= child;
    else if (AUTHOR_ELEMENTS.has(name) && (author === null || isEmailOnly(author))) {
      // an address alone is kept only until some author element gives a name
      const found = readAuthor(child);
      if (found && (author === null || !isEmailOnly(found))) author = found;
    }
    // the last date of a kind wins, as in the reference parser (later elements correct earlier ones)
    else if (PUBLISHED_ELEMENTS.has(name)) published = parseFeedDate(textOf(child)) ?? published;
    else if (UPDATED_ELEMENTS.has(name)) updated = parseFeedDate(textOf(child)) ?? updated;
    else if (CONTENT_ELEMENTS.has(name)) {
      if (content === null) {
        content = readHtmlBody(child, name === 'atom:content' ? 'text' : name.endsWith('body') ? 'xhtml' : 'html');
        if (content !== null) contentEl = child;
      }
    } else if (SUMMARY_ELEMENTS.has(name)) {
      if (summary === null) {
        summary = readSummary(child);
        if (summary !== null) summaryEl = child;
      }
    }
  }
  // the podcast host names the episode only when no author element does
  if (author === null || isEmailOnly(author)) author = podcastHost(item) ?? author;
  if (!mediaTitleEl) mediaTitleEl = childNamed(childNamed(item, 'media:group') ?? item, 'media:title');
  const id = readText(guidEl) ?? item.attrs['rdf:about']?.trim() ?? null;
  if (link === null) link = readAtomLink(item, 'alternate') ?? cleanUrl(item.attrs.href, item.base);
  updated ??= parseFeedDate(item.attrs.lastmod);
  if (link === null && guidEl && (guidEl.attrs.ispermalink ?? 'true').trim().toLowerCase() !== 'false' && id) {
    const guidLink = cleanUrl(id, guidEl.base);
    // A permalink guid that is not a URL (a UUID, a number) is not a link, whatever the attribute says.
    if (guidLink && /^(https?:\/\/|\/)/i.test(guidLink)) link = guidLink;
  }
  const extensions = readEntryExtensions(item);
  const bodyEl = contentEl ?? summaryEl;
  return {
    id,
    link,
    title: readRssTitle(titleEl) ?? readPlainText(mediaTitleEl, 'text'),
    author,
    published: published ?? updated,
    updated,
    content,
    summary,
    baseUrl: (bodyEl?.base ?? item.base) || link || feedLink,
    categories: extensions.categories,
    enclosures: extensions.enclosures,
    thumbnail: extensions.thumbnail,
    mediaDescription: extensions.mediaDescription,
    durationSeconds: extensions.durationSeconds,
  };
}
