/**
 * Hub and topic discovery (W3C WebSub §4): Link header first, the document's links otherwise.
 */
import { describe, expect, it } from 'vitest';
import { discoverHub } from './index.js';

const feedUrl = 'https://blog.example/feed';
const none = { hubUrls: [], selfUrl: null };

const cases = [
  {
    name: 'takes the hub and self of the Link header',
    fetched: { hubUrls: ['https://hub.example/'], selfUrl: 'https://blog.example/feed.xml' },
    parsed: { hubs: [], selfUrl: null },
    expected: { hubs: ['https://hub.example/'], topic: 'https://blog.example/feed.xml' },
  },
  {
    name: 'prefers the Link header to the document when both advertise hubs',
    fetched: { hubUrls: ['https://header-hub.example/'], selfUrl: 'https://blog.example/header-self' },
    parsed: { hubs: ['https://doc-hub.example/'], selfUrl: 'https://blog.example/doc-self' },
    expected: { hubs: ['https://header-hub.example/'], topic: 'https://blog.example/header-self' },
  },
  {
    name: 'falls back to the document without a hub in the headers',
    fetched: none,
    parsed: { hubs: ['https://pubsubhubbub.appspot.com/', 'https://websub.example/'], selfUrl: 'https://blog.example/atom' },
    expected: { hubs: ['https://pubsubhubbub.appspot.com/', 'https://websub.example/'], topic: 'https://blog.example/atom' },
  },
  {
    name: "uses the document's self when the header gives hubs only",
    fetched: { hubUrls: ['https://hub.example/'], selfUrl: null },
    parsed: { hubs: [], selfUrl: 'https://blog.example/atom' },
    expected: { hubs: ['https://hub.example/'], topic: 'https://blog.example/atom' },
  },
  {
    name: 'uses the feed URL as topic when nothing names itself',
    fetched: none,
    parsed: { hubs: ['https://hub.example/'], selfUrl: null },
    expected: { hubs: ['https://hub.example/'], topic: feedUrl },
  },
  {
    name: 'keeps only http(s) hubs, once each, as advertised',
    fetched: none,
    parsed: { hubs: ['javascript:alert(1)', 'https://hub.example/x?a=%7E', 'not a url', 'https://hub.example/x?a=%7E', 'ftp://hub.example/'], selfUrl: 'mailto:me@example.com' },
    expected: { hubs: ['https://hub.example/x?a=%7E'], topic: feedUrl },
  },
  {
    name: 'finds nothing in a feed without hubs',
    fetched: none,
    parsed: { hubs: [], selfUrl: 'https://blog.example/atom' },
    expected: { hubs: [], topic: 'https://blog.example/atom' },
  },
  {
    name: 'works from the document alone',
    fetched: null,
    parsed: { hubs: ['https://hub.example/'], selfUrl: null },
    expected: { hubs: ['https://hub.example/'], topic: feedUrl },
  },
];

describe('discoverHub', () => {
  it.each(cases)('$name', ({ fetched, parsed, expected }) => {
    expect(discoverHub(feedUrl, fetched, parsed)).toEqual(expected);
  });
});
