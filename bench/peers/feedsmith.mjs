// Peer adapter for feedsmith (fast-xml-parser based): it returns each format's raw shape, so
// the adapter picks the fields per format the way a consumer of the library would.
import { parseFeed } from 'feedsmith';
import { body, first, plain, runBatchIfMain, str, utc } from './common.mjs';

const FORMATS = { rss: 'rss2', atom: 'atom10', rdf: 'rss1', json: 'json1' };

function atomLink(links) {
  const list = links ?? [];
  return str((list.find((l) => !l.rel || l.rel === 'alternate') ?? {}).href);
}

function atomAuthor(authors) {
  return plain((authors ?? [])[0]?.name);
}

function entryOf(format, item, feed) {
  if (format === 'atom') {
    return {
      id: str(item.id), title: plain(item.title), link: atomLink(item.links),
      published: utc(first(item.published, item.updated)), updated: utc(item.updated),
      author: first(atomAuthor(item.authors), atomAuthor(feed.authors)),
      text: body(first(item.content, item.summary)),
    };
  }
  if (format === 'json') {
    return {
      id: str(item.id), title: plain(item.title), link: str(item.url),
      published: utc(first(item.date_published, item.date_modified)), updated: utc(item.date_modified),
      author: plain(first(item.authors?.[0]?.name, item.author?.name)),
      text: body(first(item.content_html, item.content_text, item.summary)),
    };
  }
  return {
    id: str(first(item.guid, item.rdf?.about)), title: plain(item.title), link: str(item.link),
    published: utc(first(item.pubDate, item.dc?.dates?.[0], item.dc?.date)), updated: null,
    author: plain(first(item.dc?.creators?.[0], item.dc?.creator, item.authors?.[0], item.author)),
    text: body(first(item.content?.encoded, item.description)),
  };
}

const adapter = {
  name: 'feedsmith',
  parse(bytes) {
    return parseFeed(bytes.toString('utf8'));
  },
  toContract({ format, feed }) {
    return {
      ok: true,
      format: FORMATS[format] ?? 'unknown',
      title: plain(feed.title),
      link: format === 'atom' ? atomLink(feed.links) : str(first(feed.link, feed.home_page_url)),
      entries: (feed.items ?? feed.entries ?? []).map((item) => entryOf(format, item, feed)),
    };
  },
};
export default adapter;
await runBatchIfMain(import.meta.url, adapter);
