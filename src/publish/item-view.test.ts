import { describe, expect, it } from 'vitest';
import { itemHtml, itemText, itemTitle, youtubeVideoId } from './item-view.js';
import { makeItem } from './testdata/river-fixtures.js';

const youtube = makeItem({
  title: 'Environmental Racism: Last Week Tonight',
  author: 'LastWeekTonight',
  link: 'https://www.youtube.com/watch?v=abc123',
  content: null,
  summary: null,
  thumbnail: { url: 'https://i4.ytimg.com/vi/abc123/hqdefault.jpg', width: 480, height: 360 },
  mediaDescription: '',
});

describe('itemHtml', () => {
  it('shows a YouTube-style item as its thumbnail linking to the video, with a play overlay', () => {
    const html = itemHtml(youtube);
    expect(html).toMatch(/^<figure class="media"><a class="media-card media-video" href="https:\/\/www\.youtube\.com\/watch\?v=abc123" rel="noopener noreferrer nofollow ugc">/);
    expect(html).toContain('<img src="https://i4.ytimg.com/vi/abc123/hqdefault.jpg" alt="Play video: Environmental Racism: Last Week Tonight" width="480" height="360" loading="lazy"');
    expect(html).toContain('referrerpolicy="no-referrer"');
    expect(html).toContain('class="media-play"');
  });

  it('plays the video in the page through youtube-nocookie.com only when embedVideos is set', () => {
    const html = itemHtml({ ...youtube, durationSeconds: 754 }, { embedVideos: true });
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Environmental Racism: Last Week Tonight"');
    expect(html).toContain('Video by LastWeekTonight on YouTube · 12:34');
    expect(html).not.toContain('ytimg.com');
    expect(itemHtml(youtube)).not.toContain('<iframe');
    expect(itemHtml({ ...youtube, link: 'https://vimeo.com/42' }, { embedVideos: true })).not.toContain('<iframe');
  });

  it('finds the video id in every YouTube link form, and nothing in others', () => {
    const cases: Array<[string | null, string | null]> = [
      ['https://www.youtube.com/watch?v=HV4D-Fx-mlU', 'HV4D-Fx-mlU'],
      ['https://youtu.be/HV4D-Fx-mlU', 'HV4D-Fx-mlU'],
      ['https://m.youtube.com/shorts/abc_123', 'abc_123'],
      ['https://www.youtube-nocookie.com/embed/abc123', 'abc123'],
      ['https://www.youtube.com/watch?v="><script>', null],
      ['https://evil.example/watch?v=abc123', null],
      [null, null],
    ];
    for (const [link, id] of cases) expect(youtubeVideoId(link)).toBe(id);
  });

  it('names the channel (the author, else the feed title) and the video site under the thumbnail', () => {
    expect(itemHtml(youtube)).toContain('<figcaption class="media-channel">Video by LastWeekTonight on YouTube</figcaption></figure>');
    const untitled = itemHtml({ ...youtube, author: null, feedTitle: 'Kernel <Cuts>', link: 'https://vimeo.com/42', durationSeconds: 95 });
    expect(untitled).toContain('<figcaption class="media-channel">Video by Kernel &lt;Cuts&gt; on Vimeo · 1:35</figcaption>');
  });

  it('shows a thumbnail that is not a video as a plain linked picture, without play button or caption', () => {
    const html = itemHtml({ ...youtube, link: 'https://photos.example/p/1' });
    expect(html).toMatch(/^<a class="media-card" href="https:\/\/photos\.example\/p\/1"[^>]*><img [^>]*alt="Open: Environmental Racism/);
    expect(html).not.toContain('media-play');
    expect(html).not.toContain('figcaption');
  });

  it('adds the duration and the media description of a video', () => {
    const html = itemHtml({ ...youtube, durationSeconds: 3725, mediaDescription: 'Line <one>\n\nLine two' });
    expect(html).toContain('<span class="media-duration">1:02:05</span>');
    expect(html).toContain('Video by LastWeekTonight on YouTube · 1:02:05</figcaption>');
    expect(html).toContain('<p class="media-description">Line &lt;one&gt;</p>\n<p class="media-description">Line two</p>');
  });

  it('captions a titled comic image with its title text', () => {
    const html = itemHtml(makeItem({ content: '<img src="https://imgs.xkcd.com/comics/2.png" title="It&#39;s a joke" alt="2">' }));
    expect(html).toMatch(/<figure[^>]*><img [^>]*alt="2"[^>]*><figcaption>It(&#39;|&#x27;|&apos;|')s a joke<\/figcaption><\/figure>/);
  });

  it('gives a podcast episode an audio player and a download link', () => {
    const html = itemHtml(
      makeItem({ content: '<p>Show notes</p>', enclosures: [{ url: 'https://cdn.example/ep1.mp3?a=1&b=2', type: 'audio/mpeg', length: 3_500_000 }] }),
    );
    expect(html).toContain('<p>Show notes</p>');
    expect(html).toContain('<audio controls preload="none" src="https://cdn.example/ep1.mp3?a=1&amp;b=2"></audio>');
    expect(html).toContain('Download the audio, 3.3 MB</a>');
  });

  it('does not repeat an enclosure the body already embeds, and ignores non-media enclosures', () => {
    const html = itemHtml(
      makeItem({
        content: '<audio src="https://cdn.example/ep1.mp3"></audio>',
        enclosures: [
          { url: 'https://cdn.example/ep1.mp3', type: 'audio/mpeg', length: null },
          { url: 'https://cdn.example/notes.pdf', type: 'application/pdf', length: null },
        ],
      }),
    );
    expect(html).toBe('<audio src="https://cdn.example/ep1.mp3"></audio>');
  });

  it('is empty for an item with only a title', () => {
    expect(itemHtml(makeItem({ content: null, summary: '  ' }))).toBe('');
  });

  it('inserts the stored (already sanitized) HTML as is, falling back to the summary', () => {
    expect(itemHtml(makeItem({ content: null, summary: '<p>A &amp; B</p>' }))).toBe('<p>A &amp; B</p>');
  });
});

describe('itemText', () => {
  const cases = [
    { name: 'is empty for a comic that is only an image', item: { content: '<img src="x.png" title="joke" alt="2">' }, expected: '' },
    { name: 'is empty for a video without body or description', item: youtube, expected: '' },
    { name: 'shows a video description when there is one', item: { ...youtube, mediaDescription: 'About the video' }, expected: 'About the video' },
    { name: 'is empty for an item with only a title', item: { content: null }, expected: '' },
    { name: 'separates paragraphs with a blank line', item: { content: '<p>One</p><p>Two</p>' }, expected: 'One\n\nTwo' },
    { name: 'shows images as their alt text when the item has text', item: { content: '<p>Intro</p><img src="d.png" alt="Trust Chain"><p>After</p>' }, expected: 'Intro\n\nTrust Chain\n\nAfter' },
  ];
  it.each(cases)('$name', ({ item, expected }) => {
    expect(itemText(makeItem(item))).toBe(expected);
  });
});

describe('itemTitle', () => {
  it('falls back to the link, then to "Untitled"', () => {
    expect(itemTitle(makeItem({ title: ' ', link: 'https://a.example/p' }))).toBe('https://a.example/p');
    expect(itemTitle(makeItem({ title: null, link: null }))).toBe('Untitled');
  });
});
