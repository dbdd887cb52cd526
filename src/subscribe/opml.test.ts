import { describe, expect, it } from 'vitest';
import { isTributaryError } from '../model/index.js';
import { normalizeFeedUrl, parseOpml } from './index.js';

describe('parseOpml', () => {
  it('finds subscriptions at any depth with their folder, title and site link', () => {
    const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="Linux">
    <outline type="rss" text="LWN.net" xmlUrl="https://lwn.net/headlines/newrss" htmlUrl="https://lwn.net/"/>
    <outline text="Nested"><outline type="rss" title="Pid Eins" text="ignored" xmlUrl="https://0pointer.net/blog/index.rss20"/></outline>
  </outline>
  <outline type="rss" text="Caf&eacute; &amp; Co" xmlURL="http://cafe.example/feed"/>
</body></opml>`;
    expect(parseOpml(opml)).toEqual([
      { url: 'https://lwn.net/headlines/newrss', title: 'LWN.net', siteUrl: 'https://lwn.net/', category: 'Linux' },
      { url: 'https://0pointer.net/blog/index.rss20', title: 'Pid Eins', siteUrl: null, category: 'Nested' },
      { url: 'http://cafe.example/feed', title: 'Café & Co', siteUrl: null, category: null },
    ]);
  });

  it('drops duplicates and outlines whose xmlUrl is not http(s)', () => {
    const opml = `<opml><body>
      <outline xmlUrl="https://a.example/feed"/><outline xmlUrl="https://a.example/feed"/>
      <outline xmlUrl="javascript:alert(1)"/><outline xmlUrl="file:///etc/passwd"/></body></opml>`;
    expect(parseOpml(opml).map((s) => s.url)).toEqual(['https://a.example/feed']);
  });

  it('refuses a document that is not OPML with OPML_INVALID', () => {
    try {
      parseOpml('<html><body>hello</body></html>');
      expect.unreachable();
    } catch (error) {
      expect(isTributaryError(error, 'OPML_INVALID')).toBe(true);
    }
  });
});

describe('normalizeFeedUrl', () => {
  const cases: Array<[string, string | null]> = [
    ['https://lwn.net/headlines/newrss', 'https://lwn.net/headlines/newrss'],
    ['  lwn.net/headlines/newrss ', 'https://lwn.net/headlines/newrss'],
    ['feed://example.org/rss', 'https://example.org/rss'],
    ['feed:https://example.org/rss', 'https://example.org/rss'],
    ['HTTP://Example.ORG/a#frag', 'http://example.org/a'],
    ['ftp://example.org/feed', null],
    ['javascript:alert(1)', null],
    ['http://', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected ?? 'FETCH_BAD_URL'}`, () => {
      if (expected) expect(normalizeFeedUrl(input)).toBe(expected);
      else expect(() => normalizeFeedUrl(input)).toThrow(/URL|http/);
    });
  }
});
