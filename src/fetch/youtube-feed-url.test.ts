import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { youtubeFeedUrl } from './index.js';
import { readPageLinks } from './read-page-links.js';
import { findYoutubeChannelId } from './youtube-feed-url.js';

const feeds = 'https://www.youtube.com/feeds/videos.xml';

describe('youtubeFeedUrl', () => {
  const cases: Array<{ name: string; url: string; expected: string | null }> = [
    { name: 'a channel URL', url: 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', expected: `${feeds}?channel_id=UCabcdefghijklmnopqrstuv` },
    { name: 'a channel tab on the mobile site', url: 'https://m.youtube.com/channel/UCabcdefghijklmnopqrstuv/videos', expected: `${feeds}?channel_id=UCabcdefghijklmnopqrstuv` },
    { name: 'a user URL', url: 'https://youtube.com/user/SomeUser', expected: `${feeds}?user=SomeUser` },
    { name: 'a playlist URL', url: 'https://www.youtube.com/playlist?list=PLabcdefghijklmnop', expected: `${feeds}?playlist_id=PLabcdefghijklmnop` },
    { name: 'a video within a playlist', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLabcdefghijklmnop', expected: `${feeds}?playlist_id=PLabcdefghijklmnop` },
    { name: 'a mix (no feed)', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=RDdQw4w9WgXcQ', expected: null },
    { name: 'a handle (needs the page)', url: 'https://www.youtube.com/@somebody', expected: null },
    { name: 'a single video', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', expected: null },
    { name: 'a malformed channel id', url: 'https://www.youtube.com/channel/UCshort', expected: null },
    { name: 'a feed URL already', url: `${feeds}?channel_id=UCabcdefghijklmnopqrstuv`, expected: null },
    { name: 'another site', url: 'https://example.org/channel/UCabcdefghijklmnopqrstuv', expected: null },
    { name: 'a look-alike host', url: 'https://youtube.com.evil.example/channel/UCabcdefghijklmnopqrstuv', expected: null },
    { name: 'not a URL', url: 'youtube', expected: null },
  ];
  it.each(cases)('maps $name', ({ url, expected }) => {
    expect(youtubeFeedUrl(url)).toBe(expected);
  });
});

describe('findYoutubeChannelId', () => {
  const page = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
  const cases = [
    { name: 'the canonical link first', file: 'youtube-handle-page.html', expected: 'UCabcdefghijklmnopqrstuv' },
    { name: 'the page JSON when nothing else names it', file: 'youtube-json-only-page.html', expected: 'UCjsonjsonjsonjsonjsonjs' },
    { name: 'nothing on a page without one', file: 'plain-page.html', expected: null },
  ];
  it.each(cases)('finds $name', ({ file, expected }) => {
    const html = page(file);
    const links = readPageLinks(html, 'https://www.youtube.com/@somebody');
    expect(findYoutubeChannelId(html, links.canonicalUrl, links.metaIds)).toBe(expected);
  });

  it('uses the meta identifier when there is no canonical link', () => {
    const html = '<meta itemprop="identifier" content="UCzzzzzzzzzzzzzzzzzzzzzz"><script>{"channelId":"UCyyyyyyyyyyyyyyyyyyyyyy"}</script>';
    const links = readPageLinks(html, 'https://www.youtube.com/@x');
    expect(findYoutubeChannelId(html, links.canonicalUrl, links.metaIds)).toBe('UCzzzzzzzzzzzzzzzzzzzzzz');
  });
});
