/**
 * @module publish/river-source
 * The narrow view of the store that publishing needs: a page of the river and the list of
 * sources. The store satisfies it structurally, so every renderer can be tested with a plain
 * in-memory array and the static build and the web app share one data edge.
 */
import type { Config } from '../config/index.js';
import type { Feed, FeedSummary, RiverPage } from '../model/index.js';

/** The `site` section of the configuration. */
export type SiteOptions = Config['site'];

/** One river query: a 1-based page, optionally of one source or matching a search. */
export interface RiverQuery {
  page: number;
  pageSize: number;
  feedId?: number;
  search?: string;
}

/** What the publisher reads: river pages and the list of sources. */
export interface RiverSource {
  river(query: RiverQuery): Promise<RiverPage>;
  listFeeds(): Promise<FeedSummary[]>;
  /** Optional fast path for one source; `listFeeds` is searched when absent. */
  getFeed?(id: number): Promise<Feed | FeedSummary | null | undefined>;
}
