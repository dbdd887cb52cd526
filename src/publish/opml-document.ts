/**
 * @module publish/opml-document
 * The subscription list as OPML 2.0 (opml.org/spec2.opml, "subscription lists"): one
 * `<outline type="rss">` per source, which readers import as a blogroll.
 */
import type { FeedSummary } from '../model/index.js';
import { escapeXml, sourceTitle } from './feed-xml.js';
import type { SiteOptions } from './river-source.js';

/** Renders `feeds` as an OPML 2.0 subscription list created at `now`. */
export function opmlDocument(feeds: FeedSummary[], site: SiteOptions, now: Date): string {
  const outlines = feeds.map((feed) => {
    const title = escapeXml(sourceTitle(feed.title) ?? feed.url);
    const htmlUrl = feed.siteUrl ? ` htmlUrl="${escapeXml(feed.siteUrl)}"` : '';
    return `    <outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeXml(feed.url)}"${htmlUrl}/>`;
  });
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(site.title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
  ];
  return `${lines.join('\n')}\n`;
}
