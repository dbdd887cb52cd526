/**
 * @module publish/item-view
 * What one river item shows: its title, its date, its plain text and its display HTML. The HTML
 * was sanitized when it was stored, so it is inserted as is; only what is built here from plain
 * fields (media cards, audio players) is escaped. Media items (YouTube videos, podcasts) carry
 * no body, so they are given one from their thumbnail or enclosure.
 */
import { escapeUTF8 } from 'entities';
import { captionTitledImages, htmlToText } from '../clean/index.js';
import type { Enclosure, RiverItem } from '../model/index.js';

/** External links leave the site without referrer and without lending it any ranking. */
export const externalRel = 'noopener noreferrer nofollow ugc';

/** The item's title as plain text, falling back to its link for untitled entries. */
export function itemTitle(item: RiverItem): string {
  return item.title?.trim() || item.link || 'Untitled';
}

/**
 * The item's publication date as the river trusts it, or null when the source gave none. A date
 * the store found in the future when it first saw the item (`sortAt` is then that first sight,
 * store/sort-time.ts) is replaced by that moment, so a post dated 9999 is neither shown nor
 * passed on in the output feeds with a date that would keep it at the top of other readers.
 */
export function itemPublished(item: RiverItem): number | null {
  return item.published != null && item.published > item.sortAt ? item.sortAt : item.published;
}

/** The moment the item is dated by: its publication date, else when the river placed it. */
export function itemDate(item: RiverItem): Date {
  return new Date(itemPublished(item) ?? item.sortAt);
}

/** The item's update date, or null when it has none or claims one later than `now` (no change has happened then yet). */
export function itemModified(item: RiverItem, now: Date): number | null {
  return item.updated != null && item.updated <= now.getTime() ? item.updated : null;
}

/**
 * The plain text of what the item shows: '' when its HTML has no text once images are ignored
 * (a comic, a video), otherwise paragraphs separated by blank lines with images as alt text.
 * A media item without body shows its media description.
 */
export function itemText(item: RiverItem): string {
  const body = itemBody(item);
  if (hasText(body)) return htmlToText(body, { images: 'alt' }).trim();
  if (body === '' && item.mediaDescription?.trim()) return item.mediaDescription.trim();
  return '';
}

/**
 * The item's display HTML: its sanitized content (or summary) with titled images captioned; a
 * thumbnail card linking to the video for media items without body (the youtube-nocookie player
 * instead when `embedVideos` is set); an audio or video player
 * for podcast-style enclosures; '' for an item with only a title.
 */
export function itemHtml(item: RiverItem, options: ItemHtmlOptions = {}): string {
  const body = itemBody(item);
  const parts: string[] = [];
  const embedId = options.embedVideos && body === '' ? youtubeVideoId(item.link) : null;
  if (body !== '') parts.push(captionTitledImages(body));
  else if (embedId) parts.push(renderVideoEmbed(item, embedId));
  else if (item.thumbnail) parts.push(renderMediaCard(item));
  if (body === '' && item.mediaDescription?.trim()) parts.push(renderParagraphs(item.mediaDescription));
  for (const enclosure of item.enclosures) {
    if (body.includes(enclosure.url)) continue;
    const player = renderPlayer(enclosure);
    if (player) parts.push(player);
  }
  return parts.join('\n');
}

export interface ItemHtmlOptions {
  /** Play YouTube videos in the page (youtube-nocookie.com player) instead of linking to them; default false. */
  embedVideos?: boolean;
}

/** The video id of a YouTube watch, short or embed link, or null. */
export function youtubeVideoId(link: string | null): string | null {
  let url: URL;
  try {
    url = new URL(link ?? '');
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  const id = host === 'youtu.be' ? url.pathname.slice(1)
    : host === 'youtube.com' && url.pathname === '/watch' ? url.searchParams.get('v')
    : host === 'youtube.com' || host === 'youtube-nocookie.com' ? /^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname)?.[1] ?? null
    : null;
  return id && /^[\w-]{6,20}$/.test(id) ? id : null;
}

/** The privacy-friendly YouTube player (no cookies until play), with the channel line under it. */
function renderVideoEmbed(item: RiverItem, id: string): string {
  const title = escapeUTF8(itemTitle(item));
  const player = `<div class="media-embed"><iframe src="https://www.youtube-nocookie.com/embed/${id}" title="${title}" width="560" height="315" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen></iframe></div>`;
  const channel = item.author?.trim() || item.feedTitle?.trim();
  const length = item.durationSeconds ? ` · ${formatDuration(item.durationSeconds)}` : '';
  return `<figure class="media">${player}<figcaption class="media-channel">Video${channel ? ` by ${escapeUTF8(channel)}` : ''} on YouTube${length}</figcaption></figure>`;
}

function itemBody(item: RiverItem): string {
  const body = item.content ?? item.summary ?? '';
  return body.trim() === '' ? '' : body;
}

function hasText(html: string): boolean {
  return html !== '' && htmlToText(html, { images: 'omit' }).trim() !== '';
}

function renderMediaCard(item: RiverItem): string {
  const thumbnail = item.thumbnail!;
  const video = isVideo(item);
  const size = thumbnail.width && thumbnail.height ? ` width="${thumbnail.width}" height="${thumbnail.height}"` : '';
  const label = `${video ? 'Play video' : 'Open'}: ${itemTitle(item)}`;
  const image = `<img src="${escapeUTF8(thumbnail.url)}" alt="${escapeUTF8(label)}"${size} loading="lazy" decoding="async" referrerpolicy="no-referrer">`;
  const duration = item.durationSeconds ? `<span class="media-duration">${formatDuration(item.durationSeconds)}</span>` : '';
  const overlay = video ? '<span class="media-play" aria-hidden="true"></span>' : '';
  const inner = `${image}${overlay}${duration}`;
  const card = item.link
    ? `<a class="media-card${video ? ' media-video' : ''}" href="${escapeUTF8(item.link)}" rel="${externalRel}">${inner}</a>`
    : `<div class="media-card">${inner}</div>`;
  const channel = item.author?.trim() || item.feedTitle?.trim();
  if (!video || !channel) return card;
  const where = videoSiteOf(item.link);
  const length = item.durationSeconds ? ` · ${formatDuration(item.durationSeconds)}` : '';
  return `<figure class="media">${card}<figcaption class="media-channel">Video by ${escapeUTF8(channel)}${where ? ` on ${where}` : ''}${length}</figcaption></figure>`;
}

const videoSites: Record<string, string> = {
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
  'youtube-nocookie.com': 'YouTube',
  'vimeo.com': 'Vimeo',
};

/** The video site's name for a link, or null for other hosts. */
function videoSiteOf(link: string | null): string | null {
  try {
    return videoSites[new URL(link ?? '').hostname.replace(/^www\.|^m\./, '')] ?? null;
  } catch {
    return null;
  }
}

function isVideo(item: RiverItem): boolean {
  if (item.durationSeconds) return true;
  if (item.enclosures.some((enclosure) => enclosure.type?.startsWith('video/'))) return true;
  return videoSiteOf(item.link) !== null;
}

function renderParagraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p class="media-description">${escapeUTF8(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function renderPlayer(enclosure: Enclosure): string | null {
  const kind = enclosure.type?.split('/')[0];
  if (kind !== 'audio' && kind !== 'video') return null;
  const url = escapeUTF8(enclosure.url);
  const size = enclosure.length ? `, ${formatBytes(enclosure.length)}` : '';
  const noun = kind === 'audio' ? 'audio' : 'video';
  return (
    `<figure class="enclosure enclosure-${kind}"><${kind} controls preload="none" src="${url}"></${kind}>` +
    `<figcaption><a href="${url}" rel="${externalRel}">Download the ${noun}${size}</a></figcaption></figure>`
  );
}

/** Seconds as h:mm:ss or m:ss. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
