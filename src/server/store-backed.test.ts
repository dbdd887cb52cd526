import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryInput } from '../model/index.js';
import { loadTheme } from '../publish/index.js';
import type { Store } from '../store/index.js';
import { openStore } from '../store/index.js';
import { createApp } from './app.js';
import { site } from './testdata/memory-river.js';

function entry(n: number, title: string, text: string): EntryInput {
  return {
    guid: `https://lwn.net/Articles/${n}/`, link: `https://lwn.net/Articles/${n}/`, title, author: n === 1 ? 'Jonathan Corbet' : null,
    published: Date.UTC(2022, 4, 2, n), updated: null, content: `<p>${text}</p>`, summary: null, categories: [], enclosures: [],
    thumbnail: null, mediaDescription: null, durationSeconds: null, contentHash: `h${n}`,
  };
}

describe('the web app over a real SQLite store', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    const feed = await store.addFeed({ url: 'https://lwn.net/headlines/newrss', title: 'LWN.net', siteUrl: 'https://lwn.net/' }, Date.UTC(2022, 4, 1));
    await store.upsertEntries(
      feed.id,
      [entry(1, 'Kernel prepatch 5.18-rc5', 'Linus has released.'), entry(2, 'Security updates', 'Debian and Fedora.'), entry(3, 'SystemTap 4.7 released', 'Tracing.')],
      Date.UTC(2022, 4, 3),
    );
    app = createApp(store, site, await loadTheme(site));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('shows the newest entries first with their attribution lines, and pages the rest', async () => {
    const html = await (await app.request('/')).text();
    expect(html.indexOf('SystemTap 4.7 released')).toBeLessThan(html.indexOf('Security updates'));
    expect(html).not.toContain('Kernel prepatch');
    expect(html).toContain('Post Syndicated from original <a href="https://lwn.net/Articles/3/"');
    expect(await (await app.request('/page/2/')).text()).toContain('Post Syndicated from Jonathan Corbet original');
  });

  it('searches with the store and shows the source page and the sources list', async () => {
    expect(await (await app.request('/search?q=debian')).text()).toContain('Security updates');
    expect((await app.request('/source/1-lwn-net/')).status).toBe(200);
    expect(await (await app.request('/sources/')).text()).toContain('3 posts');
  });
});
