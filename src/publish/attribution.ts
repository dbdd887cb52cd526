/**
 * @module publish/attribution
 * The attribution line under every title ("Post Syndicated from {author} original {link}").
 * It is split into parts so the HTML pages can make `{link}` a hyperlink while the text and JSON
 * outputs print the same words; an empty placeholder collapses with its surrounding spaces.
 */
import type { RiverItem } from '../model/index.js';

/** A piece of an attribution line: plain words, or the item's link. */
export type AttributionPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const placeholder = /\{(author|link|source|title)\}/g;

/** Splits the attribution template into text and link parts for `item`, whitespace collapsed. */
export function attributionParts(template: string, item: RiverItem): AttributionPart[] {
  const values = {
    author: item.author?.trim() ?? '',
    link: item.link?.trim() ?? '',
    source: item.feedTitle?.trim() ?? '',
    title: item.title?.trim() ?? '',
  };
  const parts: AttributionPart[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    text += template.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1] as keyof typeof values;
    if (name === 'link' && values.link !== '') {
      parts.push({ kind: 'text', text });
      parts.push({ kind: 'link', href: values.link });
      text = '';
    } else {
      text += values[name];
    }
  }
  parts.push({ kind: 'text', text: text + template.slice(last) });
  return collapseParts(parts);
}

/** The attribution line as plain text: placeholders filled, empty ones collapsed, trimmed. */
export function attributionLine(template: string, item: RiverItem): string {
  return attributionParts(template, item)
    .map((part) => (part.kind === 'text' ? part.text : part.href))
    .join('');
}

/** Collapses whitespace runs across part boundaries, trims both ends and drops empty text. */
function collapseParts(parts: AttributionPart[]): AttributionPart[] {
  const result: AttributionPart[] = [];
  let pendingSpace = false;
  for (const part of parts) {
    if (part.kind === 'link') {
      if (pendingSpace && result.length > 0) result.push({ kind: 'text', text: ' ' });
      pendingSpace = false;
      result.push(part);
      continue;
    }
    const collapsed = part.text.replace(/\s+/g, ' ');
    const leading = collapsed.startsWith(' ');
    const core = collapsed.trim();
    if (core === '') {
      pendingSpace ||= collapsed !== '';
      continue;
    }
    const space = (pendingSpace || leading) && result.length > 0 ? ' ' : '';
    result.push({ kind: 'text', text: space + core });
    pendingSpace = collapsed.endsWith(' ');
  }
  return mergeText(result);
}

function mergeText(parts: AttributionPart[]): AttributionPart[] {
  const merged: AttributionPart[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (part.kind === 'text' && previous?.kind === 'text') previous.text += part.text;
    else merged.push(part);
  }
  return merged;
}
