// Peer adapter for @rowanmanning/feed-parser.
import rowan from '@rowanmanning/feed-parser';
import { body, first, plain, runBatchIfMain, str, utc } from './common.mjs';

const adapter = {
  name: '@rowanmanning/feed-parser',
  parse(bytes) {
    return rowan.parseFeed(bytes.toString('utf8'));
  },
  toContract(feed) {
    return {
      ok: true,
      format: 'unknown',
      title: plain(feed.title),
      link: str(feed.url),
      entries: feed.items.map((item) => ({
        id: str(item.id),
        title: plain(item.title),
        link: str(item.url),
        published: utc(first(item.published, item.updated)),
        updated: utc(item.updated),
        author: plain(item.authors?.[0]?.name),
        text: body(first(item.content, item.description)),
      })),
    };
  },
};
export default adapter;
await runBatchIfMain(import.meta.url, adapter);
