/**
 * @module publish/json-feed
 * The river as a JSON Feed 1.1 document (jsonfeed.org/version/1.1). JSON.stringify does the
 * escaping; characters XML would reject are still dropped so all three feeds carry the same text.
 */
import type { RiverItem } from '../model/index.js';
import { itemId, siteUrl, sourceTitle, stripInvalidXmlChars } from './feed-xml.js';
import { itemHtml, itemModified, itemPublished, itemTitle } from './item-view.js';
import type { SiteOptions } from './river-source.js';

/** Renders `items` (newest first) as a JSON Feed 1.1 document built at `now` (default: now). */
export function jsonFeed(items: RiverItem[], site: SiteOptions, now: Date = new Date()): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    description: site.tagline,
    home_page_url: siteUrl(site, ''),
    feed_url: siteUrl(site, 'feed.json'),
    items: items.map((item) => renderItem(item, now)),
  };
  return `${JSON.stringify(feed, (_key, value: unknown) => (typeof value === 'string' ? stripInvalidXmlChars(value) : value), 2)}\n`;
}

function renderItem(item: RiverItem, now: Date): Record<string, unknown> {
  const published = itemPublished(item);
  const modified = itemModified(item, now);
  return {
    id: itemId(item),
    url: item.link ?? undefined,
    title: itemTitle(item),
    content_html: itemHtml(item),
    image: item.thumbnail?.url,
    date_published: published == null ? undefined : new Date(published).toISOString(),
    date_modified: modified == null ? undefined : new Date(modified).toISOString(),
    authors: item.author?.trim() ? [{ name: item.author.trim() }] : undefined,
    tags: item.categories.length > 0 ? item.categories : undefined,
    attachments:
      item.enclosures.length > 0
        ? item.enclosures.map((enclosure) => ({
            url: enclosure.url,
            mime_type: enclosure.type ?? 'application/octet-stream',
            size_in_bytes: enclosure.length ?? undefined,
          }))
        : undefined,
    _source: { title: sourceTitle(item.feedTitle), feed_url: item.feedUrl, home_page_url: item.feedSiteUrl },
  };
}
