// Output feeds and OPML for sources whose title is only whitespace (`tributary add --title "  "`,
// a feed's `<title> </title>`): like the pages, they name the source by its URL instead.
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { atomFeed } from './atom-feed.js';
import { jsonFeed } from './json-feed.js';
import { opmlDocument } from './opml-document.js';
import { rssFeed } from './rss-feed.js';
import { makeFeed, makeItem, site } from './testdata/river-fixtures.js';
import { assertWellFormedXml } from './testdata/xml-check.js';

const now = new Date(Date.UTC(2022, 4, 3, 18));
const feedUrl = 'https://blank.example/feed.xml';

function parseXml(xml: string) {
  assertWellFormedXml(xml);
  return parseDocument(xml, { xmlMode: true, decodeEntities: true });
}

describe.each(['', '   ', ' \n\t '])('a source titled %j', (title) => {
  it('is listed in OPML under its URL', () => {
    const outline = DomUtils.getElementsByTagName('outline', parseXml(opmlDocument([makeFeed({ title, url: feedUrl })], site, now)))[0];
    expect([outline?.attribs.text, outline?.attribs.title]).toEqual([feedUrl, feedUrl]);
  });

  const item = makeItem({ feedTitle: title, feedUrl });
  it('is named by its URL in RSS <source>', () => {
    const source = DomUtils.getElementsByTagName('source', parseXml(rssFeed([item], site, now)))[0]!;
    expect(DomUtils.textContent(source)).toBe(feedUrl);
  });

  it('has no blank <title> in Atom <source>, nor a blank title in the JSON Feed', () => {
    const source = DomUtils.getElementsByTagName('source', parseXml(atomFeed([item], site, now)))[0]!;
    expect(DomUtils.getElementsByTagName('title', source)).toEqual([]);
    const feed = JSON.parse(jsonFeed([item], site, now)) as { items: { _source: Record<string, unknown> }[] };
    expect(feed.items[0]?._source.title).toBeNull();
  });
});
