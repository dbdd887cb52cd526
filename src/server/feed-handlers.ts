/**
 * @module server/feed-handlers
 * The output feeds and the OPML list, rendered on request from the first river page. They are
 * readable cross-origin (web-based feed readers fetch them from the browser) and carry ETags
 * (from the app's etag middleware) so polling readers get 304s: no document may change with the
 * clock alone, so the OPML list is dated by its newest subscription rather than the request.
 */
import type { Context } from 'hono';
import type { RiverSource, SiteOptions } from '../publish/index.js';
import { atomFeed, jsonFeed, opmlDocument, rssFeed } from '../publish/index.js';

const feedCacheControl = 'public, max-age=300';

/** Handlers for `/atom.xml`, `/rss.xml`, `/feed.json` and `/opml.xml`. */
export function createFeedHandlers(source: RiverSource, site: SiteOptions, now: () => Date) {
  const latest = async () => (await source.river({ page: 1, pageSize: site.pageSize })).items;
  const send = (c: Context, body: string, type: string) =>
    c.body(body, 200, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': feedCacheControl,
      'Access-Control-Allow-Origin': '*',
    });
  return {
    atom: async (c: Context) => send(c, atomFeed(await latest(), site, now()), 'application/atom+xml'),
    rss: async (c: Context) => send(c, rssFeed(await latest(), site, now()), 'application/rss+xml'),
    json: async (c: Context) => send(c, jsonFeed(await latest(), site, now()), 'application/feed+json'),
    opml: async (c: Context) => {
      const feeds = await source.listFeeds();
      const newest = feeds.length === 0 ? now() : new Date(feeds.reduce((time, feed) => Math.max(time, feed.createdAt), 0));
      return send(c, opmlDocument(feeds, site, newest), 'text/x-opml');
    },
  };
}
