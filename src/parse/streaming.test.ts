/**
 * The fetcher hands bytes to the parser as they arrive, cut wherever the network and zlib cut
 * them: the result must not depend on where. Every fixture (and, when present, every real feed of
 * the shared corpus) parsed whole and in chunks of several sizes must give the same feed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedEntry } from '../model/feed.js';
import { createFeedParser, parseFeed } from './index.js';

const fixtures = fileURLToPath(new URL('./testdata/', import.meta.url));
const corpus = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));

function parseInChunks(bytes: Uint8Array, size: number): unknown {
  const parser = createFeedParser({ baseUrl: 'https://example.org/feed' });
  for (let offset = 0; offset < bytes.length; offset += size) parser.write(bytes.subarray(offset, offset + size));
  return parser.end();
}

function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return { error: (error as { code?: string }).code };
  }
}

/** The result with its entries handed over one by one (`onEntry`) and put back in place. */
function parseEntryByEntry(bytes: Uint8Array): unknown {
  const entries: ParsedEntry[] = [];
  const feed = parseFeed(bytes, { baseUrl: 'https://example.org/feed', onEntry: (entry) => entries.push(entry) });
  expect(feed.entries).toEqual([]);
  return { ...feed, entries };
}

function checkFolder(folder: string, files: string[]): void {
  for (const file of files) {
    it(`${file} parses the same whole, in chunks of 7, 1000 and 8192 bytes, and entry by entry`, () => {
      const bytes = readFileSync(folder + file);
      const whole = outcome(() => parseFeed(bytes, { baseUrl: 'https://example.org/feed' }));
      for (const size of [7, 1000, 8192]) expect(outcome(() => parseInChunks(bytes, size)), `chunks of ${size}`).toEqual(whole);
      expect(outcome(() => parseEntryByEntry(bytes)), 'entry by entry').toEqual(whole);
    });
  }
}

describe('entries handed over as they are parsed (onEntry)', () => {
  const atom = (feedAuthorAt: 'start' | 'end' | 'none'): string => {
    const author = '<author><name>Feed Author</name></author>';
    return `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${feedAuthorAt === 'start' ? author : ''}`
      + '<entry><id>1</id><title>own</title><author><name>Own</name></author></entry><entry><id>2</id><title>none</title></entry>'
      + `<entry><id>3</id><title>own again</title><author><name>Own</name></author></entry>${feedAuthorAt === 'end' ? author : ''}</feed>`;
  };
  for (const at of ['start', 'end', 'none'] as const) {
    it(`gives entries in order with the feed's author inherited (feed author at the ${at})`, () => {
      const seen: Array<[string | null, string | null, number]> = [];
      let ended = false;
      const parser = createFeedParser({ onEntry: (entry) => seen.push([entry.title, entry.author, ended ? 1 : 0]) });
      parser.write(atom(at));
      ended = true;
      parser.end();
      const inherited = at === 'none' ? null : 'Feed Author';
      expect(seen.map(([title, author]) => [title, author])).toEqual([['own', 'Own'], ['none', inherited], ['own again', 'Own']]);
      // with the feed author known first, nothing waits for the end of the document
      if (at === 'start') expect(seen.every(([, , late]) => late === 0)).toBe(true);
    });
  }
});

describe('parsing in chunks', () => {
  checkFolder(fixtures, readdirSync(fixtures).filter((file) => /\.(xml|atom|json|rss)$/.test(file)));
});

describe.skipIf(!existsSync(corpus))('parsing the shared corpus in chunks (../shared/corpus/real)', () => {
  checkFolder(corpus, existsSync(corpus) ? readdirSync(corpus) : []);
});
