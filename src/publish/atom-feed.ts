/**
 * @module publish/atom-feed
 * The river as an Atom 1.0 feed (RFC 4287). Each entry keeps its origin in `atom:source`
 * (§4.2.11) the way planet aggregators do, and its HTML travels escaped in
 * `<content type="html">` (§4.1.3), so no source markup can break the document.
 */
import type { RiverItem } from '../model/index.js';
import { escapeXml, itemId, itemUpdated, newestUpdate, siteId, siteUrl, sourceTitle } from './feed-xml.js';
import { itemHtml, itemPublished, itemTitle } from './item-view.js';
import type { SiteOptions } from './river-source.js';

/** Renders `items` (newest first) as an Atom 1.0 document; `now` dates an empty feed. */
export function atomFeed(items: RiverItem[], site: SiteOptions, now: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(site.title)}</title>`,
    `  <subtitle>${escapeXml(site.tagline)}</subtitle>`,
    `  <id>${escapeXml(siteId(site))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl(site, 'atom.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl(site, ''))}"/>`,
    `  <updated>${newestUpdate(items, now).toISOString()}</updated>`,
    `  <author><name>${escapeXml(site.title)}</name></author>`,
    '  <generator>tributary</generator>',
    ...items.map((item) => renderEntry(item, now)),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function renderEntry(item: RiverItem, now: Date): string {
  const lines = [
    '  <entry>',
    `    <title type="text">${escapeXml(itemTitle(item))}</title>`,
    `    <id>${escapeXml(itemId(item))}</id>`,
  ];
  if (item.link) lines.push(`    <link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>`);
  const published = itemPublished(item);
  if (published != null) lines.push(`    <published>${new Date(published).toISOString()}</published>`);
  lines.push(`    <updated>${itemUpdated(item, now).toISOString()}</updated>`);
  if (item.author?.trim()) lines.push(`    <author><name>${escapeXml(item.author.trim())}</name></author>`);
  for (const category of item.categories) lines.push(`    <category term="${escapeXml(category)}"/>`);
  for (const enclosure of item.enclosures) {
    const type = enclosure.type ? ` type="${escapeXml(enclosure.type)}"` : '';
    const length = enclosure.length ? ` length="${enclosure.length}"` : '';
    lines.push(`    <link rel="enclosure" href="${escapeXml(enclosure.url)}"${type}${length}/>`);
  }
  lines.push(`    <content type="html">${escapeXml(itemHtml(item))}</content>`);
  lines.push('    <source>');
  lines.push(`      <id>${escapeXml(item.feedUrl)}</id>`);
  const feedTitle = sourceTitle(item.feedTitle);
  if (feedTitle) lines.push(`      <title>${escapeXml(feedTitle)}</title>`);
  lines.push(`      <link rel="self" href="${escapeXml(item.feedUrl)}"/>`);
  if (item.feedSiteUrl) lines.push(`      <link rel="alternate" type="text/html" href="${escapeXml(item.feedSiteUrl)}"/>`);
  lines.push('    </source>');
  lines.push('  </entry>');
  return lines.join('\n');
}
