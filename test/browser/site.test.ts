/**
 * The site as a reader sees it, in Chromium: a river made by the real pipeline (import → fetch →
 * serve, and build served as static files) must load every page without a console error or a
 * CSP refusal, pass axe-core without serious or critical violations in light and dark mode,
 * never scroll sideways at 320 px, and show media items as intended. Screenshots at 375 and
 * 1280 px, light and dark, go to test-artifacts/screenshots/ and docs/screenshots/.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launchChromium, newContext, readTrap, watchPage } from './browser.js';
import { ensureChromium } from './ensure-chromium.js';
import { startRiverSite } from './river-site.js';
import type { RiverSite } from './river-site.js';
import { searchWord, siteSpec } from './site-feeds.js';

const chromium = await ensureChromium();
if (chromium.skip) console.warn(chromium.skip);

const artifacts = join(repoRoot, 'test-artifacts');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Flavour = 'live' | 'built';
interface SitePage {
  name: string;
  path: string;
  /** Only the live site has it. */
  liveOnly?: boolean;
}

const flavours: Flavour[] = ['live', 'built'];

describe.skipIf(chromium.path === null)('the site in Chromium (live and static build)', () => {
  let site: RiverSite;
  let browser: Browser;
  let pages: SitePage[];
  const baseOf = (flavour: Flavour): string => (flavour === 'live' ? site.live : site.built);
  const cases = (filter: (page: SitePage) => boolean = () => true) =>
    flavours.flatMap((flavour) => pages.filter((page) => filter(page) && !(page.liveOnly && flavour === 'built')).map((page) => ({ flavour, page })));

  beforeAll(async () => {
    [site, browser] = await Promise.all([startRiverSite(siteSpec), launchChromium(chromium.path!)]);
    expect(site.fetchOutput).toMatch(/7 feeds: 6 ok, 0 not modified, 1 failed; 16 new entries/);
    const sources = await (await fetch(`${site.live}sources/`)).text();
    const northwind = /href="\.\.\/(source\/\d+-northwind-notes\/)"/.exec(sources)?.[1];
    expect(northwind, 'the sources page links to Northwind Notes').toBeDefined();
    pages = [
      { name: 'river', path: '' },
      { name: 'river page 2', path: 'page/2/' },
      { name: 'source page', path: northwind! },
      { name: 'sources page', path: 'sources/' },
      { name: 'search', path: `search?q=${searchWord}`, liveOnly: true },
    ];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads every page with no console error, no exception, no CSP refusal and nothing fetched from outside', async () => {
    const { context, log } = await newContext(browser);
    const page = await context.newPage();
    for (const { flavour, page: sitePage } of cases()) {
      const watch = watchPage(page);
      const response = await page.goto(baseOf(flavour) + sitePage.path, { waitUntil: 'load' });
      const where = `${flavour} ${sitePage.name}`;
      expect(response?.status(), where).toBe(200);
      expect(await page.locator('h1').count(), `${where}: one h1`).toBe(1);
      const trap = await readTrap(page);
      expect({ ...watch, trap }, where).toEqual({ errors: [], csp: [], dialogs: [], trap: { xss: null, csp: [] } });
      page.removeAllListeners();
    }
    expect(log.outside).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows the search result, the river’s two pages and the source’s own posts', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${site.live}search?q=${searchWord}`);
    await expect(titles(page)).resolves.toEqual(['Compost, explained to my neighbour']);
    expect(await page.locator('input[type=search]').inputValue()).toBe(searchWord);
    for (const flavour of flavours) {
      await page.goto(baseOf(flavour));
      const first = await titles(page);
      await page.getByRole('link', { name: 'Older posts' }).click();
      const second = await titles(page);
      expect([first.length, second.length], flavour).toEqual([10, 6]);
      expect(first[0]).toBe('Streaming parsers and the art of not buffering');
      await page.goto(baseOf(flavour) + pages[2]!.path);
      expect(await titles(page)).toHaveLength(4);
    }
    await context.close();
  });

  it('sends the security headers on the live site and a meta CSP in the static pages', async () => {
    const response = await fetch(site.live);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'none'.*frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    for (const path of ['', 'page/2/', 'sources/', pages[2]!.path]) {
      const html = await (await fetch(site.built + path)).text();
      const meta = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
      expect(meta, path).toContain("script-src 'none'");
      expect(meta, path).not.toContain('frame-ancestors');
      expect(html, path).toContain('<meta name="referrer" content="no-referrer">');
    }
  });

  it('has no serious or critical axe-core violation, light or dark', async () => {
    const summary: Record<string, { violations: number; serious: string[]; passes: number }> = {};
    for (const [colorScheme, width] of [['light', 1280], ['dark', 375]] as const) {
      // axe is injected as a script, which the pages' CSP forbids: this context bypasses CSP (the test above enforces it).
      const { context } = await newContext(browser, { bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const { flavour, page: sitePage } of cases()) {
        await page.goto(baseOf(flavour) + sitePage.path);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
          return axe.run();
        });
        const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        summary[`${colorScheme} ${width}px ${flavour} ${sitePage.name}`] = {
          violations: result.violations.length,
          serious: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          passes: result.passes.length,
        };
      }
      await context.close();
    }
    await mkdir(artifacts, { recursive: true });
    await writeFile(join(artifacts, 'axe-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    expect(Object.fromEntries(Object.entries(summary).map(([name, result]) => [name, result.serious]))).toEqual(
      Object.fromEntries(Object.keys(summary).map((name) => [name, []])),
    );
  }, 120_000);

  it.each([320, 375])('never scrolls sideways at %i px (river and source pages)', async (width) => {
    const { context } = await newContext(browser, { viewport: { width, height: 700 } });
    const page = await context.newPage();
    for (const { flavour, page: sitePage } of cases((p) => p.name === 'river' || p.name === 'source page' || p.name === 'sources page')) {
      await page.goto(baseOf(flavour) + sitePage.path);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${flavour} ${sitePage.name}`).toBeLessThanOrEqual(clientWidth);
      if (flavour === 'live') {
        await mkdir(join(artifacts, 'screenshots'), { recursive: true });
        await page.screenshot({ path: join(artifacts, 'screenshots', `${sitePage.name.replace(/ /g, '-')}-${width}.png`), fullPage: true });
      }
    }
    await context.close();
  });

  it('shows videos, comics, podcasts and title-only items the way a reader expects', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(site.live);
    const images = await page.locator('main img').evaluateAll((all: HTMLImageElement[]) => all.map((img) => `${img.loading} ${img.referrerPolicy}`));
    expect(new Set(images)).toEqual(new Set(['lazy no-referrer']));
    const video = page.locator('article', { hasText: 'Writing a scheduler in 15 minutes' });
    await expect(video.locator('a.media-card').getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=sched15min');
    await expect(video.locator('.media-duration').textContent()).resolves.toBe('15:12');
    await expect(video.locator('.media-channel').textContent()).resolves.toContain('Kernel Cuts');
    await loadAllImages(page);
    await expect(video.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(480);

    const comic = page.locator('article', { hasText: '#212: Cache invalidation' });
    const caption = comic.locator('figure figcaption');
    await expect(caption.textContent()).resolves.toContain('There are only two hard things');
    await expect(caption.isVisible()).resolves.toBe(true);

    const podcast = page.locator('article', { hasText: 'Episode 42: Feeds never died' });
    await expect(podcast.locator('audio[controls]').getAttribute('src')).resolves.toBe(`${site.fixtures}audio/episode-42.mp3`);

    const linkOnly = page.locator('article', { hasText: 'The Rust reference, now with search' });
    await expect(linkOnly.locator('h2 a').getAttribute('href')).resolves.toBe('https://doc.rust-lang.org/reference/');
    await expect(linkOnly.locator('.content').count()).resolves.toBe(0);

    const rels = await page.locator('main a[href^="http"]').evaluateAll((all: HTMLAnchorElement[]) => all.map((a) => a.rel));
    expect(new Set(rels)).toEqual(new Set(['noopener noreferrer nofollow ugc']));
    await context.close();
  });

  it('marks the feed that is gone on the sources page', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${site.live}sources/`);
    const gone = page.locator('li.source', { hasText: 'Quiet Corner' });
    // Failed once, just now: reported, but not flagged as failing (that takes a day without success).
    await expect(gone.locator('.status-badge').textContent()).resolves.toBe('last fetch failed');
    await expect(gone.locator('.source-error').textContent()).resolves.toMatch(/404/);
    const ok = page.locator('li.source', { hasText: 'Northwind Notes' });
    await expect(ok.locator('.status-badge').textContent()).resolves.toBe('ok');
    await context.close();
  });

  it('takes screenshots at 375 and 1280 px, light and dark, and measures the front page’s weight', async () => {
    const shots = join(artifacts, 'screenshots');
    const docs = join(repoRoot, 'docs', 'screenshots');
    await mkdir(shots, { recursive: true });
    await mkdir(docs, { recursive: true });
    const weights: Record<string, number> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [375, 1280]) {
        const { context } = await newContext(browser, { viewport: { width, height: width < 800 ? 812 : 900 }, colorScheme });
        const page = await context.newPage();
        let bytes = 0;
        page.on('response', (response) => {
          void response.body().then((body) => (bytes += body.length), () => undefined);
        });
        await page.goto(site.live);
        await loadAllImages(page);
        const name = `river-${width}-${colorScheme}.png`;
        await page.screenshot({ path: join(shots, name), fullPage: true });
        await page.screenshot({ path: join(shots, `viewport-${name}`) });
        await copyFile(join(shots, `viewport-${name}`), join(docs, name));
        await page.goto(`${site.live}sources/`);
        await loadAllImages(page);
        await page.screenshot({ path: join(shots, `sources-${width}-${colorScheme}.png`), fullPage: true });
        weights[`${width} ${colorScheme}`] = bytes;
        await context.close();
      }
    }
    const html = await (await fetch(site.live)).text();
    const css = await (await fetch(`${site.live}assets/style.css`)).text();
    const facts = { htmlBytes: Buffer.byteLength(html), cssBytes: Buffer.byteLength(css), frontPageBytesLoaded: weights };
    await writeFile(join(artifacts, 'page-weight.json'), `${JSON.stringify(facts, null, 2)}\n`);
    expect(facts.htmlBytes + facts.cssBytes).toBeLessThan(100_000);
  }, 90_000);
});

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  passes: unknown[];
}

/** Makes every lazy image load now and waits for them all, so full-page screenshots show them. */
async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const images = Array.from(document.images);
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  });
}

async function titles(page: Page): Promise<string[]> {
  return (await page.locator('article h2').allTextContents()).map((text) => text.trim());
}
