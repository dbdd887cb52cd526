import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TributaryError } from '../model/index.js';
import { createFetcher, discoverFeeds } from './index.js';
import type { Fetcher } from './index.js';
import { createAfterEachCloser, startLocalServer } from './testdata/local-server.js';
import type { LocalServer } from './testdata/local-server.js';

const fixture = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';

const closeAfterTest = createAfterEachCloser();

/** A site whose paths answer with [status, content type, body]; anything else is a 404. */
async function serveSite(routes: Record<string, [number, string, string] | ((request: IncomingMessage, response: ServerResponse) => void)>): Promise<LocalServer> {
  const server = await startLocalServer((request, response) => {
    const route = routes[request.url ?? '/'];
    if (typeof route === 'function') return route(request, response);
    if (!route) return void response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
    const [status, contentType, body] = route;
    response.writeHead(status, { 'content-type': contentType }).end(body);
  });
  return closeAfterTest(server);
}

function createTestFetcher(): Fetcher {
  const fetcher = createFetcher({ allowPrivate: ['127.0.0.1'] });
  return closeAfterTest(fetcher);
}

describe('discoverFeeds', () => {
  it('keeps a URL that is a feed itself', async () => {
    const server = await serveSite({ '/feed.atom': [200, 'text/xml', fixture('feed.atom')] });
    const found = await discoverFeeds(createTestFetcher(), `${server.origin}/feed.atom`);
    expect(found).toEqual([{ url: `${server.origin}/feed.atom`, title: null, type: 'application/atom+xml', via: 'feed' }]);
  });

  it('follows a permanent redirect to the feed and returns where it moved', async () => {
    const server = await serveSite({
      '/old': (_request, response) => response.writeHead(301, { location: '/new.xml' }).end(),
      '/new.xml': [200, 'application/rss+xml', rss],
    });
    const found = await discoverFeeds(createTestFetcher(), `${server.origin}/old`);
    expect(found.map((feed) => feed.url)).toEqual([`${server.origin}/new.xml`]);
  });

  it('returns the feeds a page advertises, resolved against its <base>, without guessing', async () => {
    const server = await serveSite({ '/': [200, 'text/html; charset=utf-8', fixture('blog-page.html')] });
    const found = await discoverFeeds(createTestFetcher(), `${server.origin}/`);
    expect(found).toEqual([
      { url: `${server.origin}/blog/feed.rss`, title: 'Posts (RSS) & more', type: 'application/rss+xml', via: 'link' },
      { url: 'https://blog.example/atom.xml', title: 'Posts (Atom)', type: 'application/atom+xml', via: 'link' },
      { url: `${server.origin}/blog/feed.json`, title: null, type: 'application/feed+json', via: 'link' },
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it('tries the common feed paths, in order, when the page advertises none', async () => {
    const server = await serveSite({
      '/': [200, 'text/html', fixture('plain-page.html')],
      '/feed': [200, 'text/html', '<!doctype html><p>a catch-all page is not a feed</p>'],
      '/atom.xml': [200, 'application/xml', fixture('feed.atom')],
      '/feed.xml': [200, 'application/rss+xml', rss],
    });
    const found = await discoverFeeds(createTestFetcher(), `${server.origin}/`);
    expect(found).toEqual([{ url: `${server.origin}/atom.xml`, title: null, type: 'application/atom+xml', via: 'common-path' }]);
    expect(server.requests.map((request) => request.url)).toEqual(['/', '/feed', '/rss', '/atom.xml']);
  });

  it('finds a JSON Feed at /feed.json', async () => {
    const server = await serveSite({
      '/blog/': [200, 'text/html', fixture('plain-page.html')],
      '/feed.json': [200, 'application/json', '{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}'],
    });
    const found = await discoverFeeds(createTestFetcher(), `${server.origin}/blog/`);
    expect(found).toMatchObject([{ url: `${server.origin}/feed.json`, type: 'application/feed+json', via: 'common-path' }]);
  });

  it('says clearly that a page without any feed is not a feed', async () => {
    const server = await serveSite({ '/': [200, 'text/html', fixture('plain-page.html')] });
    const error = await discoverFeeds(createTestFetcher(), `${server.origin}/`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TributaryError);
    expect(error).toMatchObject({ code: 'PARSE_NOT_A_FEED', url: `${server.origin}/` });
    expect((error as Error).message).toContain(`${server.origin}/ is a web page that links to no feed`);
    expect(server.requests).toHaveLength(8);
  });

  it('refuses something that is neither a feed nor a page without guessing', async () => {
    const server = await serveSite({ '/logo.png': [200, 'image/png', '\x89PNG\r\n'] });
    const error = await discoverFeeds(createTestFetcher(), `${server.origin}/logo.png`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PARSE_NOT_A_FEED' });
    expect(server.requests).toHaveLength(1);
  });

  it('passes on the fetch error when the URL itself fails', async () => {
    const server = await serveSite({});
    const error = await discoverFeeds(createTestFetcher(), `${server.origin}/missing`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 404 });
  });

  it('maps a YouTube channel URL to its feed without fetching anything', async () => {
    const fetcher = createFetcher();
    closeAfterTest(fetcher);
    const found = await discoverFeeds(fetcher, 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv');
    expect(found).toEqual([
      { url: 'https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv', title: null, type: 'application/atom+xml', via: 'youtube' },
    ]);
  });
});
