import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../parse/index.js';
import { htmlToText, sanitizeEntryHtml } from './index.js';

const dir = fileURLToPath(new URL('../../../shared/seed-river/', import.meta.url));

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
    const feed = parseFeed(readFileSync(`${dir}${file}`));
    const entry = feed.entries.find((candidate) => candidate.link === link);
    expect(entry, `no entry with link ${link} in ${file}`).toBeDefined();
    const cleaned = sanitizeEntryHtml(entry!.content ?? entry!.summary ?? '', { baseUrl: entry!.baseUrl ?? link });
    const text = htmlToText(cleaned, { images: 'omit' }).replace(/\s+/g, ' ').trim();
    if (hasText === 'no') expect(text).toBe('');
    else expect(text.startsWith(textStart), `text was: ${text.slice(0, 80)}`).toBe(true);
  });
});

// How seed 000 shows images: the alt text on a line of its own (emoji inline).
const altCases = [
  { file: 'cloudflare.rss', position: '3', start: 'Wildcard proxy for everyone\n\nWildcard proxy for everyone\n\nToday, I have the pleasure' },
  { file: 'bivol.rss', position: '7', start: 'понеделник 2 май 2022\n\nДайте да го караме в прав текст.' },
  { file: 'xkcd.atom', position: '18', start: '2' },
  { file: 'github-blog.rss', position: '8', contains: '📋 The importance of friendly fork management' },
];

describe.skipIf(!existsSync(dir))('seed river images as alt text (skipped: /work/shared/seed-river is absent)', () => {
  it.each(altCases)('item $position ($file) shows its images as seed 000 does', ({ file, position, start, contains }) => {
    const link = rows.find((row) => row.position === position)!.link;
    const entry = parseFeed(readFileSync(`${dir}${file}`)).entries.find((candidate) => candidate.link === link)!;
    const text = htmlToText(sanitizeEntryHtml(entry.content ?? entry.summary ?? '', { baseUrl: link }));
    if (start !== undefined) expect(text.startsWith(start), text.slice(0, 120)).toBe(true);
    if (contains !== undefined) expect(text).toContain(contains);
  });
});
