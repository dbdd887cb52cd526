import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../test/seeded-random.js';
import { isTributaryError } from '../model/errors.js';
import { createFeedParser, detectFeedFormat, parseFeed, toParseContract } from './index.js';

// Invariants over many inputs: whatever the bytes, parsing returns a feed or throws a
// TributaryError — never anything untyped, never a hang. Inputs are fixtures cut and mutated by
// a seeded generator, so a failure reproduces.

const testdata = new URL('./testdata/', import.meta.url);
const fixtures = readdirSync(testdata).filter((f) => /\.(xml|atom|json|html)$/.test(f)).map((f) => readFileSync(new URL(f, testdata)));

const NASTY = ['<', '>', '&', '&#', '&#x', ']]>', '<![CDATA[', '<!--', '"', "'", '</', '/>', '\u0000', '\uffff', '\xff', '<item>', '</item>', '<entry>', 'xmlns:a="', '&nbsp;'];

function mutate(bytes: Buffer, random: () => number): Buffer {
  const text = bytes.toString('latin1');
  const at = Math.floor(random() * text.length);
  switch (Math.floor(random() * 4)) {
    case 0:
      return Buffer.from(text.slice(0, at), 'latin1');
    case 1:
      return Buffer.from(text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40)), 'latin1');
    case 2:
      return Buffer.from(text.slice(0, at) + (NASTY[Math.floor(random() * NASTY.length)] as string) + text.slice(at), 'utf8');
    default: {
      const copy = Buffer.from(bytes);
      copy[at] = Math.floor(random() * 256);
      return copy;
    }
  }
}

function outcome(run: () => unknown): 'ok' | 'typed' | string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isTributaryError(error) ? 'typed' : `untyped: ${String(error)}`;
  }
}

describe('parser robustness', () => {
  it('never throws anything but a TributaryError on 3,000 cut and mutated fixtures', () => {
    const random = createRandom(20240501);
    const untyped: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let bytes = fixtures[i % fixtures.length] as Buffer;
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) bytes = mutate(bytes, random);
      const result = outcome(() => toParseContract(parseFeed(bytes)));
      if (result.startsWith('untyped')) untyped.push(`${i}: ${result}`);
    }
    expect(untyped).toEqual([]);
  });

  it('gives the same entries however the bytes are split into chunks', () => {
    const random = createRandom(7);
    for (const bytes of fixtures) {
      let whole: unknown;
      try {
        whole = parseFeed(bytes);
      } catch {
        continue;
      }
      const parser = createFeedParser();
      for (let i = 0; i < bytes.length; ) {
        const size = 1 + Math.floor(random() * 50);
        parser.write(bytes.subarray(i, i + size));
        i += size;
      }
      expect(parser.end()).toEqual(whole);
    }
  });

  const hostile: Array<{ name: string; input: () => string | Uint8Array }> = [
    { name: '100,000 nested elements', input: () => `<rss><channel><title>deep</title>${'<a>'.repeat(100_000)}</channel></rss>` },
    { name: 'an unterminated CDATA section of 5 MB', input: () => `<rss><channel><item><title><![CDATA[${'x'.repeat(5_000_000)}` },
    { name: 'an unterminated comment', input: () => `<rss><channel><!-- ${'-'.repeat(100_000)}` },
    { name: '2 MB of "<"', input: () => `<rss>${'<'.repeat(2_000_000)}` },
    { name: '3 MB of end tags without ">"', input: () => `<rss>${'</a'.repeat(1_000_000)}` },
    { name: '1 MB of start tags without ">"', input: () => `<rss>${'<a b'.repeat(250_000)}` },
    { name: '200,000 ampersands', input: () => `<rss><channel><title>${'&'.repeat(200_000)}</title></channel></rss>` },
    { name: 'an element with 50,000 attributes', input: () => `<rss ${Array.from({ length: 50_000 }, (_, i) => `a${i}="v"`).join(' ')}><channel/></rss>` },
    { name: 'a DOCTYPE with a huge internal subset', input: () => `<!DOCTYPE rss [${'<!ENTITY a "b">'.repeat(100_000)}]><rss><channel><title>t</title></channel></rss>` },
    { name: 'NUL bytes and invalid UTF-8', input: () => Buffer.concat([Buffer.from('<rss><channel><title>'), Buffer.from([0, 0xc3, 0x28, 0xff, 0xfe, 0]), Buffer.from('</title></channel></rss>')]) },
    { name: 'a UTF-16 BOM followed by odd bytes', input: () => Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x72]) },
    { name: 'deeply nested JSON', input: () => `{"version":"https://jsonfeed.org/version/1","items":${'['.repeat(50_000)}` },
  ];
  for (const c of hostile) {
    it(`handles ${c.name} quickly and with a typed outcome`, () => {
      const input = c.input();
      const started = Date.now();
      expect(outcome(() => toParseContract(parseFeed(input)))).toMatch(/^(ok|typed)$/);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  }

  it('bounds element depth and reports it', () => {
    const feed = parseFeed(`<rss><channel><title>deep</title><item><title>kept</title>${'<b>'.repeat(1000)}x</item></channel></rss>`);
    expect(feed.bozo).toBe(true);
    expect(feed.entries[0]?.title).toBe('kept');
  });
});

describe('streaming limits', () => {
  it('streams a 20 MB start tag in 64 KB chunks in linear time', () => {
    const parser = createFeedParser();
    const started = Date.now();
    parser.write('<rss version="2.0"><channel><title>t</title><item ');
    const chunk = 'a="b" '.repeat(10_923);
    for (let i = 0; i < 320; i++) parser.write(chunk);
    parser.write('><title>after</title></item></channel></rss>');
    const feed = parser.end();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(feed.bozo).toBe(true);
  });
});

describe('sniffing and small fields on hostile input', () => {
  const cases: Array<[string, () => string]> = [
    ['20,000 unclosed comments before the root', () => '<!--'.repeat(20_000)],
    ['an unterminated processing instruction', () => `<?xml ${'x'.repeat(100_000)}`],
    ['a 1 MB author without an "@" ', () => `<rss><channel><item><author>${'a.'.repeat(500_000)}</author></item></channel></rss>`],
    ['a 1 MB pubDate', () => `<rss><channel><item><pubDate>${'1 '.repeat(500_000)}</pubDate></item></channel></rss>`],
  ];
  for (const [name, input] of cases) {
    it(`stays fast on ${name}`, () => {
      const text = input();
      const started = Date.now();
      detectFeedFormat(text);
      outcome(() => parseFeed(text));
      expect(Date.now() - started).toBeLessThan(3000);
    });
  }
});
