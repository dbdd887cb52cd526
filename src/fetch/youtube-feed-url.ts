/**
 * @module fetch/youtube-feed-url
 * YouTube pages have feeds at https://www.youtube.com/feeds/videos.xml, keyed by channel id, user
 * name or playlist id. Channel, user and playlist URLs map to them directly; a handle (/@name) or
 * custom URL (/c/name) needs the channel id, read from the page by `findYoutubeChannelId`.
 */

const feedBase = 'https://www.youtube.com/feeds/videos.xml';
const youtubeHosts = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com']);
const channelIdPattern = /^UC[\w-]{22}$/;

/** True for the hosts YouTube serves channel pages from. */
export function isYoutubeUrl(url: string): boolean {
  try {
    return youtubeHosts.has(new URL(url).hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * The feed URL for a YouTube channel (/channel/UC…), user (/user/name) or playlist (?list=) URL;
 * null for other URLs, including handles, which need the page (see `findYoutubeChannelId`).
 */
export function youtubeFeedUrl(url: string): string | null {
  if (!isYoutubeUrl(url)) return null;
  const parsed = new URL(url);
  const [first, second] = parsed.pathname.split('/').filter((part) => part !== '');
  if (first === 'feeds') return null;
  const list = parsed.searchParams.get('list');
  // Mixes (RD…) and the signed-in user's lists (LL, WL, UL…) have no public feed.
  if (list && /^[\w-]{12,}$/.test(list) && !/^(RD|UL)/.test(list) && (first === 'playlist' || first === 'watch')) {
    return `${feedBase}?playlist_id=${list}`;
  }
  if (first === 'channel' && second && channelIdPattern.test(second)) return `${feedBase}?channel_id=${second}`;
  if (first === 'user' && second && /^[\w.-]+$/.test(second)) return `${feedBase}?user=${second}`;
  return null;
}

/** The feed URL for a channel id. */
export function youtubeChannelFeedUrl(channelId: string): string {
  return `${feedBase}?channel_id=${channelId}`;
}

/**
 * Finds the channel id in a YouTube channel page: the canonical link, then the
 * `<meta itemprop="identifier|channelId">`, then the first `"channelId"`/`"externalId"` in the
 * page's JSON (the canonical comes first because the JSON also names recommended channels).
 */
export function findYoutubeChannelId(html: string, canonicalUrl: string | null, metaIds: readonly string[]): string | null {
  const fromCanonical = canonicalUrl ? /\/channel\/(UC[\w-]{22})(?:[/?#]|$)/.exec(canonicalUrl)?.[1] : undefined;
  if (fromCanonical) return fromCanonical;
  const fromMeta = metaIds.find((id) => channelIdPattern.test(id));
  if (fromMeta) return fromMeta;
  return /"(?:externalId|channelId)"\s*:\s*"(UC[\w-]{22})"/.exec(html)?.[1] ?? null;
}
