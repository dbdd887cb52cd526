/**
 * @module publish/river-text
 * The river for the command line: `river --format text` prints each item as title, attribution
 * and plain text separated by blank lines and ends with the site tagline, the exact shape of the
 * seed pages; `--format json` gives the same items as data.
 */
import type { RiverItem, RiverPage } from '../model/index.js';
import { attributionLine } from './attribution.js';
import { itemHtml, itemPublished, itemText, itemTitle } from './item-view.js';
import type { SiteOptions } from './river-source.js';

/** One item of `river --format json`. */
export interface RiverJsonItem {
  title: string;
  attribution: string;
  link: string | null;
  author: string | null;
  source: string | null;
  /** ISO 8601 UTC, or null when the source gave no date. */
  published: string | null;
  html: string;
  text: string;
}

/** The `river --format json` document. */
export interface RiverJson {
  page: number;
  pages: number;
  items: RiverJsonItem[];
}

// C0 controls, DEL and C1 controls would let a hostile feed drive the terminal (escape sequences;
// xterm, for one, reads U+009B as CSI and U+009D as OSC in UTF-8 too).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const terminalControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The page as plain text: per item title, blank, attribution, blank, text, blank; then the tagline. */
export function renderRiverText(page: RiverPage, site: SiteOptions): string {
  let out = '';
  for (const item of page.items) {
    const text = itemText(item).replace(/\r\n?/g, '\n');
    out += `${oneLine(itemTitle(item))}\n\n${oneLine(attributionLine(site.attribution, item))}\n\n`;
    out += text === '' ? '\n' : `${text}\n\n`;
  }
  out += `${oneLine(site.tagline)}\n`;
  return out.replace(terminalControls, '');
}

/** The page as data: title, attribution, link, author, source, published, html and text per item. */
export function renderRiverJson(page: RiverPage, site: SiteOptions): RiverJson {
  return {
    page: page.page,
    pages: page.pages,
    items: page.items.map((item: RiverItem) => ({
      title: itemTitle(item),
      attribution: attributionLine(site.attribution, item),
      link: item.link,
      author: item.author?.trim() || null,
      source: item.feedTitle,
      published: isoSeconds(itemPublished(item)),
      html: itemHtml(item, { embedVideos: site.embedVideos }),
      text: itemText(item),
    })),
  };
}

function isoSeconds(time: number | null): string | null {
  return time == null ? null : new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
