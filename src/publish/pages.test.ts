import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTributaryError } from '../model/index.js';
import { renderNotFoundHtml, renderRiverHtml, renderSearchHtml, renderSourceHtml, renderSourcesHtml } from './pages.js';
import type { Theme } from './theme.js';
import { loadTheme } from './theme.js';
import { makeFeed, makeItem, pageOf, site } from './testdata/river-fixtures.js';

type Document = ReturnType<typeof parseDocument>;
const all = (doc: Document, test: (el: { name: string; attribs: Record<string, string> }) => boolean) => DomUtils.findAll(test, doc.children);
const tags = (doc: Document, name: string) => all(doc, (el) => el.name === name);
const text = (doc: Document, name: string) => tags(doc, name).map((el) => DomUtils.textContent(el).trim());

let theme: Theme;
beforeAll(async () => {
  theme = await loadTheme(site);
});

const hostile = makeItem({
  title: '<script>alert(1)</script> & "quotes"',
  author: '<b>Mallory</b>',
  link: 'https://evil.example/?a=1&b=2"onmouseover="alert(1)',
  feedTitle: '<i>Feed</i>',
});
const items = [hostile, makeItem({ title: 'Second' }), makeItem({ title: 'Third' }), makeItem({ title: 'Fourth' })];

describe('river pages', () => {
  it('have the page landmarks, one h1, lang, viewport and one article with an h2 per item', () => {
    const doc = parseDocument(renderRiverHtml(theme, pageOf(items, 1, 4), site));
    expect(tags(doc, 'html')[0]!.attribs.lang).toBe('en');
    expect(all(doc, (el) => el.name === 'meta' && el.attribs.name === 'viewport')).toHaveLength(1);
    for (const landmark of ['header', 'main', 'footer']) expect(tags(doc, landmark).length).toBeGreaterThan(0);
    expect(text(doc, 'h1')).toEqual([site.title]);
    expect(tags(doc, 'article')).toHaveLength(4);
    expect(text(doc, 'h2').slice(0, 4)).toEqual(['<script>alert(1)</script> & "quotes"', 'Second', 'Third', 'Fourth']);
    expect(all(doc, (el) => el.name === 'aside')).toHaveLength(1);
  });

  it('escape hostile titles, authors, feed titles and links', () => {
    const html = renderRiverHtml(theme, pageOf([hostile]), site);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Mallory');
    expect(html).not.toContain('<i>Feed');
    const doc = parseDocument(html);
    const titleLink = DomUtils.findOne((el) => el.name === 'a' && el.parent !== null && (el.parent as { name?: string }).name === 'h2', doc.children)!;
    expect(titleLink.attribs.href).toBe(hostile.link);
    expect(titleLink.attribs.rel).toBe('noopener noreferrer nofollow ugc');
    expect(all(doc, (el) => 'onmouseover' in el.attribs)).toHaveLength(0);
    expect(text(doc, 'p').find((line) => line.startsWith('Post Syndicated'))).toBe(`Post Syndicated from <b>Mallory</b> original ${hostile.link}`);
  });

  it('link newer, older and numbered pages relatively, and page 2 links back to the root', () => {
    const doc = parseDocument(renderRiverHtml(theme, pageOf(items, 2, 1), site));
    const nav = all(doc, (el) => el.name === 'nav' && el.attribs.class === 'pagination')[0]!;
    const links = DomUtils.findAll((el) => el.name === 'a', [nav]).map((el) => [DomUtils.textContent(el).trim(), el.attribs.href]);
    expect(links).toEqual([
      ['← Newer posts', '../../'],
      ['1', '../../'],
      ['3', '../../page/3/'],
      ['4', '../../page/4/'],
      ['Older posts →', '../../page/3/'],
    ]);
    expect(DomUtils.textContent(all(doc, (el) => el.attribs['aria-current'] === 'page')[0]!)).toBe('2');
    expect(all(doc, (el) => el.name === 'link' && el.attribs.rel === 'stylesheet')[0]!.attribs.href).toBe('../../assets/style.css');
  });

  it('show no pagination when everything fits on one page, and a friendly note when empty', () => {
    expect(renderRiverHtml(theme, pageOf(items, 1, 10), site)).not.toContain('class="pagination"');
    expect(renderRiverHtml(theme, { page: 1, pages: 0, total: 0, items: [] }, site)).toContain('Nothing in the river yet');
  });

  it('fold long items behind <details> in excerpt mode', () => {
    const long = makeItem({ content: `<p>${'word '.repeat(300)}</p>` });
    const folded = renderRiverHtml(theme, pageOf([long, makeItem({ content: '<p>short</p>' })]), { ...site, excerpts: true });
    expect(folded.match(/<details class="fold">/g)).toHaveLength(1);
    expect(folded).toMatch(/<p class="excerpt">(word ){10}/);
    expect(renderRiverHtml(theme, pageOf([long]), site)).not.toContain('<details');
  });

  it('include a search form only when a server answers it', () => {
    expect(renderRiverHtml(theme, pageOf(items), site)).not.toContain('role="search"');
    expect(renderRiverHtml(theme, pageOf(items), site, { searchEnabled: true })).toContain('action="./search"');
  });
});

describe('other pages', () => {
  it('a source page has the source as its h1 and links two levels up', () => {
    const feed = makeFeed({ id: 7, title: 'LWN.net' });
    const doc = parseDocument(renderSourceHtml(theme, feed, pageOf(items, 1, 2), site));
    expect(text(doc, 'h1')).toEqual(['LWN.net']);
    expect(all(doc, (el) => el.name === 'a' && el.attribs.rel === 'next')[0]!.attribs.href).toBe('../../source/7-lwn-net/page/2/');
  });

  it('the sources page shows each source with its site, feed, health, error and entry count', () => {
    const now = new Date(Date.UTC(2022, 4, 5));
    const feeds = [
      makeFeed({ id: 1, title: 'LWN.net', entryCount: 12 }),
      makeFeed({ id: 2, title: 'Broken <blog>', lastStatus: 'error', errorCode: 'FETCH_TIMEOUT', errorMessage: 'no answer from https://b.example/feed', consecutiveFailures: 3, entryCount: 1 }),
      makeFeed({ id: 3, title: 'Hiccup', lastStatus: 'error', errorCode: 'FETCH_TIMEOUT', errorMessage: 'slow', consecutiveFailures: 1, lastSuccessAt: now.getTime() - 3_600_000 }),
    ];
    const html = renderSourcesHtml(theme, feeds, site, undefined, now);
    const doc = parseDocument(html);
    expect(text(doc, 'h2').filter((title) => !['About', 'Subscribe'].includes(title))).toEqual(['Broken <blog>', 'Hiccup', 'LWN.net']);
    expect(html).toContain('FETCH_TIMEOUT: no answer from https://b.example/feed');
    expect(all(doc, (el) => el.attribs.class === 'source status-failing')).toHaveLength(1);
    expect(html).toContain('no successful fetch since 2022-05-03 16:00 UTC; failed 3 times in a row');
    expect(html).toContain('<span class="status-badge">last fetch failed</span>');
    expect(html).toContain('1 failing</strong>');
    expect(html).toContain('12 posts');
    expect(html).toContain('href="../source/2-broken-blog/"');
    expect(html).toContain('href="https://lwn.net/headlines/newrss"');
  });

  it('an item shows its categories as tags, and a title-only item is its title linking to the original', () => {
    const tagged = makeItem({ title: 'Tagged', categories: ['rust', ' rust ', '<b>x</b>', '', 'a', 'b', 'c', 'd', 'e'] });
    const bare = makeItem({ title: 'Just a link', link: 'https://links.example/1', content: null, summary: null });
    const doc = parseDocument(renderRiverHtml(theme, pageOf([tagged, bare]), site));
    const [first, second] = tags(doc, 'article');
    const tagTexts = DomUtils.findAll((el) => el.name === 'li', [first!]).map((el) => DomUtils.textContent(el).trim());
    expect(tagTexts).toEqual(['rust', '<b>x</b>', 'a', 'b', 'c', 'd']);
    const link = DomUtils.findOne((el) => el.name === 'a' && (el.parent as { name?: string }).name === 'h2', [second!])!;
    expect([link.attribs.href, DomUtils.textContent(link).trim()]).toEqual(['https://links.example/1', 'Just a link']);
    expect(DomUtils.findAll((el) => el.attribs.class === 'content' || el.name === 'ul', [second!])).toHaveLength(0);
  });

  it('makes code blocks and tables keyboard-scrollable', () => {
    const html = renderRiverHtml(theme, pageOf([makeItem({ content: '<pre class="language-ts"><code>x</code></pre><table><tr><td>1</td></tr></table><p>pre table</p>' })]), site);
    expect(html).toContain('<pre tabindex="0" class="language-ts">');
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<p>pre table</p>');
  });

  it('the search page escapes the query and says when nothing matched', () => {
    const html = renderSearchHtml(theme, '"><script>', pageOf([]), site, { searchEnabled: true });
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('No post matches');
  });

  it('the not-found page links to the root absolutely (its depth is unknown)', () => {
    const html = renderNotFoundHtml(theme, { ...site, baseUrl: 'https://example.org/planet' });
    expect(html).toContain('href="/planet/assets/style.css"');
    expect(html).toContain('<h1>Page not found</h1>');
  });
});

describe('loadTheme', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tributary-theme-'));
    await mkdir(join(dir, 'templates'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'templates', 'item.eta'), '<article class="mine"><h2><%= it.item.title %></h2></article>\n');
    await writeFile(join(dir, 'assets', 'style.css'), 'body { color: red }\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('overrides the default theme file by file', async () => {
    const custom = await loadTheme({ ...site, theme: dir });
    const html = renderRiverHtml(custom, pageOf([makeItem({ title: 'A <b>' })]), site);
    expect(html).toContain('<article class="mine"><h2>A &lt;b&gt;</h2></article>');
    expect(html).toContain('class="site-footer"');
    expect(custom.assetDirs[0]).toBe(join(dir, 'assets'));
    expect(custom.assetDirs).toHaveLength(2);
  });

  it('fails with CONFIG_INVALID when the theme folder does not exist', async () => {
    const error = await loadTheme({ ...site, theme: join(dir, 'missing') }).catch((caught: unknown) => caught);
    expect(isTributaryError(error, 'CONFIG_INVALID')).toBe(true);
  });
});
