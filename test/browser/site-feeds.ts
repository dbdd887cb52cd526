/**
 * @module test/browser/site-feeds
 * The feeds of the river the browser tests look at (and the README screenshots show): a
 * programming blog (RSS with content:encoded: code, a wide table, a photo), a garden blog
 * (Atom), a web comic with title-text jokes, a podcast with an audio enclosure, a YouTube-style
 * channel (media:group, thumbnails, durations), a link blog of title-only items, and one feed
 * that is gone (404). Pictures are small SVGs served by the same fixture server, so the pages
 * load nothing from outside.
 */
import { escapeXml } from './river-site.js';
import type { FixtureFeed, RiverSiteSpec } from './river-site.js';

/** The site's configuration: two river pages, the search box and a theme to be proud of. */
export const siteConfig = `site:
  title: Planet Tributary
  tagline: The collective thoughts of the interwebz
  pageSize: 10
`;

/** Feeds in the OPML, in order. `gone.rss` does not exist on the server. */
export const siteFeeds: readonly FixtureFeed[] = [
  { path: 'northwind.rss', title: 'Northwind Notes' },
  { path: 'garden.atom', title: 'Ada’s Garden' },
  { path: 'stick.rss', title: 'Stick Figure Weekly' },
  { path: 'longtail.rss', title: 'The Long Tail' },
  { path: 'kernelcuts.atom', title: 'Kernel Cuts' },
  { path: 'links.rss', title: 'Sam’s Linkblog' },
  { path: 'gone.rss', title: 'Quiet Corner' },
];

/** A word that only the compost post contains, for `/search?q=`. */
export const searchWord = 'neighbour';

/** The fixture files for `startRiverSite`. */
export const siteSpec: RiverSiteSpec = { files: siteFiles, feeds: siteFeeds, config: siteConfig };

function siteFiles(base: string): Record<string, string> {
  return {
    'northwind.rss': northwind(base),
    'garden.atom': garden(base),
    'stick.rss': stick(base),
    'longtail.rss': longTail(base),
    'kernelcuts.atom': kernelCuts(base),
    'links.rss': links(),
    'img/mountains.svg': mountainsSvg,
    'img/comic-212.svg': comicSvg('Is the cache stale?', 'Only one way to find out.', 'It was the cache.'),
    'img/comic-211.svg': comicSvg('Yesterday I…', '…and today I will…', '…still be in this standup.'),
    'img/thumb-scheduler.svg': thumbnailSvg('A scheduler in 15 minutes', '#1d4e89', '#3f8efc'),
    'img/thumb-build.svg': thumbnailSvg('Why your build is slow', '#7a1f3d', '#e4572e'),
  };
}

const rssOpen = (title: string, link: string, extra = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"${extra}>
<channel><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><description>${escapeXml(title)}</description>`;

interface RssItem {
  title: string;
  link: string;
  date: string;
  author?: string;
  html?: string;
  categories?: string[];
  extra?: string;
}

function rssItem(item: RssItem): string {
  return [
    '<item>',
    `<title>${escapeXml(item.title)}</title>`,
    `<link>${escapeXml(item.link)}</link>`,
    `<guid>${escapeXml(item.link)}</guid>`,
    `<pubDate>${new Date(item.date).toUTCString()}</pubDate>`,
    item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : '',
    ...(item.categories ?? []).map((category) => `<category>${escapeXml(category)}</category>`),
    item.html ? `<content:encoded><![CDATA[${item.html}]]></content:encoded>` : '',
    item.extra ?? '',
    '</item>',
  ].join('');
}

function northwind(base: string): string {
  const site = 'https://northwind.example/';
  const author = 'Maya Lindqvist';
  const items: RssItem[] = [
    {
      title: 'Streaming parsers and the art of not buffering',
      link: `${site}2025/streaming-parsers/`,
      date: '2025-03-14T09:30:00Z',
      author,
      categories: ['parsing', 'performance'],
      html: `<p>A feed can be ten megabytes of XML, and most of it is markup you will throw away. The trick is to
never hold more than one element in memory: read a token, decide, forget. Here is the heart of the tokenizer loop,
which has survived three rewrites:</p>
<pre><code class="language-ts">for (let at = text.indexOf('&lt;', from); at !== -1; at = text.indexOf('&lt;', from)) {
  if (at &gt; from) onText(decodeEntities(text.slice(from, at))); // text between two tags, entities decoded once and only once
  from = readTag(text, at, onOpen, onClose);
}</code></pre>
<p>The <code>readTag</code> function returns the index just past the tag, so the loop never looks back.
Everything else — namespaces, <code>xml:base</code>, CDATA — is a small state machine on top.</p>
<blockquote><p>Make it work, make it right, make it fast — and measure before the third step.</p></blockquote>
<p>Next time: why the same loop is also the fastest way to sniff the encoding.</p>`,
    },
    {
      title: 'Benchmarks, honestly',
      link: `${site}2025/benchmarks-honestly/`,
      date: '2025-03-09T17:05:00Z',
      author,
      categories: ['performance'],
      html: `<p>Numbers without their conditions are marketing. Here are mine, with the conditions: a laptop on mains
power, Node 20, the median of nine runs, each parser reading the same 5,715 entries.</p>
<table><thead><tr><th>parser</th><th>MB/s</th><th>entries/s</th><th>p50 (ms)</th><th>p99 (ms)</th><th>peak heap (MB)</th><th>errors</th></tr></thead>
<tbody><tr><td>hand-written</td><td>48.2</td><td>30,114</td><td>0.021</td><td>0.19</td><td>41</td><td>0</td></tr>
<tr><td>sax-style library</td><td>21.7</td><td>13,560</td><td>0.047</td><td>0.42</td><td>58</td><td>0</td></tr>
<tr><td>DOM-based library</td><td>6.3</td><td>3,940</td><td>0.160</td><td>1.85</td><td>212</td><td>3</td></tr></tbody></table>
<p>The DOM-based parser is not slow because it is badly written; it is slow because it builds a tree nobody asked for.</p>`,
    },
    {
      title: 'A week in the mountains, offline',
      link: `${site}2025/offline-week/`,
      date: '2025-03-02T12:00:00Z',
      author,
      categories: ['life'],
      html: `<p>No laptop, no phone signal above the tree line, and a paper notebook that filled up faster than expected.</p>
<figure><img src="${base}img/mountains.svg" alt="Blue mountain ridges under an orange evening sky" width="1200" height="600"><figcaption>The ridge above the hut, half an hour before sunset.</figcaption></figure>
<p>The best idea of the week came on the way down, as they always do: the feed reader should <em>wait</em> for the
network instead of failing, and tell you so.</p>`,
    },
    {
      title: 'Notes on error messages',
      link: `${site}2025/error-messages/`,
      date: '2025-02-22T08:15:00Z',
      author,
      html: `<p>Every error message should answer three questions:</p>
<ul><li><strong>What</strong> failed — name the file, the URL, the line.</li>
<li><strong>Why</strong> — in the words of the person reading it, not of the code.</li>
<li><strong>What now</strong> — the one thing they can do about it.</li></ul>
<p>A fourth, optional: where to read more.</p>`,
    },
  ];
  return `${rssOpen('Northwind Notes', site)}${items.map(rssItem).join('\n')}</channel></rss>\n`;
}

function garden(base: string): string {
  const site = 'https://garden.example/';
  const entry = (title: string, slug: string, date: string, html: string): string =>
    `<entry><title>${escapeXml(title)}</title><link rel="alternate" href="${site}${slug}/"/><id>${site}${slug}/</id>
<published>${date}</published><updated>${date}</updated><author><name>Ada Okafor</name></author>
<content type="html">${escapeXml(html)}</content></entry>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ada’s Garden</title><link rel="alternate" href="${site}"/>
<link rel="self" href="${base}garden.atom"/><id>${site}</id><updated>2025-03-12T07:00:00Z</updated>
${entry('Tomatoes in March: a planting calendar', 'tomatoes-in-march', '2025-03-12T07:00:00Z', `<p>It is too early to plant them out, and exactly the right time to sow them indoors.</p>
<h3>This week</h3><ol><li>Sow in small pots, two seeds each, on a warm windowsill.</li><li>Keep the compost moist, never wet.</li><li>Label everything. You will forget which is which.</li></ol>
<h3>In April</h3><p>Pot them on when the first true leaves appear, and start hardening them off on mild afternoons.</p>`)}
${entry('Compost, explained to my neighbour', 'compost-explained', '2025-03-05T18:40:00Z', `<p>My neighbour asked why the heap in the corner smells of forest floor and not of rubbish. The short answer: air.</p>
<blockquote><p>Greens bring nitrogen, browns bring carbon, and turning the heap brings the oxygen that keeps it sweet.</p></blockquote>
<p>Two parts cardboard and dry leaves to one part kitchen scraps, turned every fortnight, and the compost is ready by autumn.</p>`)}
${entry('The seed library opens on Saturday', 'seed-library', '2025-02-27T10:00:00Z', `<p>Bring seeds, take seeds. The library lives in the old card catalogue at the community centre, open from ten until noon. <a href="${site}seed-library/">Details and the list of varieties.</a></p>`)}
</feed>
`;
}

function stick(base: string): string {
  const site = 'https://stick.example/';
  const comic = (n: number, title: string, date: string, alt: string, joke: string): string =>
    rssItem({
      title: `#${n}: ${title}`,
      link: `${site}${n}/`,
      date,
      html: `<img src="${base}img/comic-${n}.svg" alt="${escapeXml(alt)}" title="${escapeXml(joke)}" width="740" height="260">`,
    });
  return `${rssOpen('Stick Figure Weekly', site)}
${comic(212, 'Cache invalidation', '2025-03-13T06:00:00Z', 'Three panels: two stick figures debate whether the cache is stale.', 'There are only two hard things in computer science, and this comic is about both of them.')}
${comic(211, 'Standup', '2025-03-06T06:00:00Z', 'Three panels of a daily standup that never ends.', 'The meeting was scheduled for fifteen minutes in the year 2019.')}
</channel></rss>
`;
}

function longTail(base: string): string {
  const site = 'https://longtail.example/';
  const episode = (n: number, title: string, date: string, duration: string, bytes: number, html: string): string =>
    rssItem({
      title: `Episode ${n}: ${title}`,
      link: `${site}episodes/${n}/`,
      date,
      author: 'Priya Raman and Tom Ellis',
      html,
      extra: `<enclosure url="${base}audio/episode-${n}.mp3" length="${bytes}" type="audio/mpeg"/><itunes:duration>${duration}</itunes:duration>`,
    });
  return `${rssOpen('The Long Tail', site, ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"')}
${episode(42, 'Feeds never died', '2025-03-11T05:00:00Z', '48:12', 46_270_000, `<p>Priya and Tom on why RSS quietly runs half the internet, from podcasts to package updates.</p>
<ul><li>03:10 — the feed that started it all</li><li>17:45 — WebSub, explained with a kettle</li><li>39:20 — listener questions</li></ul>`)}
${episode(41, 'The small web', '2025-02-25T05:00:00Z', '52:40', 50_560_000, '<p>Personal sites, web rings and the joy of a page that loads in 40 milliseconds.</p>')}
</channel></rss>
`;
}

function kernelCuts(base: string): string {
  const video = (id: string, title: string, date: string, seconds: number, thumb: string, description: string): string =>
    `<entry><id>yt:video:${id}</id><yt:videoId>${id}</yt:videoId><yt:channelId>UCkernelcuts</yt:channelId>
<title>${escapeXml(title)}</title><link rel="alternate" href="https://www.youtube.com/watch?v=${id}"/>
<author><name>Kernel Cuts</name><uri>https://www.youtube.com/channel/UCkernelcuts</uri></author>
<published>${date}</published><updated>${date}</updated>
<media:group><media:title>${escapeXml(title)}</media:title>
<media:content url="https://www.youtube.com/v/${id}?version=3" type="application/x-shockwave-flash" width="640" height="390" duration="${seconds}"/>
<media:thumbnail url="${base}img/${thumb}" width="480" height="360"/>
<media:description>${escapeXml(description)}</media:description></media:group></entry>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
<link rel="self" href="${base}kernelcuts.atom"/><id>yt:channel:UCkernelcuts</id><yt:channelId>UCkernelcuts</yt:channelId>
<title>Kernel Cuts</title><link rel="alternate" href="https://www.youtube.com/channel/UCkernelcuts"/>
<author><name>Kernel Cuts</name><uri>https://www.youtube.com/channel/UCkernelcuts</uri></author><published>2020-01-01T00:00:00Z</published>
${video('sched15min', 'Writing a scheduler in 15 minutes', '2025-03-10T16:00:00Z', 912, 'thumb-scheduler.svg', 'A round-robin scheduler from scratch, then a fair one.\n\nCode on the channel page.')}
${video('slowbuild01', 'Why your build is slow', '2025-03-01T16:00:00Z', 754, 'thumb-build.svg', 'Profiling a build, one flame graph at a time.')}
</feed>
`;
}

function links(): string {
  const site = 'https://sam.example/';
  return `${rssOpen('Sam’s Linkblog', site)}
${rssItem({ title: 'The Rust reference, now with search', link: 'https://doc.rust-lang.org/reference/', date: '2025-03-08T21:00:00Z' })}
${rssItem({ title: 'Why RSS still matters in 2025', link: 'https://rss.example/why/', date: '2025-03-03T21:00:00Z' })}
${rssItem({ title: 'A field guide to HTTP caching headers', link: 'https://http.example/caching/', date: '2025-02-20T21:00:00Z' })}
</channel></rss>
`;
}

const mountainsSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 600" width="1200" height="600">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f08a4b"/><stop offset="1" stop-color="#fde2c2"/></linearGradient></defs>
<rect width="1200" height="600" fill="url(#sky)"/><circle cx="860" cy="230" r="64" fill="#fff3d9"/>
<path d="M0 420 230 230 370 350 540 170 720 370 880 260 1200 460V600H0Z" fill="#7d8fb8"/>
<path d="M0 500 170 380 340 470 530 330 770 500 990 380 1200 520V600H0Z" fill="#3d4d72"/>
<path d="M0 560 260 480 520 560 800 470 1200 570V600H0Z" fill="#26304a"/>
</svg>
`;

function comicSvg(first: string, second: string, third: string): string {
  const figure = (x: number): string =>
    `<circle cx="${x}" cy="150" r="16" fill="none" stroke="#111" stroke-width="3"/><path d="M${x} 166v50m0-30-22 16m22-16 22 16m-22 30-18 30m18-30 18 30" fill="none" stroke="#111" stroke-width="3" stroke-linecap="round"/>`;
  const panel = (i: number, words: string): string => {
    const x = 10 + i * 245;
    return `<rect x="${x}" y="10" width="230" height="240" fill="#fff" stroke="#111" stroke-width="3"/>
<text x="${x + 115}" y="60" font-family="Comic Sans MS, Comic Neue, sans-serif" font-size="17" text-anchor="middle" fill="#111">${escapeXml(words)}</text>
${figure(x + 70)}${figure(x + 160)}`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 260" width="740" height="260"><rect width="740" height="260" fill="#fff"/>
${panel(0, first)}${panel(1, second)}${panel(2, third)}</svg>
`;
}

function thumbnailSvg(title: string, from: string, to: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 360" width="480" height="360">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="480" height="360" fill="#000"/><rect y="45" width="480" height="270" fill="url(#g)"/>
<text x="32" y="200" font-family="system-ui, sans-serif" font-size="30" font-weight="700" fill="#fff">${escapeXml(title)}</text>
<text x="32" y="236" font-family="system-ui, sans-serif" font-size="18" fill="#ffffffcc">KERNEL CUTS</text></svg>
`;
}
