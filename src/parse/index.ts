/**
 * @module parse
 * The parse stage: bytes in, a ParsedFeed out. See parse-feed.ts for the entry points and
 * xml-tokenizer.ts for why the XML engine is hand-written.
 */
export { parseFeed, createFeedParser, detectFeedFormat } from './parse-feed.js';
export type { ParseOptions, FeedParser } from './parse-feed.js';
export { toParseContract, createParseContractJson, parseErrorContract } from './parse-contract.js';
export type { ParseContract, ParseContractJson } from './parse-contract.js';
export { htmlToPlainText } from './plain-text.js';
