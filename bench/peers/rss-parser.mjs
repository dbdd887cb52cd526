// Peer adapter for rss-parser (xml2js based, async API).
import Parser from 'rss-parser';
import { body, first, plain, runBatchIfMain, str, utc } from './common.mjs';

const parser = new Parser();

const adapter = {
  name: 'rss-parser',
  parse(bytes) {
    return parser.parseString(bytes.toString('utf8'));
  },
  toContract(feed) {
    return {
      ok: true,
      format: 'unknown',
      title: plain(feed.title),
      link: str(feed.link),
      entries: (feed.items ?? []).map((item) => ({
        id: str(first(item.guid, item.id)),
        title: plain(item.title),
        link: str(item.link),
        published: utc(first(item.isoDate, item.pubDate)),
        updated: null,
        author: plain(first(item.creator, item.author)),
        text: body(first(item['content:encoded'], item.content, item.summary)),
      })),
    };
  },
};
export default adapter;
await runBatchIfMain(import.meta.url, adapter);
