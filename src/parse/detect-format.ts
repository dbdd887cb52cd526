/**
 * @module parse/detect-format
 * The sniffer: which format a document is, from its first bytes and its root element, and —
 * when it is not a feed — what it is instead, in words a user can act on ("an HTML page",
 * "an image (PNG)"). Magic numbers are checked on bytes before any decoding.
 */
import type { FeedFormat } from '../model/feed.js';
import { TributaryError } from '../model/errors.js';
import { bomEncoding } from './decode-document.js';
import { FORMAT_NAMESPACES } from './namespaces.js';
import type { XmlRootInfo } from './xml-tree-builder.js';

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'an image (PNG)'],
  [[0x47, 0x49, 0x46, 0x38], 'an image (GIF)'],
  [[0xff, 0xd8, 0xff], 'an image (JPEG)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x1f, 0x8b], 'gzip-compressed data (not decompressed)'],
  [[0x42, 0x4d], 'an image (BMP)'],
  [[0x00, 0x00, 0x01, 0x00], 'an icon (ICO)'],
];

/** What binary data is, from its magic number, or null when it has none tributary knows. */
export function describeBinary(bytes: Uint8Array): string | null {
  // text announcing its encoding first: a UTF-16LE byte order mark (FF FE) would pass for MP3
  if (bomEncoding(bytes) !== null) return null;
  for (const [magic, what] of MAGIC) if (magic.every((byte, i) => bytes[i] === byte)) return what;
  const ascii = String.fromCharCode(...bytes.subarray(0, 12));
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'an image (WebP)';
  if (/^....ftyp(avif|heic|mif1)/.test(ascii)) return 'an image (AVIF/HEIC)';
  if (/^....ftyp/.test(ascii)) return 'a video (MP4)';
  if (ascii.startsWith('ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'audio (MP3)';
  return null;
}

/** The feed format a root element stands for, or null when it is not a feed root. */
export function formatOfRoot(root: XmlRootInfo): FeedFormat | null {
  switch (root.local) {
    case 'rss':
    case 'channel':
      return 'rss2';
    case 'rdf': {
      const ns = [...root.declared, root.namespace];
      if (ns.includes(FORMAT_NAMESPACES.rss09) && !ns.includes(FORMAT_NAMESPACES.rss1)) return 'rss09';
      return 'rss1';
    }
    case 'feed':
      if (root.namespace === FORMAT_NAMESPACES.atom03 || ['0.1', '0.2', '0.3'].includes(root.version ?? '')) return 'atom03';
      return 'atom10';
    default:
      return null;
  }
}

/** Describes a non-feed XML or text document from its root element name (or its start). */
export function describeNonFeed(root: XmlRootInfo | null, text: string): string {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (!start) return 'empty document';
  if (/^<!doctype\s+html/i.test(start) || root?.local === 'html') return 'an HTML page';
  if (!root) {
    if (/^[[{]/.test(start)) return 'JSON that is not a JSON Feed';
    if (/<html[\s>]/i.test(start.slice(0, 2048))) return 'an HTML page';
    if (/^<(\?xml|!--)/.test(start)) return 'an XML document with no root element';
    return [...start.slice(0, 512)].some((ch) => ch.charCodeAt(0) < 9 || (ch.charCodeAt(0) > 13 && ch.charCodeAt(0) < 32)) ? 'binary data' : 'plain text, not XML';
  }
  if (root.local === 'opml') return 'an OPML subscription list, not a feed';
  if (root.local === 'svg') return 'an image (SVG)';
  return `an XML document with root element <${root.name}>`;
}

/** The text after the XML declaration, comments, processing instructions and DOCTYPE at the start. */
function skipProlog(text: string): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    let close: number;
    if (text.startsWith('<?', i)) close = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) close = after(text, '-->', i);
    else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      const subset = text.indexOf('[', i);
      const gt = text.indexOf('>', i);
      close = subset !== -1 && (gt === -1 || subset < gt) ? after(text, '>', after(text, ']', subset)) : after(text, '>', i);
    } else return text.slice(i);
    if (close === -1) return '';
    i = close;
  }
}

/** The index just past the next `token` at or after `from`, or -1. */
function after(text: string, token: string, from: number): number {
  if (from === -1) return -1;
  const at = text.indexOf(token, from);
  return at === -1 ? -1 : at + token.length;
}

/** Sniffs the format from the start of a decoded document, without a full parse. */
export function sniffFormat(text: string): FeedFormat {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{')) {
    const head = start.slice(0, 65536);
    const isJsonFeed = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/i.test(head);
    return isJsonFeed || /^\{\s*"rss"\s*:\s*\{/.test(head) ? 'json1' : 'unknown';
  }
  const head = skipProlog(start.slice(0, 65536));
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(head);
  if (!m) return 'unknown';
  const attrs = m[3] ?? '';
  const declared = [...attrs.matchAll(/xmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/g)].map((a) => (a[1] as string).trim().toLowerCase());
  const prefix = m[1] ? m[1].slice(0, -1) : '';
  const nsMatch = new RegExp(`xmlns${prefix ? ':' + prefix : ''}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  const version = /\sversion\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? null;
  const local = (m[2] as string).toLowerCase();
  return formatOfRoot({ name: m[0], local, namespace: (nsMatch?.[1] ?? '').trim().toLowerCase(), version, declared }) ?? 'unknown';
}

/** The PARSE_NOT_A_FEED error, one line naming the URL (when known) and what the document is. */
export function notAFeedError(what: string, url: string | null): TributaryError {
  return new TributaryError('PARSE_NOT_A_FEED', url ? `${url} is not a feed: ${what}` : `not a feed: ${what}`, { url });
}
