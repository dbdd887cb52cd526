/**
 * @module publish/rss-feed
 * The river as an RSS 2.0 feed (RSS 2.0 specification, rssboard.org). The item HTML goes
 * entity-escaped into `<description>` (no CDATA, so a `]]>` in a post cannot end it early);
 * each item names its origin with the standard `<source url>` element.
 */
import type { RiverItem } from '../model/index.js';
import { escapeXml, itemId, newestUpdate, siteUrl, sourceTitle } from './feed-xml.js';
import { itemHtml, itemPublished, itemTitle } from './item-view.js';
import type { SiteOptions } from './river-source.js';

/**
 * Renders `items` (newest first) as an RSS 2.0 document built at `now`. `lastBuildDate` is, as
 * the specification defines it, the last time the channel's content changed (like Atom's
 * `<updated>`), not `now`: a document that changed every second would never answer a poll 304.
 */
export function rssFeed(items: RiverItem[], site: SiteOptions, now: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(site.title)}</title>`,
    `    <link>${escapeXml(siteUrl(site, ''))}</link>`,
    `    <description>${escapeXml(site.tagline)}</description>`,
    `    <lastBuildDate>${newestUpdate(items, now).toUTCString()}</lastBuildDate>`,
    '    <generator>tributary</generator>',
    `    <atom:link rel="self" type="application/rss+xml" href="${escapeXml(siteUrl(site, 'rss.xml'))}"/>`,
    ...items.map(renderItem),
    '  </channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}

function renderItem(item: RiverItem): string {
  const id = itemId(item);
  const permalink = item.link != null && id === item.link;
  const lines = ['    <item>', `      <title>${escapeXml(itemTitle(item))}</title>`];
  if (item.link) lines.push(`      <link>${escapeXml(item.link)}</link>`);
  lines.push(`      <guid isPermaLink="${permalink}">${escapeXml(id)}</guid>`);
  const published = itemPublished(item);
  if (published != null) lines.push(`      <pubDate>${new Date(published).toUTCString()}</pubDate>`);
  if (item.author?.trim()) lines.push(`      <dc:creator>${escapeXml(item.author.trim())}</dc:creator>`);
  for (const category of item.categories) lines.push(`      <category>${escapeXml(category)}</category>`);
  // RSS 2.0 makes url, length and type all required on <enclosure>; 0 means "unknown".
  for (const enclosure of item.enclosures.slice(0, 1)) {
    lines.push(
      `      <enclosure url="${escapeXml(enclosure.url)}" length="${enclosure.length ?? 0}" type="${escapeXml(enclosure.type ?? 'application/octet-stream')}"/>`,
    );
  }
  lines.push(`      <source url="${escapeXml(item.feedUrl)}">${escapeXml(sourceTitle(item.feedTitle) ?? item.feedUrl)}</source>`);
  lines.push(`      <description>${escapeXml(itemHtml(item))}</description>`);
  lines.push('    </item>');
  return lines.join('\n');
}
