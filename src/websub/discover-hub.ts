/**
 * @module websub/discover-hub
 * Where a feed can be subscribed to (W3C WebSub §4): the hubs and self URL of the HTTP Link
 * header first, and only in their absence the document's own links (atom:link rel="hub"/"self",
 * JSON Feed `hubs`). The topic is the rel="self" URL (§5.1: "this MUST be the 'self' URL found
 * during the discovery step"), else the feed's own URL.
 */
import type { FetchMeta } from '../fetch/index.js';
import type { ParsedFeed } from '../model/index.js';
import type { HubDiscovery } from './subscription-state.js';

/** The hubs (http/https, in advertised order, no repeats) and topic of a fetched and parsed feed. */
export function discoverHub(
  feedUrl: string,
  fetched: Pick<FetchMeta, 'hubUrls' | 'selfUrl'> | null,
  parsed: Pick<ParsedFeed, 'hubs' | 'selfUrl'> | null,
): HubDiscovery {
  const headerHubs = webUrls(fetched?.hubUrls ?? []);
  const fromHeaders = headerHubs.length > 0;
  const hubs = fromHeaders ? headerHubs : webUrls(parsed?.hubs ?? []);
  const selves = fromHeaders ? [fetched?.selfUrl, parsed?.selfUrl] : [parsed?.selfUrl, fetched?.selfUrl];
  const topic = webUrls(selves.filter((url): url is string => url != null))[0] ?? feedUrl;
  return { hubs, topic };
}

function webUrls(urls: readonly string[]): string[] {
  const found: string[] = [];
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    // The URL is kept as advertised: hubs compare topics as strings.
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && !found.includes(url)) found.push(url);
  }
  return found;
}
