// Peer adapter for @extractus/feed-extractor: its normalised output (description = the item's
// text, full length) plus the raw author element through getExtraEntryFields.
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { body, first, plain, runBatchIfMain, str, utc } from './common.mjs';

const options = {
  descriptionMaxLen: 0,
  getExtraEntryFields: (raw) => ({ rawAuthor: first(raw['dc:creator'], raw.author, raw.authors) }),
};

const adapter = {
  name: '@extractus/feed-extractor',
  parse(bytes) {
    const text = bytes.toString('utf8');
    return /^\s*\{/.test(text) ? extractFromJson(JSON.parse(text), options) : extractFromXml(text, options);
  },
  toContract(feed) {
    return {
      ok: true,
      format: 'unknown',
      title: plain(feed.title),
      link: str(feed.link),
      entries: (feed.entries ?? []).map((entry) => ({
        id: str(entry.id),
        title: plain(entry.title),
        link: str(entry.link),
        published: utc(entry.published),
        updated: null,
        author: plain(entry.rawAuthor),
        text: body(entry.description),
      })),
    };
  },
};
export default adapter;
await runBatchIfMain(import.meta.url, adapter);
