/**
 * The CLI contract that scripts outside the project rely on: init, add, remove, feeds, import,
 * export, fetch's summary and exit codes, and parse --json, run as the built binary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runTributary } from './helpers.js';

const rss = (items: number): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture &amp; Co</title><link>http://fixture.example/</link>${Array.from({ length: items }, (_, i) => `<item><title>Item ${i}</title><link>http://fixture.example/${i}</link><pubDate>Mon, 0${i + 1} May 2022 10:00:00 +0000</pubDate><description>&lt;p&gt;Body ${i}&lt;/p&gt;</description></item>`).join('')}</channel></rss>`;

describe('the tributary command line', () => {
  let base = '';
  let close: () => Promise<void> = async () => {};
  let dir = '';

  beforeAll(async () => {
    const server = createServer((request, response) => {
      if (request.url === '/feed.xml' && request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
      else if (request.url === '/feed.xml') response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(3));
      else if (request.url === '/page.html') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>hi</body></html>');
      else if (request.url === '/logo.png') response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
      else if (request.url === '/blog/') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="The blog" href="../feed.xml"></head><body>blog</body></html>');
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    dir = await makeTempDir();
  });
  afterAll(() => close());

  it('init writes a commented tributary.yaml and refuses to overwrite it', async () => {
    expect((await runTributary(['init'], dir)).code).toBe(0);
    const yaml = await readFile(join(dir, 'tributary.yaml'), 'utf8');
    for (const key of ['title:', 'tagline:', 'baseUrl:', 'pageSize:', 'attribution:', 'feeds:']) expect(yaml).toContain(key);
    expect(yaml).toMatch(/^#/m);
    const again = await runTributary(['init'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('adds, lists, fetches and removes feeds; failures are stored per feed and fetch still exits 0', async () => {
    expect((await runTributary(['--allow-private', 'add', `${base}feed.xml`, '--title', 'My fixture'], dir)).code).toBe(0);
    expect((await runTributary(['add', `${base}page.html`, '--no-discover'], dir)).code).toBe(0);
    const duplicate = await runTributary(['add', `${base}feed.xml`, '--no-discover'], dir);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already/i);

    const fetched = await runTributary(['--allow-private', 'fetch'], dir);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stdout).toMatch(/2 feeds: 1 ok, 0 not modified, 1 failed; 3 new entries/);

    const lines = (await runTributary(['feeds'], dir)).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const good = lines.find((line) => line.startsWith(`${base}feed.xml`))!;
    expect(good).toContain('My fixture');
    expect(good).toContain('3 entries');
    const bad = lines.find((line) => line.startsWith(`${base}page.html`))!;
    expect(bad).toContain('PARSE_NOT_A_FEED');

    const json = (await runTributary(['feeds', '--json'], dir)).stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const failed = json.find((feed) => feed.url === `${base}page.html`)!;
    expect(failed).toMatchObject({ status: 'error', errorClass: 'PARSE_NOT_A_FEED', consecutiveFailures: 1, entries: 0, disabled: false, failing: false });
    for (const key of ['url', 'title', 'status', 'httpStatus', 'errorClass', 'errorMessage', 'lastAttemptAt', 'lastSuccessAt', 'consecutiveFailures', 'nextPollAt', 'entries', 'disabled', 'disabledReason']) expect(failed).toHaveProperty(key);
    expect(String(failed.errorMessage)).toContain(`${base}page.html`);

    const second = await runTributary(['--allow-private', 'fetch', '--all'], dir);
    expect(second.stdout).toMatch(/2 feeds: 0 ok, 1 not modified, 1 failed; 0 new entries/);

    expect((await runTributary(['remove', `${base}page.html`], dir)).code).toBe(0);
    expect((await runTributary(['feeds'], dir)).stdout.trim().split('\n')).toHaveLength(1);
    const missing = await runTributary(['remove', 'https://nowhere.example/feed'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not subscribed');
  });

  it('add finds the feed a page advertises (or at a usual path), and refuses what is neither', async () => {
    const other = await makeTempDir();
    const found = await runTributary(['--allow-private', 'add', `${base}blog/`], other);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain(`added ${base}feed.xml`);
    const guessed = await runTributary(['--allow-private', 'add', `${base}page.html`], other);
    expect(guessed.stderr).toContain(`Already subscribed to ${base}feed.xml`);
    const none = await runTributary(['--allow-private', 'add', `${base}logo.png`], other);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/neither a feed nor a web page/);
    const blocked = await runTributary(['add', `${base}blog/`], other);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/private|loopback|refused/i);
  });

  it('refuses loopback feeds without --allow-private and says why', async () => {
    const other = await makeTempDir();
    await runTributary(['add', `${base}feed.xml`, '--no-discover'], other);
    const fetched = await runTributary(['fetch'], other);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toMatch(/1 failed/);
    const [feed] = (await runTributary(['feeds', '--json'], other)).stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(feed!.errorClass).toBe('SSRF_BLOCKED');
  });

  it('exports OPML that imports back into another database', async () => {
    const exported = await runTributary(['export'], dir);
    expect(exported.stdout).toContain('<opml version="2.0">');
    expect(exported.stdout).toContain(`xmlUrl="${base}feed.xml"`);
    const other = await makeTempDir();
    await writeFile(join(other, 'subs.opml'), exported.stdout);
    const imported = await runTributary(['import', 'subs.opml'], other);
    expect(imported.stdout).toContain('imported 1 feeds');
    expect((await runTributary(['feeds'], other)).stdout).toContain(`${base}feed.xml`);
  });

  it('parse --json prints the normalized contract, and ok:false for what is not a feed', async () => {
    await writeFile(join(dir, 'one.xml'), rss(1));
    const parsed = JSON.parse((await runTributary(['parse', 'one.xml', '--json'], dir)).stdout) as Record<string, unknown>;
    expect(parsed).toEqual({
      ok: true, format: 'rss2', title: 'Fixture & Co', link: 'http://fixture.example/',
      entries: [{ id: null, title: 'Item 0', link: 'http://fixture.example/0', published: '2022-05-01T10:00:00Z', updated: null, author: null, text: 'Body 0' }],
    });
    await writeFile(join(dir, 'page.html'), '<!doctype html><html><head><title>x</title></head><body>hello</body></html>');
    const notFeed = JSON.parse((await runTributary(['parse', 'page.html', '--json'], dir)).stdout) as Record<string, unknown>;
    expect(notFeed.ok).toBe(false);
    expect(String(notFeed.error)).toMatch(/HTML/i);
  });

  it('parse prints a long feed whole (many pieces, characters beyond Latin-1) and --batch one line per file', async () => {
    const items = Array.from({ length: 3_000 }, (_, i) => `<entry><id>urn:${i}</id><title>Entrée ${i} – “quoted” 😀</title><content type="html">&lt;p&gt;Body ${i} ${'ü'.repeat(i % 7)}&lt;/p&gt;</content></entry>`);
    await writeFile(join(dir, 'long.atom'), `<feed xmlns="http://www.w3.org/2005/Atom"><title>Long</title>${items.join('')}<author><name>Late Author</name></author></feed>`);
    const whole = JSON.parse((await runTributary(['parse', 'long.atom', '--json'], dir)).stdout) as { entries: Array<Record<string, unknown>> };
    expect(whole.entries).toHaveLength(3_000);
    expect(whole.entries[2_999]).toEqual({ id: 'urn:2999', title: 'Entrée 2999 – “quoted” 😀', link: null, published: null, updated: null, author: 'Late Author', text: `Body 2999 ${'ü'.repeat(2999 % 7)}` });
    const batch = await runTributary(['parse', '--batch'], dir, {}, 'long.atom\none.xml\nmissing.xml\n');
    const lines = batch.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.file, line.ok])).toEqual([['long.atom', true], ['one.xml', true], ['missing.xml', false]]);
    expect(lines[0]).toEqual({ ...whole, file: 'long.atom' });
  });

  it('says in one line, without a stack, when build cannot write where it is told (the output is a file)', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const result = await runTributary(['build', '--out', 'not-a-folder'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tributary: .*not-a-folder/);
  });

  it('exits non-zero with one line when the cycle itself cannot run (bad config)', async () => {
    const other = await makeTempDir();
    await writeFile(join(other, 'bad.yaml'), 'site:\n  pageSize: many\n');
    const result = await runTributary(['--config', 'bad.yaml', 'fetch'], other);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('site.pageSize');
  });
});
