/**
 * @module parse/json-feed
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) onto tributary's model.
 * 1.1 `authors` and 1.0 `author` are both read; `content_html` wins over `content_text`
 * (escaped into HTML); attachments become enclosures; `image`/`banner_image` the thumbnail.
 * Values of the wrong JSON type are ignored rather than trusted.
 */
import type { ParsedEntry, ParsedFeed } from '../model/feed.js';
import { TributaryError } from '../model/errors.js';
import { notAFeedError } from './detect-format.js';
import { parseFeedDate } from './feed-dates.js';
import { cleanText, escapeHtml, htmlToPlainText } from './plain-text.js';
import { cleanUrl } from './urls.js';
import { parseTruncatedJson, rssJsonToJsonFeed } from './json-recovery.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const plain = (v: unknown): string | null => {
  const s = str(v);
  return s ? (/<[A-Za-z/!?][^>]*>|&#?\w+;/.test(s) ? htmlToPlainText(s) : cleanText(s)) || null : null;
};
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : null);

function authorName(container: Json): string | null {
  const authors = Array.isArray(container.authors) ? container.authors : isObject(container.author) ? [container.author] : [];
  for (const a of authors) if (isObject(a) && plain(a.name)) return plain(a.name);
  return null;
}

/** True when a parsed JSON value is a JSON Feed (a `version` at jsonfeed.org, or items with a feed shape). */
export function isJsonFeed(doc: unknown): doc is Json {
  if (!isObject(doc)) return false;
  if (typeof doc.version === 'string' && /jsonfeed\.org\/version\/1/i.test(doc.version)) return true;
  return Array.isArray(doc.items) && (typeof doc.title === 'string' || typeof doc.home_page_url === 'string');
}

function adaptItem(item: Json, base: string | null, feedAuthor: string | null): ParsedEntry {
  const link = cleanUrl(str(item.url), base) ?? cleanUrl(str(item.external_url), base);
  const html = str(item.content_html);
  const text = str(item.content_text);
  const summary = str(item.summary);
  const image = cleanUrl(str(item.image), base) ?? cleanUrl(str(item.banner_image), base);
  const published = parseFeedDate(str(item.date_published));
  const updated = parseFeedDate(str(item.date_modified));
  const enclosures = (Array.isArray(item.attachments) ? item.attachments : []).filter(isObject).flatMap((a) => {
    const url = cleanUrl(str(a.url), base);
    return url ? [{ url, type: str(a.mime_type), length: num(a.size_in_bytes) }] : [];
  });
  const duration = (Array.isArray(item.attachments) ? item.attachments : []).filter(isObject).map((a) => num(a.duration_in_seconds)).find((d) => d !== null);
  return {
    id: str(item.id),
    link,
    title: plain(item.title),
    author: authorName(item) ?? feedAuthor,
    published: published ?? updated,
    updated,
    content: html ?? (text ? escapeHtml(text) : null),
    summary: summary ? escapeHtml(summary) : null,
    baseUrl: link ?? base,
    categories: (Array.isArray(item.tags) ? item.tags : []).map(plain).filter((t): t is string => t !== null),
    enclosures,
    thumbnail: image ? { url: image, width: null, height: null } : null,
    mediaDescription: null,
    durationSeconds: duration ?? null,
  };
}

/** Parses a JSON Feed document (or RSS in JSON); throws PARSE_NOT_A_FEED for other JSON. */
export function parseJsonFeed(text: string, baseUrl: string | null): ParsedFeed {
  const body = text.replace(/^\ufeff/, '');
  const parsed = parseTruncatedJson(body);
  if (!parsed) {
    if (!/jsonfeed\.org\/version/i.test(body.slice(0, 4096))) throw notAFeedError('a document that is neither XML nor valid JSON', baseUrl);
    throw new TributaryError('PARSE_MALFORMED', `${baseUrl ? `${baseUrl}: ` : ''}JSON Feed is not valid JSON and could not be recovered`, { url: baseUrl });
  }
  const doc = rssJsonToJsonFeed(parsed.value) ?? parsed.value;
  if (!isJsonFeed(doc)) throw notAFeedError('JSON that is not a JSON Feed', baseUrl);
  const selfUrl = cleanUrl(str(doc.feed_url), baseUrl);
  const base = baseUrl ?? selfUrl;
  const feedAuthor = authorName(doc);
  const hubs = (Array.isArray(doc.hubs) ? doc.hubs : []).filter(isObject).map((h) => cleanUrl(str(h.url), base)).filter((u): u is string => u !== null);
  return {
    format: 'json1',
    title: plain(doc.title),
    link: cleanUrl(str(doc.home_page_url), base),
    description: plain(doc.description),
    language: str(doc.language),
    iconUrl: cleanUrl(str(doc.icon), base) ?? cleanUrl(str(doc.favicon), base),
    selfUrl,
    hubs,
    pollHints: { ttlMinutes: null, updatePeriod: null, updateFrequency: null, skipHours: [], skipDays: [] },
    bozo: parsed.repaired,
    bozoMessage: parsed.repaired ? 'JSON was cut short; recovered up to the last complete value' : null,
    entries: (Array.isArray(doc.items) ? doc.items : []).filter(isObject).map((item) => adaptItem(item, base, feedAuthor)),
  };
}
