/**
 * @module demo/demo-feeds
 * The documents behind `tributary demo`: a blog with full HTML articles (Atom), a news wire
 * without authors (RSS 2.0), a YouTube-style channel (YouTube's Atom with media:group), a web
 * comic (Atom whose entries are one titled image) and a podcast (RSS with an audio enclosure).
 * Dates are relative to the start time so the river looks fresh; pictures are small SVGs served
 * by the same loopback server, so the demo needs no network.
 */

export interface DemoDocument {
  path: string;
  contentType: string;
  body: string;
}

const hour = 3_600_000;

/** Every document the demo server serves, for a server reachable at `base` (ending with '/'). */
export function demoDocuments(base: string, now: number): DemoDocument[] {
  const at = (hoursAgo: number): Date => new Date(now - hoursAgo * hour);
  return [
    { path: 'blog/atom.xml', contentType: 'application/atom+xml; charset=utf-8', body: blogFeed(base, at) },
    { path: 'news/rss.xml', contentType: 'application/rss+xml; charset=utf-8', body: newsFeed(base, at) },
    { path: 'videos/feed.xml', contentType: 'application/atom+xml; charset=utf-8', body: videoFeed(base, at) },
    { path: 'comic/atom.xml', contentType: 'application/atom+xml; charset=utf-8', body: comicFeed(base, at) },
    { path: 'podcast/rss.xml', contentType: 'application/rss+xml; charset=utf-8', body: podcastFeed(base, at) },
    ...pictures(),
  ];
}

function blogFeed(base: string, at: (hours: number) => Date): string {
  const posts = [
    {
      slug: 'rivers-not-inboxes', hours: 2, title: 'Rivers, not inboxes',
      html: `<p>An aggregator that shows a <strong>river</strong> instead of an inbox asks nothing of its reader: no unread counts, no guilt. You read what is at the top and stop when you like.</p>
<figure><img src="/images/river.svg" alt="A river made of many streams" width="640" height="240"><figcaption>Many streams, one river.</figcaption></figure>
<p>Planet sites have worked this way for twenty years. The idea is simple:</p>
<ol><li>subscribe to the people you care about,</li><li>merge what they write, newest first,</li><li>show it in full, with credit to each author.</li></ol>
<blockquote><p>The best feed reader is the one you do not have to manage.</p></blockquote>
<p>Tributary keeps every entry's markup that is safe to show — code, tables, figures — and drops the rest.</p>`,
    },
    {
      slug: 'conditional-get', hours: 20, title: 'Polite polling with conditional GET',
      html: `<p>Every feed reader should send <code>If-None-Match</code> and <code>If-Modified-Since</code>. A server that has nothing new answers <code>304 Not Modified</code> with no body:</p>
<pre><code class="language-http">GET /feed.xml HTTP/1.1
If-None-Match: "5f3a-1"

HTTP/1.1 304 Not Modified</code></pre>
<table><thead><tr><th>Answer</th><th>Bytes</th></tr></thead><tbody><tr><td>200 OK</td><td>48,211</td></tr><tr><td>304 Not Modified</td><td>0</td></tr></tbody></table>
<p>Multiply by ten thousand feeds polled every hour and the saving is real.</p>`,
    },
    {
      slug: 'relative-links', hours: 52, title: 'Relative links & other small traps',
      html: `<p>Feeds often carry links like <a href="/blog/conditional-get">this one</a>, relative to the blog. An aggregator has to resolve them against <code>xml:base</code> or the entry's own address, or they break on the river.</p>
<p>Entities too: <em>caf&#233;</em>, <em>&#8220;quotes&#8221;</em> and <em>&#8212; dashes</em> all survive.</p>`,
    },
  ];
  const entries = posts.map((post) => `
  <entry>
    <title>${esc(post.title)}</title>
    <link rel="alternate" type="text/html" href="${base}blog/${post.slug}"/>
    <id>tag:demo.tributary,2026:blog/${post.slug}</id>
    <published>${at(post.hours).toISOString()}</published>
    <updated>${at(post.hours).toISOString()}</updated>
    <author><name>Ada Brook</name></author>
    <content type="html" xml:base="${base}blog/">${esc(post.html)}</content>
  </entry>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ada's Notebook</title>
  <subtitle>Notes on feeds, rivers and the open web</subtitle>
  <link rel="alternate" href="${base}blog/"/>
  <link rel="self" href="${base}blog/atom.xml"/>
  <id>tag:demo.tributary,2026:blog</id>
  <updated>${at(2).toISOString()}</updated>${entries}
</feed>
`;
}

function newsFeed(base: string, at: (hours: number) => Date): string {
  const items = [
    { id: 1042, hours: 1, title: 'Kernel 7.4-rc2 released', text: '<p>The second release candidate of kernel 7.4 is out for testing. “Things look calm,” says the announcement.</p>' },
    { id: 1041, hours: 6, title: 'Security updates for Wednesday', text: '<p>Security updates have been issued by Debian (curl, openssl), Fedora (firefox) and Ubuntu (linux).</p>' },
    { id: 1040, hours: 30, title: '[$] A look at feed formats in 2026', text: '<p>RSS 2.0, Atom and JSON Feed still cover nearly everything that is published. <a href="https://www.rssboard.org/rss-specification">The RSS specification</a> has not changed in years.</p>' },
    { id: 1039, hours: 75, title: 'Stable kernels 7.3.9 and 7.2.21', text: '<p>Two stable kernel updates have been released, each with a long list of fixes.</p>' },
  ];
  const rendered = items.map((item) => `
    <item>
      <title>${esc(item.title)}</title>
      <link>${base}news/articles/${item.id}/</link>
      <guid isPermaLink="true">${base}news/articles/${item.id}/</guid>
      <pubDate>${at(item.hours).toUTCString().replace('GMT', '+0000')}</pubDate>
      <description>${esc(item.text)}</description>
    </item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Daily Wire News</title>
    <link>${base}news/</link>
    <description>Short news, no bylines</description>
    <ttl>30</ttl>${rendered}
  </channel>
</rss>
`;
}

function videoFeed(base: string, at: (hours: number) => Date): string {
  const videos = [
    { id: 'dQw4demo001', hours: 4, title: 'Building a river site in ten minutes', description: 'From an OPML file to a live site.' },
    { id: 'dQw4demo002', hours: 40, title: 'How feed readers poll: a visual guide', description: '' },
  ];
  const entries = videos.map((video) => `
  <entry>
    <id>yt:video:${video.id}</id>
    <yt:videoId>${video.id}</yt:videoId>
    <yt:channelId>UCdemo0000000000000000</yt:channelId>
    <title>${esc(video.title)}</title>
    <link rel="alternate" href="${base}videos/watch?v=${video.id}"/>
    <author><name>Open Web Channel</name><uri>${base}videos/</uri></author>
    <published>${at(video.hours).toISOString()}</published>
    <updated>${at(video.hours - 1).toISOString()}</updated>
    <media:group>
      <media:title>${esc(video.title)}</media:title>
      <media:content url="${base}videos/v/${video.id}" type="application/x-shockwave-flash" width="640" height="390"/>
      <media:thumbnail url="${base}images/video-${video.id.slice(-1)}.svg" width="480" height="360"/>
      <media:description>${esc(video.description)}</media:description>
    </media:group>
  </entry>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
  <link rel="self" href="${base}videos/feed.xml"/>
  <id>yt:channel:UCdemo0000000000000000</id>
  <title>Open Web Channel</title>
  <link rel="alternate" href="${base}videos/"/>
  <author><name>Open Web Channel</name><uri>${base}videos/</uri></author>
  <published>2020-01-01T00:00:00+00:00</published>${entries}
</feed>
`;
}

function comicFeed(base: string, at: (hours: number) => Date): string {
  const strips = [
    { n: 212, hours: 10, title: 'Unread Count', alt: 'Unread Count', caption: 'It said 9,999+ so I declared bankruptcy and started a river.' },
    { n: 211, hours: 58, title: 'Polling', alt: 'Polling', caption: 'Are we there yet? 304. Are we there yet? 304.' },
  ];
  const entries = strips.map((strip) => `<entry><title>${esc(strip.title)}</title><link href="${base}comic/${strip.n}/" rel="alternate"></link><updated>${at(strip.hours).toISOString()}</updated><id>${base}comic/${strip.n}/</id><summary type="html">${esc(`<img src="${base}images/comic-${strip.n}.svg" title="${strip.caption}" alt="${strip.alt}" />`)}</summary></entry>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Stick Figures Weekly</title><link href="${base}comic/" rel="alternate"></link><id>${base}comic/</id><updated>${at(10).toISOString()}</updated>${entries}</feed>
`;
}

function podcastFeed(base: string, at: (hours: number) => Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Feed Talk</title>
    <link>${base}podcast/</link>
    <description>A podcast about syndication</description>
    <itunes:author>Feed Talk</itunes:author>
    <item>
      <title>Episode 12: WebSub in practice</title>
      <link>${base}podcast/12</link>
      <guid isPermaLink="false">feedtalk-12</guid>
      <pubDate>${at(28).toUTCString()}</pubDate>
      <itunes:author>Sam Rivers</itunes:author>
      <itunes:duration>31:07</itunes:duration>
      <enclosure url="${base}podcast/12.mp3" length="29876543" type="audio/mpeg"/>
      <description>Push instead of poll: how hubs deliver new entries in seconds.</description>
      <content:encoded><![CDATA[<p>Push instead of poll: how <a href="https://www.w3.org/TR/websub/">WebSub</a> hubs deliver new entries in seconds, and what subscribers must verify.</p>]]></content:encoded>
    </item>
  </channel>
</rss>
`;
}

function pictures(): DemoDocument[] {
  const svg = (body: string, width = 640, height = 360): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg>`;
  const image = (path: string, body: string): DemoDocument => ({ path, contentType: 'image/svg+xml', body });
  return [
    image('images/river.svg', svg(`<rect width="640" height="240" fill="#cfe8f3"/><path d="M0 60 C160 20 200 120 320 110 S520 60 640 130" stroke="#2b7bb9" stroke-width="14" fill="none"/><path d="M0 180 C140 200 220 130 320 110" stroke="#4a9fd8" stroke-width="8" fill="none"/><path d="M640 220 C520 210 440 150 320 110" stroke="#4a9fd8" stroke-width="8" fill="none"/>`, 640, 240)),
    image('images/video-1.svg', svg(`<rect width="640" height="360" fill="#283845"/><circle cx="200" cy="180" r="60" fill="#f2a65a"/><rect x="300" y="120" width="240" height="120" rx="12" fill="#5fa8d3"/>`)),
    image('images/video-2.svg', svg(`<rect width="640" height="360" fill="#3d405b"/><path d="M80 280 L220 120 L320 220 L420 80 L560 280 Z" fill="#81b29a"/>`)),
    image('images/comic-212.svg', svg(`<rect width="640" height="240" fill="#fff"/><circle cx="160" cy="80" r="24" fill="none" stroke="#000" stroke-width="4"/><path d="M160 104 V170 M160 130 L120 110 M160 130 L200 110 M160 170 L130 220 M160 170 L190 220" stroke="#000" stroke-width="4"/><rect x="300" y="60" width="260" height="120" fill="none" stroke="#000" stroke-width="4"/><text x="430" y="130" font-size="36" text-anchor="middle" font-family="sans-serif">9,999+</text>`, 640, 240)),
    image('images/comic-211.svg', svg(`<rect width="640" height="240" fill="#fff"/><text x="320" y="130" font-size="48" text-anchor="middle" font-family="sans-serif">304</text>`, 640, 240)),
  ];
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
