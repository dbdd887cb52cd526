/**
 * @module parse/feed-metadata
 * Feed-level fields of RSS channels and Atom feeds: title, site link, description, language,
 * icon, the self link and WebSub hubs (atom:link rel="self"/"hub", W3C WebSub §4), and polling
 * hints (RSS 2.0 ttl/skipHours/skipDays, the RSS 1.0 syndication module sy:).
 */
import type { ParsedFeed, PollHints } from '../model/feed.js';
import { childNamed, childrenNamed, textOf, type XmlElement } from './xml-element.js';
import { readAlternateLink, readAtomAuthor } from './atom-adapter.js';
import { widestSrcsetUrl } from './entry-extensions.js';
import { htmlToPlainText } from './plain-text.js';
import { readAtomLink, readLink } from './rss-adapter.js';
import { readHtmlBody, readPlainText, readRssTitle, readText } from './text-constructs.js';
import { cleanUrl } from './urls.js';

/** Everything about a feed except its entries, format and recovery flags. */
export interface FeedMetadata extends Omit<ParsedFeed, 'format' | 'entries' | 'bozo' | 'bozoMessage'> {
  /** Atom feed-level author, inherited by entries that name none. */
  author: string | null;
}

const UPDATE_PERIODS = new Set(['hourly', 'daily', 'weekly', 'monthly', 'yearly']);
const DAY_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function readPollHints(channel: XmlElement): PollHints {
  const ttl = Number.parseInt(readText(childNamed(channel, 'ttl')) ?? '', 10);
  const period = readText(childNamed(channel, 'sy:updateperiod'))?.toLowerCase() ?? null;
  const frequency = Number.parseInt(readText(childNamed(channel, 'sy:updatefrequency')) ?? '', 10);
  const skipHours: number[] = [];
  for (const hour of childrenNamed(childNamed(channel, 'skiphours') ?? channel, 'hour')) {
    const h = Number.parseInt(textOf(hour), 10);
    if (h >= 0 && h <= 24 && !skipHours.includes(h % 24)) skipHours.push(h % 24);
  }
  const skipDays: string[] = [];
  for (const day of childrenNamed(childNamed(channel, 'skipdays') ?? channel, 'day')) {
    const d = textOf(day).trim().toLowerCase();
    if (DAY_NAMES.has(d) && !skipDays.includes(d)) skipDays.push(d[0]?.toUpperCase() + d.slice(1));
  }
  return {
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    updatePeriod: period && UPDATE_PERIODS.has(period) ? (period as PollHints['updatePeriod']) : null,
    updateFrequency: Number.isFinite(frequency) && frequency > 0 ? frequency : null,
    skipHours,
    skipDays,
  };
}

function readHubs(parent: XmlElement): string[] {
  const hubs: string[] = [];
  for (const link of childrenNamed(parent, 'atom:link')) {
    if ((link.attrs.rel ?? '').trim().toLowerCase() !== 'hub') continue;
    const href = cleanUrl(link.attrs.href, link.base);
    if (href && !hubs.includes(href)) hubs.push(href);
  }
  return hubs;
}

function plainDescription(el: XmlElement | null, fallback: 'html' | 'text'): string | null {
  const html = readHtmlBody(el, fallback);
  return html ? htmlToPlainText(html) || null : null;
}

/** A language tag as BCP 47 writes it (`en_US` → `en-US`), or null. */
function normalizeLanguage(lang: string | null | undefined): string | null {
  const trimmed = lang?.trim();
  return trimmed ? trimmed.replace(/_/g, '-') : null;
}

function imageUrl(el: XmlElement | null): string | null {
  if (!el) return null;
  return cleanUrl(el.attrs.href ?? el.attrs['rdf:resource'] ?? (childNamed(el, 'url') ? textOf(childNamed(el, 'url') as XmlElement) : textOf(el)), el.base);
}

/** Podcasting 2.0's channel artwork: podcast:image href, or the widest of podcast:images srcset. */
function podcastImageUrl(channel: XmlElement): string | null {
  const image = childNamed(channel, 'podcast:image');
  if (image) return cleanUrl(image.attrs.href, image.base);
  const images = childNamed(channel, 'podcast:images');
  return images ? cleanUrl(widestSrcsetUrl(images.attrs.srcset), images.base) : null;
}

/** Feed-level fields of an RSS document (`root` is rss, rdf:RDF or a bare channel). */
export function readRssMetadata(root: XmlElement): FeedMetadata {
  const channel = root.name === 'channel' ? root : childNamed(root, 'channel') ?? root;
  const image = childNamed(channel, 'image') ?? childNamed(root, 'image');
  return {
    title: readRssTitle(childNamed(channel, 'title', 'dc:title')),
    link: childrenNamed(channel, 'link').reduce<string | null>((found, el) => found ?? readLink(el), null) ?? readAtomLink(channel, 'alternate') ?? cleanUrl(channel.attrs.href, channel.base),
    description: plainDescription(childNamed(channel, 'description', 'dc:description'), 'html')
      ?? plainDescription(childNamed(channel, 'abstract'), 'text')
      ?? plainDescription(childNamed(channel, 'itunes:summary', 'itunes:subtitle', 'googleplay:description'), 'text'),
    language: normalizeLanguage(readText(childNamed(channel, 'language', 'dc:language')) ?? root.attrs['xml:lang']),
    iconUrl: (image && image.name === 'image' ? imageUrl(image) : null) ?? imageUrl(childNamed(channel, 'itunes:image', 'googleplay:image'))
      ?? imageUrl(childNamed(channel, 'atom:icon', 'atom:logo')) ?? podcastImageUrl(channel),
    selfUrl: readAtomLink(channel, 'self'),
    hubs: readHubs(channel),
    pollHints: readPollHints(channel),
    author: null,
  };
}

/** Feed-level fields of an Atom feed. */
export function readAtomMetadata(feed: XmlElement): FeedMetadata {
  return {
    title: readPlainText(childNamed(feed, 'atom:title'), 'text'),
    link: readAlternateLink(feed),
    description: plainDescription(childNamed(feed, 'atom:subtitle', 'atom:tagline'), 'text'),
    language: normalizeLanguage(feed.lang ?? readText(childNamed(feed, 'dc:language'))),
    iconUrl: imageUrl(childNamed(feed, 'atom:icon')) ?? imageUrl(childNamed(feed, 'atom:logo')),
    selfUrl: readAtomLink(feed, 'self'),
    hubs: readHubs(feed),
    pollHints: readPollHints(feed),
    author: readAtomAuthor(feed),
  };
}
