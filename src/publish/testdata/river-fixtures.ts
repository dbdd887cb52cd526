// Test fixtures for publish: river items built from a few fields, and an in-memory RiverSource.
import type { FeedSummary, RiverItem, RiverPage } from '../../model/index.js';
import type { RiverQuery, RiverSource, SiteOptions } from '../river-source.js';

export const site: SiteOptions = {
  title: 'Planet Test',
  tagline: 'The collective thoughts of the interwebz',
  baseUrl: 'https://planet.example/',
  pageSize: 3,
  attribution: 'Post Syndicated from {author} original {link}',
  theme: null,
  failingAfterHours: 24,
  embedVideos: false,
  excerpts: false,
};

let nextId = 1;

/**
 * A river item with sensible defaults; `overrides` sets what the test is about. Like the store,
 * it sorts at its published date, so a test that only changes the date gets a consistent item.
 */
export function makeItem(overrides: Partial<RiverItem> = {}): RiverItem {
  const id = nextId++;
  const published = overrides.published ?? Date.UTC(2022, 4, 3, 15, 7, 42) - id * 3_600_000;
  return {
    id,
    feedId: 1,
    guid: `https://lwn.net/Articles/${id}/`,
    link: `https://lwn.net/Articles/${id}/`,
    title: `Item ${id}`,
    author: null,
    published,
    updated: null,
    content: `<p>Text of item ${id}.</p>`,
    summary: null,
    categories: [],
    enclosures: [],
    thumbnail: null,
    mediaDescription: null,
    durationSeconds: null,
    contentHash: `hash-${id}`,
    firstSeenAt: published,
    sortAt: published,
    feedTitle: 'LWN.net',
    feedUrl: 'https://lwn.net/headlines/newrss',
    feedSiteUrl: 'https://lwn.net/',
    ...overrides,
  };
}

/** A subscription summary with defaults. */
export function makeFeed(overrides: Partial<FeedSummary> = {}): FeedSummary {
  return {
    id: 1,
    url: 'https://lwn.net/headlines/newrss',
    title: 'LWN.net',
    siteUrl: 'https://lwn.net/',
    etag: null,
    lastModified: null,
    lastStatus: 'ok',
    httpStatus: 200,
    errorCode: null,
    errorMessage: null,
    lastAttemptAt: Date.UTC(2022, 4, 3, 16),
    lastSuccessAt: Date.UTC(2022, 4, 3, 16),
    consecutiveFailures: 0,
    nextPollAt: Date.UTC(2022, 4, 3, 17),
    disabled: false,
    disabledReason: null,
    createdAt: Date.UTC(2022, 4, 1),
    entryCount: 0,
    ...overrides,
  };
}

/** A page of `items` as the store would cut it. */
export function pageOf(items: RiverItem[], page = 1, pageSize = items.length || 1): RiverPage {
  return {
    page,
    pages: Math.ceil(items.length / pageSize),
    total: items.length,
    items: items.slice((page - 1) * pageSize, page * pageSize),
  };
}

/** An in-memory RiverSource over a plain array (already newest first), for rendering tests. */
export function createMemorySource(items: RiverItem[], feeds: FeedSummary[]): RiverSource {
  return {
    async river(query: RiverQuery) {
      const needle = query.search?.toLowerCase();
      const matching = items.filter(
        (item) =>
          (query.feedId === undefined || item.feedId === query.feedId) &&
          (needle === undefined || `${item.title} ${item.content}`.toLowerCase().includes(needle)),
      );
      return pageOf(matching, query.page, query.pageSize);
    },
    async listFeeds() {
      return feeds.map((feed) => ({ ...feed, entryCount: items.filter((item) => item.feedId === feed.id).length }));
    },
  };
}
