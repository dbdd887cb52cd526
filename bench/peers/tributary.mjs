// Peer adapter for tributary itself (compiled parser in dist/), for bench/parse.mjs.
import { runBatchIfMain } from './common.mjs';

const { parseFeed, toParseContract, parseErrorContract } = await import(new URL('../../dist/parse/index.js', import.meta.url).href);

const adapter = {
  name: 'tributary',
  parse(bytes) {
    try {
      return parseFeed(bytes);
    } catch (error) {
      return { error };
    }
  },
  toContract(feed) {
    return feed.error ? parseErrorContract(feed.error) : toParseContract(feed);
  },
};
export default adapter;
await runBatchIfMain(import.meta.url, adapter);
