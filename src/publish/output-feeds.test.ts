import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { atomFeed } from './atom-feed.js';
import { itemHtml } from './item-view.js';
import { jsonFeed } from './json-feed.js';
import { opmlDocument } from './opml-document.js';
import { rssFeed } from './rss-feed.js';
import { makeFeed, makeItem, site } from './testdata/river-fixtures.js';
import { assertWellFormedXml } from './testdata/xml-check.js';

const now = new Date(Date.UTC(2022, 4, 3, 18));
const hostile = makeItem({
  guid: 'not a uri <guid> & ]]>',
  title: 'Evil <script>alert("x")</script> & \'quotes\' ]]> \u0001\u001b[31m end\uFFFE',
  author: '<b>Mallory</b> "the" ]]>',
  link: 'https://evil.example/?a=1&b=2"onmouseover="alert(1)',
  feedTitle: 'Feed <i>&amp; co</i>\u0000',
  categories: ['<cat>&', ']]>'],
  content: '<p>Body with ]]> and &amp; and \u0008 control</p>',
  enclosures: [{ url: 'https://cdn.example/a.mp3?x=1&y=<2>', type: 'audio/mpeg', length: 10 }],
});
// The characters the fixture smuggles in that XML 1.0 forbids.
const forbidden = ['\u0000', '\u0001', '\u0008', '\u001b', '\uFFFE'];
const clean = (text: string) => forbidden.reduce((result, char) => result.split(char).join(''), text);

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

function parseXml(xml: string) {
  assertWellFormedXml(xml);
  return parseDocument(xml, { xmlMode: true, decodeEntities: true });
}
function first(name: string, root: ReturnType<typeof parseXml> | Element): Element {
  const found = DomUtils.getElementsByTagName(name, root, true, 1)[0];
  if (!found) throw new Error(`no <${name}>`);
  return found;
}

describe('output feeds escape hostile text and stay well-formed', () => {
  it('Atom: title, author, link, categories, content and source survive a round trip', () => {
    const doc = parseXml(atomFeed([hostile], site, now));
    const entry = first('entry', doc);
    expect(DomUtils.textContent(first('title', entry))).toBe(clean(hostile.title!));
    expect(DomUtils.textContent(first('name', first('author', entry)))).toBe(hostile.author);
    expect(first('link', entry).attribs.href).toBe(hostile.link);
    expect(DomUtils.getElementsByTagName('category', entry).map((c) => c.attribs.term)).toEqual(hostile.categories);
    expect(DomUtils.textContent(first('content', entry))).toBe(clean(itemHtml(hostile)));
    expect(first('content', entry).attribs.type).toBe('html');
    expect(DomUtils.textContent(first('title', first('source', entry)))).toBe(clean(hostile.feedTitle!));
    expect(DomUtils.textContent(first('id', entry))).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('RSS: the same, with the HTML escaped in <description>', () => {
    const doc = parseXml(rssFeed([hostile], site, now));
    const item = first('item', doc);
    expect(DomUtils.textContent(first('title', item))).toBe(clean(hostile.title!));
    expect(DomUtils.textContent(first('dc:creator', item))).toBe(hostile.author);
    expect(DomUtils.textContent(first('link', item))).toBe(hostile.link);
    expect(DomUtils.textContent(first('description', item))).toBe(clean(itemHtml(hostile)));
    expect(first('enclosure', item).attribs.url).toBe(hostile.enclosures[0]!.url);
    expect(first('guid', item).attribs.isPermaLink).toBe('false');
    expect(DomUtils.textContent(first('source', item))).toBe(clean(hostile.feedTitle!));
  });

  it('JSON Feed: valid JSON 1.1 with the same text', () => {
    const feed = JSON.parse(jsonFeed([hostile], site, now)) as { version: string; items: Array<Record<string, unknown>> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({
      title: clean(hostile.title!),
      url: hostile.link,
      content_html: clean(itemHtml(hostile)),
      authors: [{ name: hostile.author }],
      tags: hostile.categories,
      attachments: [{ url: hostile.enclosures[0]!.url, mime_type: 'audio/mpeg', size_in_bytes: 10 }],
    });
  });

  it('OPML: hostile feed titles and URLs stay inside their attributes', () => {
    const feed = makeFeed({ title: 'A "quoted" <feed> & \u0001co', url: 'https://a.example/feed?x=1&y="2"', siteUrl: "https://a.example/'s" });
    const doc = parseXml(opmlDocument([feed], site, now));
    expect(first('opml', doc).attribs.version).toBe('2.0');
    const outline = first('outline', doc);
    expect(outline.attribs).toEqual({ type: 'rss', text: 'A "quoted" <feed> & co', title: 'A "quoted" <feed> & co', xmlUrl: feed.url, htmlUrl: feed.siteUrl });
  });
});

describe('output feeds describe the river', () => {
  const items = [
    makeItem({ title: 'Newest', author: 'Ann', updated: Date.UTC(2022, 4, 3, 17) }),
    makeItem({ title: 'Older', published: null, sortAt: Date.UTC(2022, 4, 1) }),
  ];

  it('Atom lists entries in river order with feed metadata and absolute self link', () => {
    const xml = atomFeed(items, site, now);
    const doc = parseXml(xml);
    expect(DomUtils.getElementsByTagName('entry', doc).map((entry) => DomUtils.textContent(first('title', entry)))).toEqual(['Newest', 'Older']);
    expect(DomUtils.textContent(first('title', doc))).toBe(site.title);
    expect(DomUtils.getElementsByTagName('link', doc)[0]!.attribs).toMatchObject({ rel: 'self', href: 'https://planet.example/atom.xml' });
    expect(DomUtils.textContent(first('updated', doc))).toBe('2022-05-03T17:00:00.000Z');
    expect(xml).toContain('<id>https://lwn.net/Articles/');
  });

  it('RSS dates items in RFC 822, omits pubDate when the source had none, and dates the channel by its newest change', () => {
    const doc = parseXml(rssFeed(items, site, now));
    const [newest, older] = DomUtils.getElementsByTagName('item', doc);
    expect(DomUtils.textContent(first('pubDate', newest!))).toBe(new Date(items[0]!.published!).toUTCString());
    expect(DomUtils.getElementsByTagName('pubDate', older!)).toHaveLength(0);
    expect(DomUtils.textContent(first('lastBuildDate', doc))).toBe('Tue, 03 May 2022 17:00:00 GMT');
  });

  it('an empty river gives valid, empty feeds dated now', () => {
    const atom = parseXml(atomFeed([], site, now));
    expect(DomUtils.textContent(first('updated', atom))).toBe(now.toISOString());
    parseXml(rssFeed([], site, now));
    expect(JSON.parse(jsonFeed([], site, now))).toMatchObject({ items: [] });
    parseXml(opmlDocument([], site, now));
  });

  it('uses root-relative links and a stable URN id without a base URL', () => {
    const local = { ...site, baseUrl: null };
    const xml = atomFeed(items, local, now);
    parseXml(xml);
    expect(xml).toContain('href="/atom.xml"');
    expect(xml).toMatch(/<id>urn:uuid:/);
    expect(atomFeed(items, local, now)).toBe(xml);
  });
});

describe('the strict XML check used above', () => {
  const cases = [
    { name: 'a bare ampersand', xml: '<a>x & y</a>' },
    { name: 'a stray <', xml: '<a>x < y</a>' },
    { name: 'a control character', xml: '<a>x \u0001</a>' },
    { name: 'mismatched tags', xml: '<a><b></a></b>' },
    { name: ']]> in text', xml: '<a>]]></a>' },
    { name: 'an unquoted attribute', xml: '<a href=x></a>' },
    { name: 'a duplicate attribute', xml: '<a x="1" x="2"></a>' },
    { name: 'two roots', xml: '<a></a><b></b>' },
    { name: 'an unknown entity', xml: '<a>&nbsp;</a>' },
  ];
  it.each(cases)('rejects $name', ({ xml }) => {
    expect(() => assertWellFormedXml(xml)).toThrow();
  });
});
