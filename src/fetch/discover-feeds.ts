/**
 * @module fetch/discover-feeds
 * Turns what a user pastes into `tributary add` (a feed, a blog's home page, a YouTube channel)
 * into feed URLs: YouTube URLs map straight to their feeds; a URL that is a feed is kept; a page
 * gives the feeds it advertises, and when it advertises none the usual feed paths of its site are
 * tried. Candidates are sniffed, not parsed: the parse stage stays out of the fetch stage.
 */
import { TributaryError, redactUrl } from '../model/index.js';
import { readPageLinks } from './read-page-links.js';
import { isHtmlDocument, sniffFeedKind } from './sniff-feed.js';
import type { SniffedFeedKind } from './sniff-feed.js';
import type { Fetcher } from './types.js';
import { findYoutubeChannelId, isYoutubeUrl, youtubeChannelFeedUrl, youtubeFeedUrl } from './youtube-feed-url.js';

/** Paths tried, in this order, on a site whose page advertises no feed. */
export const commonFeedPaths = ['/feed', '/rss', '/atom.xml', '/feed.xml', '/index.xml', '/rss.xml', '/feed.json'] as const;

export interface DiscoveredFeed {
  url: string;
  /** The title the page gave the link, if any. */
  title: string | null;
  /** The declared MIME type, or the one matching the sniffed document. */
  type: string | null;
  /** How it was found: the URL itself, a YouTube mapping, a page's link, or a guessed path. */
  via: 'feed' | 'youtube' | 'link' | 'common-path';
}

const mimeByKind: Record<SniffedFeedKind, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  rdf: 'application/rdf+xml',
  json: 'application/feed+json',
};

/**
 * Finds the feeds behind `url` with `fetcher`; throws PARSE_NOT_A_FEED when the URL is neither a
 * feed nor a page with one, and the fetcher's own errors when the URL itself cannot be fetched.
 */
export async function discoverFeeds(fetcher: Fetcher, url: string): Promise<DiscoveredFeed[]> {
  const youtube = youtubeFeedUrl(url);
  if (youtube) return [{ url: youtube, title: null, type: 'application/atom+xml', via: 'youtube' }];

  const result = await fetcher.fetchFeed({ url });
  const body = result.kind === 'ok' ? result.body : Buffer.alloc(0);
  const contentType = result.kind === 'ok' ? result.contentType : null;
  const kind = sniffFeedKind(body);
  if (kind) return [{ url: result.permanentUrl ?? result.requestedUrl, title: null, type: mimeByKind[kind], via: 'feed' }];
  if (!isHtmlDocument(body, contentType)) {
    throw new TributaryError('PARSE_NOT_A_FEED', `${redactUrl(url)} is neither a feed nor a web page (${contentType ?? 'no content type'})`, { url });
  }

  const html = new TextDecoder().decode(body);
  const page = readPageLinks(html, result.finalUrl);
  const found: DiscoveredFeed[] = [];
  if (isYoutubeUrl(result.finalUrl)) {
    const channelId = findYoutubeChannelId(html, page.canonicalUrl, page.metaIds);
    if (channelId) found.push({ url: youtubeChannelFeedUrl(channelId), title: null, type: 'application/atom+xml', via: 'youtube' });
  }
  for (const feed of page.feeds) {
    if (!found.some((known) => known.url === feed.url)) found.push({ ...feed, via: 'link' });
  }
  if (found.length > 0) return found;

  const guessed = await tryCommonPaths(fetcher, result.finalUrl);
  if (guessed) return [guessed];
  throw new TributaryError(
    'PARSE_NOT_A_FEED',
    `${redactUrl(url)} is a web page that links to no feed (no <link rel="alternate">, none of ${commonFeedPaths.join(' ')} on its site)`,
    { url },
  );
}

/** Fetches the common feed paths on the site of `pageUrl` one by one; the first that sniffs as a feed wins. */
async function tryCommonPaths(fetcher: Fetcher, pageUrl: string): Promise<DiscoveredFeed | null> {
  for (const path of commonFeedPaths) {
    const candidate = new URL(path, pageUrl).toString();
    try {
      const result = await fetcher.fetchFeed({ url: candidate });
      const kind = result.kind === 'ok' ? sniffFeedKind(result.body) : null;
      if (kind) return { url: result.permanentUrl ?? candidate, title: null, type: mimeByKind[kind], via: 'common-path' };
    } catch (error) {
      // A guess that fails (404, refused, too large) is just a wrong guess.
      if (!(error instanceof TributaryError)) throw error;
    }
  }
  return null;
}
