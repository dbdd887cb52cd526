// Test fixtures for the server: an in-memory RiverSource over a plain array of river items.
import type { FeedSummary, RiverItem } from '../../model/index.js';
import type { RiverQuery, RiverSource, SiteOptions } from '../../publish/index.js';

export const site: SiteOptions = {
  title: 'Planet Test',
  tagline: 'The collective thoughts of the interwebz',
  baseUrl: null,
  pageSize: 2,
  attribution: 'Post Syndicated from {author} original {link}',
  theme: null,
  failingAfterHours: 24,
  embedVideos: false,
  excerpts: false,
};

export function makeFeed(id: number, title: string | null): FeedSummary {
  return {
    id, url: `https://feeds.example/${id}.xml`, title, siteUrl: `https://site${id}.example/`, etag: null, lastModified: null,
    lastStatus: 'ok', httpStatus: 200, errorCode: null, errorMessage: null, lastAttemptAt: 0, lastSuccessAt: 0,
    consecutiveFailures: 0, nextPollAt: 0, disabled: false, disabledReason: null, createdAt: 0, entryCount: 0,
  };
}

export function makeItem(id: number, feed: FeedSummary, title: string): RiverItem {
  const published = Date.UTC(2022, 4, 3, 12) - id * 60_000;
  return {
    id, feedId: feed.id, guid: `https://site${feed.id}.example/${id}`, link: `https://site${feed.id}.example/${id}`, title,
    author: null, published, updated: null, content: `<p>Body of ${title}</p>`, summary: null, categories: [], enclosures: [],
    thumbnail: null, mediaDescription: null, durationSeconds: null, contentHash: String(id), firstSeenAt: published, sortAt: published,
    feedTitle: feed.title, feedUrl: feed.url, feedSiteUrl: feed.siteUrl,
  };
}

/** Pages `items` (already newest first) the way the store does; search matches titles. */
export function createMemorySource(items: RiverItem[], feeds: FeedSummary[]): RiverSource {
  return {
    async river({ page, pageSize, feedId, search }: RiverQuery) {
      const matching = items.filter((item) => (feedId === undefined || item.feedId === feedId) && (!search || item.title?.toLowerCase().includes(search.toLowerCase())));
      return { page, pages: Math.max(1, Math.ceil(matching.length / pageSize)), total: matching.length, items: matching.slice((page - 1) * pageSize, page * pageSize) };
    },
    async listFeeds() {
      return feeds.map((feed) => ({ ...feed, entryCount: items.filter((item) => item.feedId === feed.id).length }));
    },
  };
}
