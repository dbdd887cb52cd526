/**
 * @module parse/entry-extensions
 * The parts of an entry that RSS and Atom share through extensions: enclosures (RSS
 * `<enclosure>`, Atom `rel="enclosure"`, Media RSS audio/video), the picture that stands for the
 * entry (media:thumbnail, also inside media:group / media:content, image media:content — by
 * medium or type, else by its URL's file extension —, itunes:image, Podcasting 2.0's
 * podcast:images / podcast:image, YouTube's still), media:description,
 * durations (itunes:duration, media:content@duration) and categories (RSS category, dc:subject,
 * Atom category). A podcast:alternateEnclosure is an alternative to the enclosure, so its first
 * source is used only when the item has no enclosure of its own. WordPress.com and Jetpack put
 * the post author's Gravatar first among an item's image media:content, before the post's own
 * pictures; an avatar is the author's picture, not the entry's, so it is never the thumbnail.
 */
import type { Enclosure, Thumbnail } from '../model/feed.js';
import { textOf, type XmlElement } from './xml-element.js';
import { cleanText, htmlToPlainText } from './plain-text.js';
import { cleanUrl } from './urls.js';

export interface EntryExtensions {
  enclosures: Enclosure[];
  thumbnail: Thumbnail | null;
  mediaDescription: string | null;
  durationSeconds: number | null;
  categories: string[];
  /** yt:videoId, when the entry is a YouTube video. */
  videoId: string | null;
}

/** A Gravatar avatar (`https://0.gravatar.com/avatar/<hash>?s=96`). */
const GRAVATAR = /^https?:\/\/([a-z0-9-]+\.)?gravatar\.com\/avatar\//i;

/** A URL path (query and fragment cut off) that names an image file. */
const IMAGE_PATH = /\.(jpe?g|png|gif|webp|avif)$/i;

function toInt(value: string | undefined): number | null {
  if (value == null) return null;
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** itunes:duration: seconds, `MM:SS` or `HH:MM:SS` (fractions dropped). */
function parseDuration(text: string | undefined | null): number | null {
  if (!text) return null;
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  const seconds = parts.reduce((total, p) => total * 60 + Number.parseFloat(p), 0);
  return Number.isFinite(seconds) ? Math.round(seconds) : null;
}

/** The widest candidate of a podcast:images `srcset` ("url 1500w, url 600w"), else its first. */
export function widestSrcsetUrl(srcset: string | undefined): string | undefined {
  let best: { url: string; width: number } | undefined;
  for (const candidate of (srcset ?? '').split(',')) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const width = /^\d+w$/.test(descriptor ?? '') ? Number.parseInt(descriptor as string, 10) : 0;
    if (!best || width > best.width) best = { url, width };
  }
  return best?.url;
}

/** The first podcast:source of a podcast:alternateEnclosure, as an enclosure of its type. */
function alternateEnclosureSource(el: XmlElement): { url: string | undefined; type: string | undefined; length: string | undefined } | null {
  for (const child of el.children) {
    if (typeof child !== 'string' && child.name === 'podcast:source' && child.attrs.uri) return { url: child.attrs.uri, type: el.attrs.type, length: el.attrs.length };
  }
  return null;
}

/** Collects what the extension namespaces say about an entry. */
export function readEntryExtensions(entry: XmlElement): EntryExtensions {
  const out: EntryExtensions = { enclosures: [], thumbnail: null, mediaDescription: null, durationSeconds: null, categories: [], videoId: null };
  const thumbnails: Thumbnail[] = [];
  const images: Thumbnail[] = [];
  const alternates: XmlElement[] = [];
  const seen = new Set<string>();
  const addEnclosure = (url: string | undefined, type: string | undefined, length: string | undefined, base: string | null): void => {
    const href = cleanUrl(url, base);
    if (!href || seen.has(href)) return;
    seen.add(href);
    out.enclosures.push({ url: href, type: type?.trim() || null, length: toInt(length) });
  };
  const addCategory = (value: string | undefined): void => {
    const text = value == null ? '' : cleanText(value);
    if (text && !out.categories.includes(text)) out.categories.push(text);
  };

  const visitMedia = (el: XmlElement): void => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      const a = child.attrs;
      switch (child.name) {
        case 'media:group':
          visitMedia(child);
          break;
        case 'media:content': {
          const type = a.type?.toLowerCase() ?? '';
          const medium = a.medium?.toLowerCase() ?? '';
          // The Guardian gives neither type nor medium: then an image file's extension says it
          if (medium === 'image' || type.startsWith('image/') || (!medium && !type && IMAGE_PATH.test(a.url?.split(/[?#]/)[0]?.trim() ?? ''))) {
            const url = cleanUrl(a.url, child.base);
            if (url && !GRAVATAR.test(url)) images.push({ url, width: toInt(a.width), height: toInt(a.height) });
          } else if (a.url && (medium === 'audio' || medium === 'video' || type.startsWith('audio/') || type.startsWith('video/'))) {
            addEnclosure(a.url, a.type, a.filesize, child.base);
          }
          out.durationSeconds ??= parseDuration(a.duration);
          visitMedia(child);
          break;
        }
        case 'media:thumbnail': {
          const url = cleanUrl(a.url, child.base);
          if (url) thumbnails.push({ url, width: toInt(a.width), height: toInt(a.height) });
          break;
        }
        case 'media:description':
          if (out.mediaDescription === null) {
            const raw = textOf(child);
            const text = a.type === 'html' ? htmlToPlainText(raw) : cleanText(raw);
            out.mediaDescription = text || null;
          }
          break;
      }
    }
  };
  visitMedia(entry);

  for (const child of entry.children) {
    if (typeof child === 'string') continue;
    const a = child.attrs;
    switch (child.name) {
      case 'enclosure':
        addEnclosure(a.url ?? a.href, a.type, a.length, child.base);
        break;
      case 'atom:link':
        if ((a.rel ?? '').toLowerCase() === 'enclosure') addEnclosure(a.href, a.type, a.length, child.base);
        break;
      case 'itunes:image':
      case 'googleplay:image': {
        const url = cleanUrl(a.href ?? a.url, child.base);
        if (url) images.push({ url, width: null, height: null });
        break;
      }
      case 'podcast:images':
      case 'podcast:image': {
        const url = cleanUrl(child.name === 'podcast:images' ? widestSrcsetUrl(a.srcset) : a.href, child.base);
        if (url) images.push({ url, width: toInt(a.width), height: toInt(a.height) });
        break;
      }
      case 'podcast:alternateenclosure':
        alternates.push(child);
        break;
      case 'itunes:duration':
        out.durationSeconds ??= parseDuration(textOf(child));
        break;
      case 'yt:videoid':
        out.videoId = cleanText(textOf(child)) || null;
        break;
      case 'category':
      case 'dc:subject':
        addCategory(textOf(child));
        break;
      case 'atom:category':
        addCategory(a.label || a.term);
        break;
      case 'media:category':
        addCategory(textOf(child));
        break;
      case 'itunes:category':
        addCategory(a.text);
        for (const sub of child.children) if (typeof sub !== 'string' && sub.name === 'itunes:category') addCategory(sub.attrs.text);
        break;
    }
  }
  if (out.enclosures.length === 0) {
    for (const alternate of alternates) {
      const source = alternateEnclosureSource(alternate);
      if (source) addEnclosure(source.url, source.type, source.length, alternate.base);
      if (out.enclosures.length > 0) break;
    }
  }
  const imageEnclosure = out.enclosures.find((e) => e.type?.startsWith('image/'));
  out.thumbnail = thumbnails[0] ?? images[0]
    ?? (imageEnclosure ? { url: imageEnclosure.url, width: null, height: null } : null)
    ?? (out.videoId ? { url: `https://i.ytimg.com/vi/${encodeURIComponent(out.videoId)}/hqdefault.jpg`, width: 480, height: 360 } : null);
  return out;
}
