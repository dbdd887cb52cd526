import { describe, expect, it } from 'vitest';
import { createRandom } from '../../test/seeded-random.js';
import { CANONICAL_HTTP_URL, parseBaseUrl, resolveSafeUrl } from './safe-url.js';

/** What the full WHATWG parser makes of `value` (null when it throws). */
function parsedHref(value: string): string | null {
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}

describe('the canonical-URL shortcut', () => {
  it.each([
    'https://example.com/',
    'http://blog.example.org/2024/05/post-title.html',
    'https://cdn.example.net/img/a_b~c.png?w=640&h=480&fit=crop,1#main',
    'https://example.com/wiki/Foo_(bar)!$*+;=:@',
    'https://a-b.c0.example/%E2%82%AC%zz',
  ])('takes %s as it is', (url) => {
    expect(CANONICAL_HTTP_URL.test(url)).toBe(true);
    expect(parsedHref(url)).toBe(url);
  });

  // Each of these is changed by the parser (or refused by it), so it must not be taken as it is.
  it.each([
    'https://example.com',
    'https://Example.com/',
    'HTTPS://example.com/',
    'https://example.com:443/',
    'https://user:secret@example.com/',
    'https://example.com./',
    'https://1.2.3.4/',
    'https://0x7f.1/',
    'https://example.123/',
    'https://xn--zz.example/',
    'https://example.com/./a',
    'https://example.com/a/../b',
    'https://example.com/a/%2E%2e/b',
    'https://example.com/a/..',
    "https://example.com/?q='x'",
    'https://example.com/a b',
    'https://example.com/a\\b',
    'https://example.com/{x}',
    'https://example.com/ü',
    'https://example.com/a\tb',
  ])('leaves %s to the full parser', (url) => {
    expect(CANONICAL_HTTP_URL.test(url)).toBe(false);
  });

  it('agrees with the WHATWG parser on every URL it takes (seeded random URLs)', () => {
    const random = createRandom(20261125);
    const pick = (alphabet: string): string => alphabet[Math.floor(random() * alphabet.length)]!;
    const run = (alphabet: string, max: number): string => Array.from({ length: Math.floor(random() * max) }, () => pick(alphabet)).join('');
    const label = (): string => (random() < 0.05 ? 'xn--' : '') + run('abxz09-X', 6) + pick('abz09');
    const host = (): string => Array.from({ length: 1 + Math.floor(random() * 3) }, label).join(pick('.........:@'));
    const safe = "abZ09-._~!$&()*+,;=:@/%?#";
    const odd = "'.2eE \\\"<>^`{|}[]\tü";
    const rest = (): string => Array.from({ length: Math.floor(random() * 20) }, () => pick(random() < 0.9 ? safe : odd)).join('');
    let taken = 0;
    for (let i = 0; i < 40_000; i++) {
      const url = `${random() < 0.95 ? 'h' : 'H'}ttp${random() < 0.5 ? 's' : ''}://${host()}${random() < 0.95 ? '/' : ''}${rest()}`;
      if (!CANONICAL_HTTP_URL.test(url)) continue;
      taken++;
      expect(parsedHref(url), url).toBe(url);
    }
    expect(taken).toBeGreaterThan(500);
  });

  it('gives resolveSafeUrl the same answers with and without the shortcut', () => {
    const base = parseBaseUrl('https://example.com/blog/');
    for (const url of ['https://example.com/a?b#c', 'https://cdn.example.net/x.png', 'https://example.com/a/../b', 'HTTPS://EXAMPLE.com']) {
      const full = new URL(url, base!).href;
      expect(resolveSafeUrl(url, base, 'link')).toBe(full);
      expect(resolveSafeUrl(url, null, 'image')).toBe(full);
    }
  });
});
