/**
 * @module subscribe/import
 * Adds a list of subscriptions to the store, skipping the ones already there.
 */
import { isTributaryError } from '../model/index.js';
import type { Feed } from '../model/index.js';
import { normalizeFeedUrl } from './normalize-url.js';
import type { OpmlSubscription } from './opml.js';

/** The part of the store an import needs. */
export interface SubscriptionSink {
  addFeed(input: { url: string; title?: string | null; siteUrl?: string | null }, now: number): Promise<Feed>;
}

export interface ImportResult {
  added: number;
  existing: number;
  invalid: Array<{ url: string; error: string }>;
}

/** Adds each subscription; one that exists or is invalid is counted, never fatal. */
export async function importSubscriptions(
  sink: SubscriptionSink,
  subscriptions: readonly Pick<OpmlSubscription, 'url' | 'title' | 'siteUrl'>[],
  now: number,
): Promise<ImportResult> {
  const result: ImportResult = { added: 0, existing: 0, invalid: [] };
  for (const subscription of subscriptions) {
    try {
      const url = normalizeFeedUrl(subscription.url);
      await sink.addFeed({ url, title: subscription.title, siteUrl: subscription.siteUrl }, now);
      result.added++;
    } catch (error) {
      if (isTributaryError(error, 'FEED_EXISTS')) result.existing++;
      else result.invalid.push({ url: subscription.url, error: (error as Error).message });
    }
  }
  return result;
}
