/**
 * @module fetch
 * The fetch stage: a conditional GET of a feed URL with redirects, timeouts, size limits,
 * decompression, per-host politeness and SSRF protection (failures are typed TributaryErrors), and
 * feed discovery for `tributary add`.
 */
export { createFetcher } from './fetcher.js';
export { conditionalHeaders } from './conditional-headers.js';
export { parseRetryAfter } from './retry-after.js';
export { defaultUserAgent } from './user-agent.js';
export type { BodySink, FetcherOptions, FetchRequest, FetchResult, FetchMeta, FetchOk, FetchNotModified, Fetcher } from './types.js';
export { discoverFeeds } from './discover-feeds.js';
export type { DiscoveredFeed } from './discover-feeds.js';
export { youtubeFeedUrl } from './youtube-feed-url.js';
