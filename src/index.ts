/**
 * @module tributary
 * The library surface: each pipeline stage's public API.
 */
export * from './model/index.js';
export { createConfig, loadConfig } from './config/index.js';
export type { Config } from './config/index.js';
export { parseFeed } from './parse/index.js';
export { sanitizeEntryHtml, htmlToText } from './clean/index.js';
export { createFetcher } from './fetch/index.js';
export { openStore } from './store/index.js';
export type { Store } from './store/index.js';
export { refreshFeed, runFetchCycle, nextPollAt } from './schedule/index.js';
export { buildSite } from './publish/index.js';
export { createApp } from './server/index.js';
