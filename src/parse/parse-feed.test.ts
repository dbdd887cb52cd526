import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isTributaryError } from '../model/errors.js';
import { createFeedParser, detectFeedFormat, parseFeed, toParseContract } from './index.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const at = (iso: string): Date => new Date(iso);

const cases: Array<{ name: string; file: string; feed: Record<string, unknown>; entries: Array<Record<string, unknown>> }> = [
  {
    name: 'RSS 0.91 with a DOCTYPE, an image, skip hints and an undeclared HTML entity',
    file: 'rss091.xml',
    feed: { format: 'rss2', title: 'Tide Tables & Notes', link: 'http://tides.example.org/', language: 'en-gb',
      iconUrl: 'http://tides.example.org/logo.gif', bozo: true, pollHints: { ttlMinutes: null, updatePeriod: null, updateFrequency: null, skipHours: [1, 2], skipDays: ['Sunday'] } },
    entries: [
      { title: 'Spring tide – March', link: 'http://tides.example.org/2003/03/spring.html', summary: 'High water at <b>06:12</b>\u00a0today.', content: null },
      { title: 'Neap tide', summary: null, published: null },
    ],
  },
  {
    name: 'RSS 1.0 (RDF) with dc:, sy: and content:encoded',
    file: 'rss1-rdf.xml',
    feed: { format: 'rss1', title: 'Meadow Journal', language: 'de', iconUrl: 'http://meadow.example.net/icon.png',
      pollHints: { ttlMinutes: null, updatePeriod: 'daily', updateFrequency: 2, skipHours: [], skipDays: [] }, bozo: false },
    entries: [
      { id: 'http://meadow.example.net/poppies', author: 'Greta Feld', published: at('2021-06-01T06:30:00Z'), categories: ['flowers'],
        content: '<p>Red <em>everywhere</em>, from the brook to the hill.</p>', summary: 'Red everywhere.' },
    ],
  },
  {
    name: 'RSS 2.0 with content:encoded, dc:creator, media:content, enclosures and itunes:',
    file: 'rss2-extensions.xml',
    feed: { format: 'rss2', title: 'Lantern Works', selfUrl: 'https://lantern.example.com/feed.xml', hubs: ['https://hub.example.com/'],
      pollHints: { ttlMinutes: 90, updatePeriod: null, updateFrequency: null, skipHours: [], skipDays: [] } },
    entries: [
      { id: '6270e7a2f1c3a4001d9b21aa', title: 'Soldering, the gentle way', author: 'Ines Ortega', published: at('2022-05-03T12:58:35Z'),
        content: '<p>Heat the <a href="/tools/iron">iron</a> first.</p>', summary: 'A short excerpt.', categories: ['Hardware'],
        thumbnail: { url: 'https://lantern.example.com/img/iron.jpg', width: null, height: null } },
      { title: 'Episode 12 – Wicks', author: 'Ines Ortega', published: at('2022-05-02T07:05:00Z'), durationSeconds: 3723,
        enclosures: [{ url: 'https://cdn.example.com/ep12.mp3', type: 'audio/mpeg', length: 1234567 }],
        thumbnail: { url: 'https://lantern.example.com/ep12.jpg', width: null, height: null } },
      { title: 'Only a guid', link: 'https://lantern.example.com/only-guid', author: null },
    ],
  },
  {
    name: 'Atom 1.0 with xml:base at every level, xhtml content and an inherited author',
    file: 'atom10-xmlbase.xml',
    feed: { format: 'atom10', title: 'Carnet de bord', link: 'https://river.example.org/blog/', language: 'fr',
      selfUrl: 'https://river.example.org/blog/atom.xml', hubs: ['https://hub.example.org/'], iconUrl: 'https://river.example.org/favicon.ico' },
    entries: [
      { link: 'https://river.example.org/blog/2024/premier.html', title: 'Premier & dernier', author: 'Camille Rivière',
        published: at('2024-03-01T08:00:00Z'), updated: at('2024-03-02T08:00:00Z'),
        content: '<p>See <a href="photo.jpg">the photo</a>.</p>', summary: 'Less than &lt; more', baseUrl: 'https://river.example.org/media/',
        enclosures: [{ url: 'https://river.example.org/blog/2024/premier.ogg', type: 'audio/ogg', length: 42 }], categories: ['Voyage'] },
      { title: 'Deux fois', author: 'Invitée', published: at('2024-03-02T10:00:00Z'), content: 'Plain &lt;text&gt; body' },
      { title: 'From a source', author: 'Source Author', link: null },
    ],
  },
  {
    name: 'Atom 0.3 with escaped and base64 content',
    file: 'atom03.xml',
    feed: { format: 'atom03', title: 'Old & Gold', link: 'http://old.example.com/', description: 'Since 2004' },
    entries: [
      { title: 'Hello 2004', author: 'Ada Old', published: at('2004-05-01T12:00:00Z'), content: '<p>Hello <b>world</b></p>' },
      { title: 'Base64', content: '<p>Encoded</p>', published: at('2004-05-02T13:00:00Z') },
    ],
  },
  {
    name: 'JSON Feed 1.0 with content_text and a relative url',
    file: 'jsonfeed10.json',
    feed: { format: 'json1', title: 'Kettle Notes', selfUrl: 'https://kettle.example.com/feed.json' },
    entries: [
      { id: '1', author: 'Kai Kettle', content: 'Water boils at 100 &lt;C&gt;.', published: at('2020-01-02T08:04:05Z') },
      { id: '2', link: 'https://kettle.example.com/2', content: '<p>Steam</p>', categories: ['steam'] },
    ],
  },
  {
    name: 'JSON Feed 1.1 with authors, hubs and attachments',
    file: 'jsonfeed11.json',
    feed: { format: 'json1', title: 'Pod & Co', language: 'en', hubs: ['https://hub.example.com/'] },
    entries: [
      { author: 'Item Person', summary: 'A summary', durationSeconds: 61,
        enclosures: [{ url: 'https://pod.example.com/ep-1.mp3', type: 'audio/mpeg', length: 1000 }],
        thumbnail: { url: 'https://pod.example.com/ep-1.png', width: null, height: null } },
    ],
  },
  {
    name: 'YouTube Atom with yt:, media:group, media:thumbnail and media:description',
    file: 'youtube.atom',
    feed: { format: 'atom10', title: 'Pottery Channel', link: 'https://www.youtube.com/channel/UCabc' },
    entries: [
      { id: 'yt:video:abc123XYZ_-', title: 'Throwing a bowl', author: 'Pottery Channel', published: at('2022-05-02T15:30:01Z'),
        thumbnail: { url: 'https://i1.ytimg.com/vi/abc123XYZ_-/hqdefault.jpg', width: 480, height: 360 },
        mediaDescription: 'Clay, water & patience. Second line.', content: null, summary: null },
    ],
  },
  {
    name: 'an ISO-8859-1 document decoded by its declaration',
    file: 'iso-8859-1.xml',
    feed: { title: 'Café français', bozo: false },
    entries: [{ title: 'Crème brûlée à gogo', summary: 'Délicieux » vraiment' }],
  },
  {
    name: 'a windows-1252 document that claims UTF-8 is recovered and flagged',
    file: 'windows-1252-as-utf8.xml',
    feed: { title: 'Quotes “shop”', bozo: true },
    entries: [{ title: 'It’s naïve – or is it?', summary: 'Price: 5€' }],
  },
  {
    name: 'an entity bomb and an external entity are never expanded',
    file: 'xml-bomb.xml',
    feed: { title: 'Bomb &lol9;', bozo: true },
    entries: [{ title: 'Secret: &xxe;' }],
  },
];

describe('parseFeed', () => {
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      const feed = parseFeed(fixture(c.file));
      expect(feed).toMatchObject(c.feed);
      expect(feed.entries).toHaveLength(c.entries.length);
      c.entries.forEach((entry, i) => expect(feed.entries[i]).toMatchObject(entry));
    });
  }

  it('gives the same result when the bytes arrive one small chunk at a time', () => {
    for (const c of cases) {
      const bytes = fixture(c.file);
      const parser = createFeedParser();
      for (let i = 0; i < bytes.length; i += 7) parser.write(bytes.subarray(i, i + 7));
      expect(parser.end(), c.file).toEqual(parseFeed(bytes));
    }
  });

  it('resolves relative links against the base URL it is given', () => {
    const feed = parseFeed('<rss version="2.0"><channel><link>/</link><item><link>posts/1</link></item></channel></rss>', { baseUrl: 'https://site.example/blog/feed' });
    expect(feed.link).toBe('https://site.example/');
    expect(feed.entries[0]?.link).toBe('https://site.example/blog/posts/1');
  });

  it('takes the charset from the HTTP Content-Type when given', () => {
    const bytes = Buffer.from('<rss version="2.0"><channel><title>Caf\u00e9</title></channel></rss>', 'latin1');
    expect(parseFeed(bytes, { contentType: 'application/rss+xml; charset=ISO-8859-1' }).title).toBe('Café');
  });

  describe('reads the encodings feeds are served in', () => {
    const rss = (declared: string | null, title: string): string =>
      `${declared ? `<?xml version="1.0" encoding="${declared}"?>` : ''}<rss version="2.0"><channel><title>${title}</title><item><title>${title}</title></item></channel></rss>`;
    const withBom = (bom: number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bom), body]);
    const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
    const utf32le = (text: string): Buffer => {
      const points = [...text].map((ch) => ch.codePointAt(0) as number);
      const out = Buffer.alloc(points.length * 4);
      points.forEach((cp, i) => out.writeUInt32LE(cp, i * 4));
      return out;
    };
    const iso2022jp = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-2022-JP"?><rss version="2.0"><channel><title>'),
      Buffer.from('\x1b$B%K%e!<%9\x1b(B', 'latin1'), Buffer.from('</title><item><title>'), Buffer.from('\x1b$B%K%e!<%9\x1b(B', 'latin1'),
      Buffer.from('</title></item></channel></rss>')]);
    const encodings: Array<{ name: string; bytes: Buffer; contentType?: string; title: string }> = [
      { name: 'UTF-16LE with a BOM (FF FE, not MP3)', bytes: withBom([0xff, 0xfe], Buffer.from(rss('UTF-16', 'Тест 新闻'), 'utf16le')), title: 'Тест 新闻' },
      { name: 'UTF-16BE with a BOM', bytes: withBom([0xfe, 0xff], utf16be(rss('UTF-16', 'Тест'))), title: 'Тест' },
      { name: 'UTF-16LE without BOM or declaration', bytes: Buffer.from(rss(null, 'Привет'), 'utf16le'), title: 'Привет' },
      { name: 'UTF-16BE without BOM or declaration', bytes: utf16be(rss(null, 'Привет')), title: 'Привет' },
      { name: 'UTF-32LE with a BOM', bytes: withBom([0xff, 0xfe, 0, 0], utf32le(rss(null, 'Тест 𝄞'))), title: 'Тест 𝄞' },
      { name: 'Shift_JIS by declaration', bytes: iconv.encode(rss('Shift_JIS', 'ニュース'), 'shift_jis'), title: 'ニュース' },
      { name: 'EUC-JP by declaration', bytes: iconv.encode(rss('EUC-JP', 'ニュース'), 'euc-jp'), title: 'ニュース' },
      { name: 'ISO-2022-JP (7-bit, escape sequences) by declaration', bytes: iso2022jp, title: 'ニュース' },
      { name: 'GB2312 by declaration (read as its superset GB18030)', bytes: iconv.encode(rss('GB2312', '新闻'), 'gb18030'), title: '新闻' },
      { name: 'Big5 by declaration', bytes: iconv.encode(rss('Big5', '新聞'), 'big5'), title: '新聞' },
      { name: 'EUC-KR by declaration', bytes: iconv.encode(rss('EUC-KR', '뉴스'), 'euc-kr'), title: '뉴스' },
      { name: 'KOI8-R by HTTP charset only', bytes: iconv.encode(rss(null, 'Привет'), 'koi8-r'), contentType: 'text/xml; charset=KOI8-R', title: 'Привет' },
      { name: 'windows-1251 by declaration', bytes: iconv.encode(rss('windows-1251', 'Привет'), 'windows-1251'), title: 'Привет' },
      { name: 'ISO-8859-7 by declaration', bytes: iconv.encode(rss('ISO-8859-7', 'Νέα'), 'iso-8859-7'), title: 'Νέα' },
    ];
    for (const c of encodings) {
      it(c.name, () => {
        const feed = parseFeed(c.bytes, { contentType: c.contentType ?? null });
        expect(feed).toMatchObject({ format: 'rss2', title: c.title, bozo: false });
        expect(feed.entries[0]?.title).toBe(c.title);
        const streamed = createFeedParser({ contentType: c.contentType ?? null });
        for (let i = 0; i < c.bytes.length; i += 5) streamed.write(c.bytes.subarray(i, i + 5));
        expect(streamed.end().entries[0]?.title).toBe(c.title);
      });
    }
  });

  it('reads podcast extensions a river shows: itunes:title, googleplay:author and image, itunes:category', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0">
      <channel><title>Pod</title><googleplay:image href="https://pod.example/cover.png"/><googleplay:description>About the pod</googleplay:description>
      <item><itunes:title>Episode title</itunes:title><googleplay:author>Host Name</googleplay:author>
        <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category><itunes:duration>95</itunes:duration></item></channel></rss>`);
    expect(feed).toMatchObject({ iconUrl: 'https://pod.example/cover.png', description: 'About the pod' });
    expect(feed.entries[0]).toMatchObject({ title: 'Episode title', author: 'Host Name', categories: ['Technology', 'Gadgets'], durationSeconds: 95 });
  });

  it('reads Podcasting 2.0: the host as author, podcast:images artwork, an alternate enclosure when there is no enclosure', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Pod</title>
      <podcast:images srcset="https://pod.example/a-600.jpg 600w, https://pod.example/a-3000.jpg 3000w, https://pod.example/a-1500.jpg 1500w"/>
      <item><title>One</title><podcast:person role="guest">Guest Star</podcast:person><podcast:person>Host Name</podcast:person>
        <podcast:image href="https://pod.example/ep1.jpg" width="1400" height="1400"/>
        <podcast:alternateEnclosure type="audio/opus" length="3000"><podcast:source uri="https://pod.example/ep1.opus"/></podcast:alternateEnclosure></item>
      <item><title>Two</title><author>host@pod.example</author><podcast:person role="Host" group="cast">Other Host</podcast:person>
        <enclosure url="https://pod.example/ep2.mp3" type="audio/mpeg" length="10"/>
        <podcast:alternateEnclosure type="audio/opus"><podcast:source uri="https://pod.example/ep2.opus"/></podcast:alternateEnclosure></item>
      <item><title>Three</title><itunes:author xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">Named</itunes:author><podcast:person>Host Name</podcast:person></item>
    </channel></rss>`);
    expect(feed.iconUrl).toBe('https://pod.example/a-3000.jpg');
    expect(feed.entries[0]).toMatchObject({ author: 'Host Name', thumbnail: { url: 'https://pod.example/ep1.jpg', width: 1400, height: 1400 },
      enclosures: [{ url: 'https://pod.example/ep1.opus', type: 'audio/opus', length: 3000 }] });
    expect(feed.entries[1]).toMatchObject({ author: 'Other Host', enclosures: [{ url: 'https://pod.example/ep2.mp3', type: 'audio/mpeg', length: 10 }] });
    expect(feed.entries[1]?.enclosures).toHaveLength(1);
    expect(feed.entries[2]?.author).toBe('Named');
  });

  it('does not take the author\'s Gravatar that WordPress.com lists first among the media:content images as the thumbnail', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>WP</title>
      <item><title>Photo</title><media:content url="https://0.gravatar.com/avatar/0123abcd?s=96&#38;d=identicon&#38;r=G" medium="image"><media:title type="html">jane</media:title></media:content>
        <media:content url="https://wp.example/uploads/photo.jpg?w=1024" medium="image"><media:title type="html">photo</media:title></media:content></item>
      <item><title>Text</title><media:content url="https://secure.gravatar.com/avatar/0123abcd?s=96" medium="image"/></item></channel></rss>`);
    expect(feed.entries.map((e) => e.thumbnail?.url ?? null)).toEqual(['https://wp.example/uploads/photo.jpg?w=1024', null]);
  });

  it('takes a media:content with neither type nor medium as an image when its path names an image file (The Guardian)', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>News</title>
      <item><title>Story</title><media:content width="140" url="https://i.news.example/img/master/5000.jpg?width=140&amp;s=aa"><media:credit scheme="urn:ebu">Photograph: AP</media:credit></media:content></item>
      <item><title>Clip</title><media:content url="https://news.example/clip.mp4?jpg=1"/></item></channel></rss>`);
    expect(feed.entries.map((e) => e.thumbnail)).toEqual([{ url: 'https://i.news.example/img/master/5000.jpg?width=140&s=aa', width: 140, height: null }, null]);
  });

  it('reads an RSS link written Atom\'s way without the Atom namespace, but not a rel="self" one', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>T</title><link rel="self" href="https://site.example/feed"/><link>https://site.example/</link>'
      + '<item><title>A</title><link href="https://site.example/a"/></item><item><title>B</title><link rel="self" href="https://site.example/b.xml"/></item></channel></rss>');
    expect(feed.link).toBe('https://site.example/');
    expect(feed.entries.map((e) => e.link)).toEqual(['https://site.example/a', null]);
  });

  it('reads an RSS description with unescaped tags beside escaped HTML or CDATA as the HTML the publisher meant', () => {
    const feed = parseFeed('<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
      + '<item><description><![CDATA[<p>Intro &amp; more</p>]]><img src="http://x.example/a.png"/></description></item>'
      + '<item><description>Hello&amp;nbsp;world &lt;i&gt;it&lt;/i&gt; <br/> next</description></item>'
      + '<item><content:encoded><![CDATA[<p>Body</p>]]><br/></content:encoded></item>'
      + '<item><description><div xmlns="http://www.w3.org/1999/xhtml">a &lt;b&gt; c <b>d</b></div></description></item></channel></rss>');
    expect(feed.entries.map((e) => e.content ?? e.summary)).toEqual([
      '<p>Intro &amp; more</p><img src="http://x.example/a.png" />',
      'Hello&nbsp;world <i>it</i> <br /> next',
      '<p>Body</p><br />',
      'a &lt;b&gt; c <b>d</b>',
    ]);
  });

  it('gives an entry copied from another feed (atom:source) its source\'s author, never the planet\'s own', () => {
    const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Planet</title><author><name>Planet Maintainers</name></author>'
      + '<entry><id>1</id><title>copied, source names the author</title><source><title>Blog A</title><author><name>Ann</name></author></source></entry>'
      + '<entry><id>2</id><title>copied, source without author</title><source><title>Blog B</title></source></entry>'
      + '<entry><id>3</id><title>the planet\'s own post</title></entry></feed>');
    expect(feed.entries.map((e) => e.author)).toEqual(['Ann', null, 'Planet Maintainers']);
  });

  it('skips junk before the feed root (a PHP warning) and still reads the channel', () => {
    const feed = parseFeed('<br />\n<b>Warning</b>: something on line <b>77</b><br />\n<?xml version="1.0"?><rss version="2.0"><channel><title>Behind junk</title><item><title>One</title></item></channel></rss>');
    expect(feed).toMatchObject({ format: 'rss2', title: 'Behind junk', bozo: true });
    expect(feed.entries).toHaveLength(1);
  });

  it('finds an Atom feed wrapped in an XHTML page', () => {
    const feed = parseFeed('<html xmlns="http://www.w3.org/1999/xhtml"><body><feed xmlns="http://www.w3.org/2005/Atom"><title>Wrapped</title><author><name>Ann</name></author><entry><title>E</title><id>x:1</id></entry></feed></body></html>');
    expect(feed).toMatchObject({ format: 'atom10', title: 'Wrapped' });
    expect(feed.entries[0]).toMatchObject({ title: 'E', author: 'Ann' });
  });

  it('ends an unclosed item where the next one starts, but keeps an empty <item/> inside an item out of the entries', () => {
    const unclosed = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>One</title><link>http://x.example/1</link>'
      + '<item><title>Two</title><link>http://x.example/2</link></item><item><title>Three</title></item></channel></rss>');
    expect(unclosed.bozo).toBe(true);
    expect(unclosed.entries.map((e) => [e.title, e.link])).toEqual([['One', 'http://x.example/1'], ['Two', 'http://x.example/2'], ['Three', null]]);
    const feedburner = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>One</title><item /><link>http://x.example/1</link></item>'
      + '<item><title>Two</title><item /></item></channel></rss>');
    expect(feedburner.entries.map((e) => [e.title, e.link])).toEqual([['One', 'http://x.example/1'], ['Two', null]]);
  });

  it('recovers items from ill-formed XML and flags it', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>Broken <b>bold</title><item><title>One & two</title><link>http://x.example/1</link></item><item><title>Unclosed');
    expect(feed.bozo).toBe(true);
    expect(feed.entries.map((e) => e.title)).toEqual(['One & two', 'Unclosed']);
  });
});

describe('not a feed', () => {
  const notFeeds: Array<{ name: string; input: Uint8Array | string; what: RegExp }> = [
    { name: 'an HTML page', input: fixture('html-page.html'), what: /an HTML page/ },
    { name: 'a PNG image', input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), what: /an image \(PNG\)/ },
    { name: 'an empty body', input: new Uint8Array(0), what: /empty document/ },
    { name: 'whitespace only', input: '  \n\t ', what: /empty document/ },
    { name: 'JSON that is not a JSON Feed', input: '{"hello": "world"}', what: /JSON that is not a JSON Feed/ },
    { name: 'an OPML file', input: '<?xml version="1.0"?><opml version="2.0"><body/></opml>', what: /OPML/ },
    { name: 'plain text', input: 'just some words', what: /plain text/ },
    { name: 'an XML declaration and nothing else', input: '<?xml version="1.0"?>\n<!-- moved -->', what: /an XML document with no root element/ },
  ];
  for (const c of notFeeds) {
    it(`names ${c.name} in a PARSE_NOT_A_FEED error`, () => {
      let caught: unknown;
      try {
        parseFeed(c.input, { baseUrl: 'https://example.com/feed' });
      } catch (error) {
        caught = error;
      }
      expect(isTributaryError(caught, 'PARSE_NOT_A_FEED')).toBe(true);
      expect((caught as Error).message).toMatch(c.what);
      expect((caught as Error).message).toContain('https://example.com/feed');
    });
  }
});

describe('detectFeedFormat', () => {
  const formats: Array<[string, string]> = [
    ['rss091.xml', 'rss2'], ['rss1-rdf.xml', 'rss1'], ['rss2-extensions.xml', 'rss2'], ['atom10-xmlbase.xml', 'atom10'],
    ['atom03.xml', 'atom03'], ['jsonfeed10.json', 'json1'], ['jsonfeed11.json', 'json1'], ['html-page.html', 'unknown'],
  ];
  for (const [file, format] of formats) {
    it(`sniffs ${file} as ${format}`, () => expect(detectFeedFormat(fixture(file))).toBe(format));
  }
  it('sniffs RSS 0.90 by its namespace', () => {
    expect(detectFeedFormat('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel/></rdf:RDF>')).toBe('rss09');
  });
});

describe('toParseContract', () => {
  it('flattens entries to plain text, UTC dates and a 300-character excerpt', () => {
    const contract = toParseContract(parseFeed(fixture('rss2-extensions.xml')));
    expect(contract).toMatchObject({ ok: true, format: 'rss2', title: 'Lantern Works', link: 'https://lantern.example.com/' });
    expect(contract.entries[0]).toEqual({
      id: '6270e7a2f1c3a4001d9b21aa', title: 'Soldering, the gentle way', link: 'https://lantern.example.com/soldering/',
      published: '2022-05-03T12:58:35Z', updated: null, author: 'Ines Ortega', text: 'Heat the iron first.',
    });
  });

  it('falls back to the updated date and to media:description', () => {
    const contract = toParseContract(parseFeed(fixture('youtube.atom')));
    expect(contract.entries[0]).toMatchObject({ published: '2022-05-02T15:30:01Z', updated: '2022-05-03T15:20:31Z', text: 'Clay, water & patience. Second line.' });
  });
});
