/**
 * @module publish/item-card
 * The view of one river item for the templates: every string is plain text (the templates
 * escape it) except `html`, the sanitized body. In excerpt mode a long item is folded: a short
 * text lead stays visible and the full body waits behind `<details>`, which needs no script.
 * Code blocks and tables scroll sideways inside the column, so they are made keyboard-focusable
 * (`tabindex="0"`) as WCAG asks of scrollable regions: the stored HTML was written by the cleaner,
 * which escapes every `<` in text and attribute values, so a `<pre`/`<table` in it is always a tag.
 */
import type { RiverItem } from '../model/index.js';
import type { AttributionPart } from './attribution.js';
import { attributionParts } from './attribution.js';
import { externalRel, itemDate, itemHtml, itemText, itemTitle } from './item-view.js';
import type { SiteOptions } from './river-source.js';
import { sourcePath } from './source-path.js';

/** One item as the templates see it. */
export interface ItemCard {
  title: string;
  link: string | null;
  author: string | null;
  attribution: AttributionPart[];
  html: string;
  /** The item's categories, at most `maxTags`. */
  tags: string[];
  /** The visible lead of a folded item; null when the item is shown in full. */
  excerpt: string | null;
  date: { iso: string; label: string };
  source: { title: string; href: string; initial: string; hue: number; siteUrl: string | null };
  rel: string;
}

const maxTags = 6;
const excerptThreshold = 600;
const excerptLength = 280;
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Builds the template view of `item` on a page whose way back to the root is `root`. */
export function createItemCard(item: RiverItem, site: SiteOptions, root: string): ItemCard {
  const date = itemDate(item);
  const sourceTitle = item.feedTitle?.trim() || hostOf(item.feedSiteUrl ?? item.feedUrl);
  const html = focusableScrollers(itemHtml(item, { embedVideos: site.embedVideos }));
  return {
    title: itemTitle(item),
    link: item.link,
    author: item.author?.trim() || null,
    attribution: attributionParts(site.attribution, item),
    html,
    tags: [...new Set(item.categories.map((tag) => tag.trim()).filter((tag) => tag !== ''))].slice(0, maxTags),
    excerpt: site.excerpts ? excerptOf(itemText(item)) : null,
    date: { iso: date.toISOString(), label: `${dateFormat.format(date)} UTC` },
    source: {
      title: sourceTitle,
      href: root + sourcePath({ id: item.feedId, title: item.feedTitle }),
      initial: initialOf(sourceTitle),
      hue: item.feedId % 12,
      siteUrl: item.feedSiteUrl,
    },
    rel: externalRel,
  };
}

/** Gives every `<pre>` and `<table>` of cleaned HTML `tabindex="0"`, so keyboard users can scroll them. */
export function focusableScrollers(html: string): string {
  return html.replace(/<(pre|table)(?=[\s>])/g, '<$1 tabindex="0"');
}

/** The first letter of a title, for the source badge. */
export function initialOf(title: string): string {
  const letter = /\p{L}|\p{N}/u.exec(title)?.[0] ?? '•';
  return letter.toLocaleUpperCase();
}

/** The host name of a URL, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function excerptOf(text: string): string | null {
  if (text.length <= excerptThreshold) return null;
  const flat = text.replace(/\s+/g, ' ');
  const cut = flat.lastIndexOf(' ', excerptLength);
  return `${flat.slice(0, cut > 0 ? cut : excerptLength)} …`;
}
