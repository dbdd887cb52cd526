import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeEntryHtml } from './index.js';

const dir = fileURLToPath(new URL('../../../shared/seed-river/', import.meta.url));

interface FeedItem {
  link: string | null;
  html: string | null;
}

/** Reads each item's link and body (content:encoded/content over description/summary) from a seed feed. */
function readItems(xml: string): FeedItem[] {
  const items: FeedItem[] = [];
  const fields = new Map<string, string>();
  let item: Map<string, string> | null = null;
  let depth = 0;
  let field: string | null = null;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'item' || name === 'entry') {
          item = fields;
          fields.clear();
          depth = 0;
          return;
        }
        if (item === null) return;
        depth++;
        if (depth === 1) {
          field = name;
          text = '';
          if (name === 'link' && attributes.href && (attributes.rel ?? 'alternate') === 'alternate') fields.set('link', attributes.href);
        }
      },
      ontext(data) {
        if (field !== null) text += data;
      },
      onclosetag(name) {
        if (item === null) return;
        if (name === 'item' || name === 'entry') {
          const body = fields.get('content:encoded') ?? fields.get('content') ?? fields.get('description') ?? fields.get('summary');
          items.push({ link: fields.get('link') ?? null, html: body ?? null });
          item = null;
          return;
        }
        if (depth === 1 && field !== null && !(field === 'link' && fields.has('link'))) fields.set(field, text.trim());
        if (depth === 1) field = null;
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return items;
}

const rows = existsSync(dir)
  ? readFileSync(`${dir}expected-river.tsv`, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([position, file, title, , link, , hasText, textStart]) => ({ position, file: file!, title, link: link!, hasText, textStart: textStart ?? '' }))
  : [];

describe.skipIf(!existsSync(dir))('seed river feeds (skipped: /work/shared/seed-river is absent)', () => {
  it.each(rows)('item $position ($file) cleans to text starting with its text_start', ({ file, link, hasText, textStart }) => {
    const items = readItems(readFileSync(`${dir}${file}`, 'utf8'));
    const item = items.find((candidate) => candidate.link === link);
    expect(item, `no item with link ${link} in ${file}`).toBeDefined();
    const cleaned = sanitizeEntryHtml(item!.html ?? '', { baseUrl: link });
    const text = htmlToText(cleaned, { images: 'omit' }).replace(/\s+/g, ' ').trim();
    if (hasText === 'no') expect(text).toBe('');
    else expect(text.startsWith(textStart), `text was: ${text.slice(0, 80)}`).toBe(true);
  });
});
