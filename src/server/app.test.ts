import { beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../publish/index.js';
import { loadTheme } from '../publish/index.js';
import { createApp } from './app.js';
import { createMemorySource, makeFeed, makeItem, site } from './testdata/memory-river.js';

const lwn = makeFeed(3, 'LWN.net');
const blog = makeFeed(4, 'A <Blog>');
const items = [makeItem(1, lwn, 'First'), makeItem(2, blog, 'Second <b>'), makeItem(3, lwn, 'Third'), makeItem(4, lwn, 'Fourth'), makeItem(5, lwn, 'Fifth')];
let theme: Theme;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  theme = await loadTheme(site);
  app = createApp(createMemorySource(items, [lwn, blog]), site, theme, { status: async () => ({ feeds: 2, failing: 0 }) });
});

describe('routes', () => {
  const pages = [
    { path: '/', type: 'text/html', contains: '>First<' },
    { path: '/page/2/', type: 'text/html', contains: '>Third<' },
    { path: '/page/3/', type: 'text/html', contains: '>Fifth<' },
    { path: '/source/3-lwn-net/', type: 'text/html', contains: '<h1>LWN.net</h1>' },
    { path: '/source/3-lwn-net/page/2/', type: 'text/html', contains: '>Fourth<' },
    { path: '/sources/', type: 'text/html', contains: 'A &lt;Blog&gt;' },
    { path: '/search?q=fourth', type: 'text/html', contains: '>Fourth<' },
    { path: '/search', type: 'text/html', contains: 'Type a few words' },
    { path: '/atom.xml', type: 'application/atom+xml', contains: '<title type="text">Second &lt;b&gt;</title>' },
    { path: '/rss.xml', type: 'application/rss+xml', contains: '<title>First</title>' },
    { path: '/feed.json', type: 'application/feed+json', contains: '"title": "First"' },
    { path: '/opml.xml', type: 'text/x-opml', contains: 'xmlUrl="https://feeds.example/3.xml"' },
    { path: '/assets/style.css', type: 'text/css', contains: 'prefers-color-scheme: dark' },
    { path: '/status', type: 'application/json', contains: '"feeds":2' },
  ];
  it.each(pages)('GET $path answers 200 ($type)', async ({ path, type, contains }) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(await response.text()).toContain(contains);
  });

  const missing = ['/nope', '/page/4/', '/page/0/', '/page/x/', '/page/2/extra/', '/source/99-gone/', '/source/3-lwn-net/page/9/', '/search?q=first&page=5', '/search?page=-1', '/assets/missing.css', '/assets/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/.hidden'];
  it.each(missing)('GET %s is a 404 page', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
  });

  it('the 404 page is the themed HTML page with root-absolute links', async () => {
    const response = await app.request('/deep/unknown/path/');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('href="/assets/style.css"');
  });

  const redirects = [
    { path: '/page/2', location: '/page/2/' },
    { path: '/sources', location: '/sources/' },
    { path: '/page/1/', location: '../../' },
    { path: '/source/3-old-name/', location: '../3-lwn-net/' },
    { path: '/source/3/page/2/', location: '../../../3-lwn-net/page/2/' },
    { path: '/source/3-lwn-net/page/1/', location: '../../../3-lwn-net/' },
  ];
  it.each(redirects)('GET $path redirects to $location', async ({ path, location }) => {
    const response = await app.request(path);
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, `http://localhost${path}`).pathname).toBe(new URL(location, `http://localhost${path}`).pathname);
  });

  it('shows the health page as HTML to browsers', async () => {
    const response = await app.request('/status', { headers: { Accept: 'text/html' } });
    expect(await response.text()).toContain('<dt>failing</dt>');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('has no /status without a status callback', async () => {
    const bare = createApp(createMemorySource(items, [lwn]), site, theme);
    expect((await bare.request('/status')).status).toBe(404);
  });

  it('pages search results and keeps the query in the links', async () => {
    const many = [1, 2, 3, 4, 5].map((id) => makeItem(id, lwn, `Match ${id}`));
    const searchApp = createApp(createMemorySource(many, [lwn]), site, theme);
    const html = await (await searchApp.request('/search?q=match')).text();
    expect(html).toContain('5 posts found');
    expect(html).toContain('href="./search?q=match&amp;page=2"');
    expect(await (await searchApp.request('/search?q=match&page=3')).text()).toContain('>Match 5<');
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await app.request('/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('headers', () => {
  it.each(['/', '/atom.xml', '/assets/style.css', '/nope', '/status'])('%s carries the security headers', async (path) => {
    const response = await app.request(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('allows configured embed hosts in frame-src', async () => {
    const embedApp = createApp(createMemorySource(items, [lwn]), site, theme, { embedHosts: ['player.example.org'] });
    expect((await embedApp.request('/')).headers.get('content-security-policy')).toContain('https://player.example.org');
  });

  it('caches assets and lets feed readers revalidate feeds with ETags', async () => {
    expect((await app.request('/assets/style.css')).headers.get('cache-control')).toBe('public, max-age=86400');
    const atom = await app.request('/atom.xml');
    expect(atom.headers.get('access-control-allow-origin')).toBe('*');
    const etag = atom.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.request('/atom.xml', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });
});
