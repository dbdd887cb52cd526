/**
 * @module test/browser/xss-feeds
 * Fixture feeds carrying every payload of the cleaner's XSS corpus
 * (src/clean/testdata/xss-payloads.json) in the field its `context` names, spread over the ways
 * feeds carry that field: HTML content in RSS `<description>` (escaped), RSS
 * `<content:encoded>` (CDATA), Atom `<content type="html">` and JSON Feed `content_html`; titles,
 * authors, categories, links, enclosures and thumbnails in RSS, Atom and JSON Feed. Payloads with
 * characters XML cannot carry (C0 controls) go to JSON Feed. Twenty items per feed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { escapeXml } from './river-site.js';
import type { FixtureFeed, RiverSiteSpec } from './river-site.js';

/** One payload of the corpus. */
export interface XssPayload {
  id: string;
  context: 'content' | 'title' | 'author' | 'category' | 'link' | 'enclosure' | 'thumbnail';
  payload: string;
  marker: string | null;
}

type Format = 'rss' | 'atom' | 'json';
type Carrier = { format: Format; contentIn?: 'description' | 'encoded' };

/** A payload placed in a feed. */
export interface PlacedPayload extends XssPayload {
  format: Format;
  /** The item's title when the payload is not in the title: how the test finds the item. */
  title: string;
}

const itemsPerFeed = 20;
// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 cannot carry
const xmlForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Reads the corpus. */
export async function loadPayloads(): Promise<XssPayload[]> {
  return JSON.parse(await readFile(join(repoRoot, 'src/clean/testdata/xss-payloads.json'), 'utf8')) as XssPayload[];
}

/** The fixture feeds and config of the XSS river, and where each payload went. */
export function xssSpec(payloads: readonly XssPayload[]): { spec: RiverSiteSpec; placed: PlacedPayload[] } {
  const counters = new Map<string, number>();
  const placed: Array<PlacedPayload & { carrier: Carrier; index: number }> = payloads.map((payload, index) => {
    const n = counters.get(payload.context) ?? 0;
    counters.set(payload.context, n + 1);
    const carrier = carrierFor(payload, n);
    return { ...payload, format: carrier.format, title: `XSS ${payload.id}`, carrier, index };
  });
  const feeds: FixtureFeed[] = [];
  const bodies: Array<{ path: string; render: (base: string) => string }> = [];
  for (const format of ['rss', 'atom', 'json'] as const) {
    const ofFormat = placed.filter((p) => p.format === format);
    for (let start = 0; start < ofFormat.length; start += itemsPerFeed) {
      const group = ofFormat.slice(start, start + itemsPerFeed);
      const path = `xss-${format}-${start / itemsPerFeed + 1}.${format === 'json' ? 'json' : format}`;
      const title = `XSS ${format.toUpperCase()} feed ${start / itemsPerFeed + 1}`;
      feeds.push({ path, title });
      bodies.push({ path, render: (base) => renderFeed(format, title, base + path, group) });
    }
  }
  const spec: RiverSiteSpec = {
    feeds,
    config: 'site:\n  title: XSS river\n  tagline: Every payload, through the whole pipeline\n  pageSize: 250\n',
    files: (base) => ({
      ...Object.fromEntries(bodies.map(({ path, render }) => [path, render(base)])),
      // Not part of the river: an uncleaned page on which the test's traps must go off.
      'control.html': '<!doctype html><title>control</title><img src="x" onerror="alert(1)"><script src="https://evil.example/x.js"></script>',
    }),
  };
  return { spec, placed: placed.map(({ carrier: _carrier, index: _index, ...rest }) => rest) };
}

function carrierFor(payload: XssPayload, n: number): Carrier {
  if (xmlForbidden.test(payload.payload)) return { format: 'json' };
  if (payload.context === 'content') {
    return [{ format: 'rss', contentIn: 'description' }, { format: 'rss', contentIn: 'encoded' }, { format: 'atom' }, { format: 'json' }][n % 4] as Carrier;
  }
  if (payload.context === 'thumbnail') return { format: 'rss' };
  return { format: (['rss', 'atom', 'json'] as const)[n % 3]! };
}

interface ItemFields {
  id: string;
  title: string;
  link: string;
  author: string;
  categories: string[];
  html: string | null;
  enclosure: string | null;
  thumbnail: string | null;
  date: string;
}

function fieldsOf(p: PlacedPayload & { index: number }): ItemFields {
  const own = (context: XssPayload['context'], fallback: string): string => (p.context === context ? p.payload : fallback);
  return {
    id: `urn:xss:${p.id}`,
    title: own('title', p.title),
    link: own('link', `https://ok.example/${p.id}`),
    author: own('author', 'Test Author'),
    categories: p.context === 'category' ? [p.payload] : [],
    // A thumbnail is shown only for items without a body (videos).
    html: p.context === 'content' ? p.payload : p.context === 'thumbnail' ? null : `<p>Body of ${p.id}</p>`,
    enclosure: p.context === 'enclosure' ? p.payload : null,
    thumbnail: p.context === 'thumbnail' ? p.payload : null,
    date: new Date(Date.UTC(2025, 0, 1) - p.index * 60_000).toISOString(),
  };
}

function renderFeed(format: Format, title: string, self: string, group: Array<PlacedPayload & { carrier: Carrier; index: number }>): string {
  if (format === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title,
      feed_url: self,
      home_page_url: 'https://ok.example/',
      items: group.map((p) => jsonItem(fieldsOf(p))),
    });
  }
  if (format === 'atom') {
    return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>${escapeXml(title)}</title><id>${escapeXml(self)}</id><link rel="self" href="${escapeXml(self)}"/><updated>2025-01-01T00:00:00Z</updated>
${group.map((p) => atomEntry(fieldsOf(p))).join('\n')}\n</feed>\n`;
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>${escapeXml(title)}</title><link>https://ok.example/</link><description>${escapeXml(title)}</description>
${group.map((p) => rssItem(fieldsOf(p), p.carrier.contentIn ?? 'description')).join('\n')}\n</channel></rss>\n`;
}

/** Escapes an attribute value, keeping tabs and newlines (attribute normalisation would turn them into spaces). */
function attr(value: string): string {
  return escapeXml(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function rssItem(f: ItemFields, contentIn: 'description' | 'encoded'): string {
  return [
    '<item>',
    `<title>${escapeXml(f.title)}</title>`,
    `<link>${escapeXml(f.link)}</link>`,
    `<guid isPermaLink="false">${escapeXml(f.id)}</guid>`,
    `<pubDate>${new Date(f.date).toUTCString()}</pubDate>`,
    `<dc:creator>${escapeXml(f.author)}</dc:creator>`,
    ...f.categories.map((category) => `<category>${escapeXml(category)}</category>`),
    f.html === null ? '' : contentIn === 'encoded' ? `<content:encoded>${cdata(f.html)}</content:encoded>` : `<description>${escapeXml(f.html)}</description>`,
    f.enclosure === null ? '' : `<enclosure url="${attr(f.enclosure)}" length="1000" type="audio/mpeg"/>`,
    f.thumbnail === null ? '' : `<media:thumbnail url="${attr(f.thumbnail)}" width="480" height="360"/>`,
    '</item>',
  ].join('');
}

function atomEntry(f: ItemFields): string {
  return [
    '<entry>',
    `<title type="html">${escapeXml(f.title)}</title>`,
    `<link rel="alternate" href="${attr(f.link)}"/>`,
    `<id>${escapeXml(f.id)}</id>`,
    `<published>${f.date}</published><updated>${f.date}</updated>`,
    `<author><name>${escapeXml(f.author)}</name></author>`,
    ...f.categories.map((category) => `<category term="${attr(category)}"/>`),
    f.html === null ? '' : `<content type="html">${escapeXml(f.html)}</content>`,
    f.enclosure === null ? '' : `<link rel="enclosure" href="${attr(f.enclosure)}" length="1000" type="audio/mpeg"/>`,
    f.thumbnail === null ? '' : `<media:thumbnail url="${attr(f.thumbnail)}" width="480" height="360"/>`,
    '</entry>',
  ].join('');
}

function jsonItem(f: ItemFields): object {
  return {
    id: f.id,
    url: f.link,
    title: f.title,
    date_published: f.date,
    authors: [{ name: f.author }],
    tags: f.categories,
    ...(f.html === null ? {} : { content_html: f.html }),
    ...(f.enclosure === null ? {} : { attachments: [{ url: f.enclosure, mime_type: 'audio/mpeg', size_in_bytes: 1000 }] }),
    ...(f.thumbnail === null ? {} : { image: f.thumbnail }),
  };
}
