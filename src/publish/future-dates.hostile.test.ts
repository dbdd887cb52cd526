// Entries dated in the future (a feed's typo, a wrong clock, a scheduled post listed early), stored
// in a real SQLite file and published: the store sorts them at the moment it first saw them, and
// nothing published may carry the bogus date on, or pin the output feeds' dates to it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryInput, RiverItem } from '../model/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { atomFeed } from './atom-feed.js';
import { jsonFeed } from './json-feed.js';
import { renderRiverHtml } from './pages.js';
import { renderRiverJson } from './river-text.js';
import { rssFeed } from './rss-feed.js';
import { site } from './testdata/river-fixtures.js';
import { loadTheme } from './theme.js';

const HOUR = 3_600_000;
const seen = Date.UTC(2025, 0, 1, 12);
const now = new Date(seen + HOUR);

function entry(guid: string, published: number | null, updated: number | null = null): EntryInput {
  return {
    guid, link: `https://a.example/${guid}`, title: guid, author: null, published, updated, content: `<p>${guid}</p>`,
    summary: null, categories: [], enclosures: [], thumbnail: null, mediaDescription: null, durationSeconds: null, contentHash: guid,
  };
}

let dir: string;
let store: Store;
let items: RiverItem[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tributary-future-'));
  store = await openStore(`sqlite:${join(dir, 'store.db')}`);
  const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' }, seen);
  await store.upsertEntries(feed.id, [
    entry('far-future', Date.UTC(9999, 11, 31)),
    entry('edited-far-ahead', seen - 2 * HOUR, Date.UTC(9999, 0, 1)),
    entry('ordinary', seen - 3 * HOUR, seen - HOUR),
  ], seen);
  items = (await store.river({ page: 1, pageSize: 10 })).items;
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an entry dated in the future', () => {
  it('is sorted by the store at the moment it was first seen', () => {
    expect(items.map((item) => [item.guid, item.sortAt])).toEqual([['far-future', seen], ['edited-far-ahead', seen - 2 * HOUR], ['ordinary', seen - 3 * HOUR]]);
  });

  it('is published in Atom as of when it was first seen, and the feed is updated as of its newest real change', () => {
    const doc = parseDocument(atomFeed(items, site, now), { xmlMode: true });
    const dates = (name: string) => DomUtils.getElementsByTagName(name, doc).map((element) => DomUtils.textContent(element));
    expect(dates('published')).toEqual([new Date(seen).toISOString(), new Date(seen - 2 * HOUR).toISOString(), new Date(seen - 3 * HOUR).toISOString()]);
    expect(dates('updated')).toEqual([seen, seen, seen - 2 * HOUR, seen - HOUR].map((time) => new Date(time).toISOString()));
  });

  const outputs: { name: string; render: () => Promise<string> | string }[] = [
    { name: 'the Atom feed', render: () => atomFeed(items, site, now) },
    { name: 'the RSS feed', render: () => rssFeed(items, site, now) },
    { name: 'the JSON Feed', render: () => jsonFeed(items, site, now) },
    { name: 'river --format json', render: () => JSON.stringify(renderRiverJson({ page: 1, pages: 1, total: 3, items }, site)) },
    { name: 'the river page', render: async () => renderRiverHtml(await loadTheme(site), { page: 1, pages: 1, total: 3, items }, site) },
  ];
  it.each(outputs)('never shows the year 9999 in $name', async ({ render }) => {
    expect(await render()).not.toContain('9999');
  });
});
