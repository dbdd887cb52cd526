import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from './site-build.js';
import type { SiteWriter } from './site-build.js';
import { createMemorySource, makeFeed, makeItem, site } from './testdata/river-fixtures.js';
import { assertWellFormedXml } from './testdata/xml-check.js';

const feeds = [makeFeed({ id: 1, title: 'LWN.net' }), makeFeed({ id: 2, title: 'The Cloudflare Blog', url: 'https://blog.cloudflare.com/rss/' })];
const items = [
  makeItem({ title: 'One', feedId: 1 }),
  makeItem({ title: 'Two', feedId: 2, feedTitle: 'The Cloudflare Blog' }),
  makeItem({ title: 'Three', feedId: 1 }),
  makeItem({ title: 'Four', feedId: 1 }),
];
const now = new Date(Date.UTC(2022, 4, 3, 18));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tributary-build-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('buildSite', () => {
  it('writes every page, feed and asset, with page 2 when the river is longer than a page', async () => {
    const out = join(dir, 'site');
    const result = await buildSite(createMemorySource(items, feeds), site, out, { now });
    expect(await listFiles(out)).toEqual([
      '.tributary-build.json',
      '404.html',
      'assets/favicon.svg',
      'assets/style.css',
      'atom.xml',
      'feed.json',
      'index.html',
      'opml.xml',
      'page/2/index.html',
      'rss.xml',
      'source/1-lwn-net/index.html',
      'source/2-the-cloudflare-blog/index.html',
      'sources/index.html',
    ]);
    expect(result).toEqual({ pages: 6, files: 12 });
    const first = await readFile(join(out, 'index.html'), 'utf8');
    expect(first.indexOf('>One<')).toBeLessThan(first.indexOf('>Two<'));
    expect(first).toContain('href="./page/2/"');
    expect(first).not.toContain('role="search"');
    expect(await readFile(join(out, 'page/2/index.html'), 'utf8')).toContain('>Four<');
    for (const file of ['atom.xml', 'rss.xml', 'opml.xml']) assertWellFormedXml(await readFile(join(out, file), 'utf8'));
    expect(JSON.parse(await readFile(join(out, 'feed.json'), 'utf8')).items).toHaveLength(3);
  });

  it('removes on a rebuild the pages it no longer writes, and nothing else', async () => {
    const out = join(dir, 'site');
    await buildSite(createMemorySource(items, feeds), { ...site, pageSize: 2 }, out, { now });
    expect(existsSync(join(out, 'source/2-the-cloudflare-blog/index.html'))).toBe(true);
    expect(existsSync(join(out, 'page/2/index.html'))).toBe(true);
    await writeFile(join(out, 'robots.txt'), 'User-agent: *\n');
    const lwnOnly = feeds.filter((feed) => feed.id === 1);
    await buildSite(createMemorySource(items.filter((item) => item.feedId === 1), lwnOnly), { ...site, pageSize: 50 }, out, { now });
    expect(existsSync(join(out, 'source/2-the-cloudflare-blog/index.html'))).toBe(false);
    expect(existsSync(join(out, 'page/2/index.html'))).toBe(false);
    expect(existsSync(join(out, 'source/1-lwn-net/index.html'))).toBe(true);
    expect(await readFile(join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\n');
  });

  it('pages a source with more items than a page', async () => {
    const out = join(dir, 'site');
    await buildSite(createMemorySource(items, feeds), { ...site, pageSize: 2 }, out, { now });
    expect(existsSync(join(out, 'source/1-lwn-net/page/2/index.html'))).toBe(true);
    expect(existsSync(join(out, 'source/2-the-cloudflare-blog/page/2/index.html'))).toBe(false);
  });

  it('writes an empty river as one valid front page', async () => {
    const out = join(dir, 'site');
    const result = await buildSite(createMemorySource([], []), site, out, { now });
    expect(result.pages).toBe(3);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Nothing in the river yet');
  });

  it('writes through a custom writer and reports progress', async () => {
    const written = new Map<string, string | Uint8Array>();
    const writer: SiteWriter = { writeFile: async (path, data) => void written.set(path, data) };
    const progress: string[] = [];
    await buildSite(createMemorySource(items, feeds), site, 'out', { writer, now, onProgress: (p) => progress.push(p.path) });
    expect([...written.keys()]).toContain(join('out', 'page', '2', 'index.html'));
    expect(progress).toHaveLength(written.size);
    expect(existsSync(join(process.cwd(), 'out'))).toBe(false);
  });

  it('copies the site theme assets over the default ones', async () => {
    const themeDir = join(dir, 'theme');
    await mkdir(join(themeDir, 'assets', 'img'), { recursive: true });
    await writeFile(join(themeDir, 'assets', 'style.css'), 'body{color:red}');
    await writeFile(join(themeDir, 'assets', 'img', 'logo.svg'), '<svg/>');
    const out = join(dir, 'site');
    await buildSite(createMemorySource(items, feeds), { ...site, theme: themeDir }, out, { now });
    expect(await readFile(join(out, 'assets/style.css'), 'utf8')).toBe('body{color:red}');
    expect(existsSync(join(out, 'assets/img/logo.svg'))).toBe(true);
    expect(existsSync(join(out, 'assets/favicon.svg'))).toBe(true);
  });
});
