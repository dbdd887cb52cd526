import { describe, expect, it } from 'vitest';
import { TributaryError } from '../model/index.js';
import { createFetcher } from './index.js';
import type { Fetcher, FetcherOptions } from './index.js';
import { createAfterEachCloser, startLocalServer } from './testdata/local-server.js';
import type { LocalServer } from './testdata/local-server.js';

const feedXml = '<rss version="2.0"><channel><title>t</title></channel></rss>';

const closeAfterTest = createAfterEachCloser();

async function serveFeed(handler?: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const server = await startLocalServer(handler ?? ((_request, response) => response.end(feedXml)));
  return closeAfterTest(server);
}

function fetcherWith(options: FetcherOptions): Fetcher {
  const fetcher = createFetcher(options);
  return closeAfterTest(fetcher);
}

async function fetchCode(fetcher: Fetcher, url: string): Promise<string> {
  try {
    const result = await fetcher.fetchFeed({ url });
    return `ok ${result.status}`;
  } catch (error) {
    return error instanceof TributaryError ? error.code : `untyped ${String(error)}`;
  }
}

describe('private addresses are refused by default', () => {
  // Every spelling of the loopback server's own address; if one slipped through it would be fetched.
  const spellings: Array<{ name: string; host: (server: LocalServer) => string }> = [
    { name: 'dotted IPv4', host: () => '127.0.0.1' },
    { name: 'decimal IPv4', host: () => '2130706433' },
    { name: 'hex IPv4', host: () => '0x7f.1' },
    { name: 'octal IPv4', host: () => '0177.0.0.1' },
    { name: 'short IPv4', host: () => '127.1' },
    { name: 'IPv4-mapped IPv6', host: () => '[::ffff:127.0.0.1]' },
    { name: 'IPv4-mapped IPv6 in hex', host: () => '[::ffff:7f00:1]' },
    { name: 'IPv6 loopback', host: () => '[::1]' },
    { name: 'a name resolving to loopback (checked at DNS time)', host: () => 'localhost' },
  ];
  it.each(spellings)('refuses $name', async ({ host }) => {
    const server = await serveFeed();
    const code = await fetchCode(fetcherWith({}), `http://${host(server)}:${server.port}/feed`);
    expect(code).toBe('SSRF_BLOCKED');
    expect(server.requests).toHaveLength(0);
  });

  const metadata = ['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/latest/meta-data/', 'http://metadata.google.internal/computeMetadata/v1/', 'http://0.0.0.0/', 'http://10.0.0.1/', 'http://192.168.0.1/'];
  it.each(metadata)('refuses %s without dialling', async (url) => {
    expect(await fetchCode(fetcherWith({ connectTimeoutMs: 500 }), url)).toBe('SSRF_BLOCKED');
  });

  const messageCases = [
    { name: 'an IP literal', host: '127.0.0.1', mentions: /127\.0\.0\.1 port/ },
    { name: 'a name checked at DNS time', host: 'localhost', mentions: /localhost \((127\.0\.0\.1|::1)\)/ },
  ];
  it.each(messageCases)('names the URL and the address for $name in a one-line message', async ({ host, mentions }) => {
    const server = await serveFeed();
    const url = `http://${host}:${server.port}/feed`;
    const error = await fetcherWith({}).fetchFeed({ url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SSRF_BLOCKED', url });
    expect((error as Error).message).toContain(url);
    expect((error as Error).message).toMatch(mentions);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('allowPrivate', () => {
  const allowed: Array<{ name: string; allow: (server: LocalServer) => FetcherOptions['allowPrivate']; host: string }> = [
    { name: 'true', allow: () => true, host: '127.0.0.1' },
    { name: 'the IP', allow: () => ['127.0.0.1'], host: '127.0.0.1' },
    { name: 'the IP and port', allow: (server) => [`127.0.0.1:${server.port}`], host: '127.0.0.1' },
    { name: 'a CIDR range', allow: () => ['127.0.0.0/8'], host: '127.0.0.1' },
    { name: 'the IP, reached by its decimal form', allow: () => ['127.0.0.1'], host: '2130706433' },
    { name: 'the host name', allow: () => ['localhost'], host: 'localhost' },
  ];
  it.each(allowed)('lets $name through', async ({ allow, host }) => {
    const server = await serveFeed();
    expect(await fetchCode(fetcherWith({ allowPrivate: allow(server) }), `http://${host}:${server.port}/feed`)).toBe('ok 200');
  });

  it('still refuses another port of an allowed host:port', async () => {
    const server = await serveFeed();
    const code = await fetchCode(fetcherWith({ allowPrivate: [`127.0.0.1:${server.port + 1}`] }), `http://127.0.0.1:${server.port}/feed`);
    expect(code).toBe('SSRF_BLOCKED');
  });

  it('refuses a redirect from an allowed host to a private one', async () => {
    const target = await serveFeed();
    const allowedServer = await serveFeed((_request, response) => response.writeHead(302, { location: `http://127.0.0.1:${target.port}/secret` }).end());
    const fetcher = fetcherWith({ allowPrivate: [`127.0.0.1:${allowedServer.port}`] });
    expect(await fetchCode(fetcher, `${allowedServer.origin}/feed`)).toBe('SSRF_BLOCKED');
    expect(target.requests).toHaveLength(0);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const server = await serveFeed((_request, response) => response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    expect(await fetchCode(fetcherWith({ allowPrivate: ['127.0.0.1'] }), `${server.origin}/feed`)).toBe('SSRF_BLOCKED');
  });
});
