/**
 * @module subscribe
 * Subscriptions in and out: adding and removing feeds, OPML import. (OPML export is a published
 * document and lives in publish.)
 */
export { parseOpml } from './opml.js';
export type { OpmlSubscription } from './opml.js';
export { normalizeFeedUrl } from './normalize-url.js';
export { importSubscriptions } from './import.js';
export type { ImportResult, SubscriptionSink } from './import.js';
