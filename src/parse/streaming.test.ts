/**
 * The fetcher hands bytes to the parser as they arrive, cut wherever the network and zlib cut
 * them: the result must not depend on where. Every fixture (and, when present, every real feed of
 * the shared corpus) parsed whole and in chunks of several sizes must give the same feed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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

function checkFolder(folder: string, files: string[]): void {
  for (const file of files) {
    it(`${file} parses the same whole and in chunks of 7, 1000 and 8192 bytes`, () => {
      const bytes = readFileSync(folder + file);
      const whole = outcome(() => parseFeed(bytes, { baseUrl: 'https://example.org/feed' }));
      for (const size of [7, 1000, 8192]) expect(outcome(() => parseInChunks(bytes, size)), `chunks of ${size}`).toEqual(whole);
    });
  }
}

describe('parsing in chunks', () => {
  checkFolder(fixtures, readdirSync(fixtures).filter((file) => /\.(xml|atom|json|rss)$/.test(file)));
});

describe.skipIf(!existsSync(corpus))('parsing the shared corpus in chunks (../shared/corpus/real)', () => {
  checkFolder(corpus, existsSync(corpus) ? readdirSync(corpus) : []);
});
