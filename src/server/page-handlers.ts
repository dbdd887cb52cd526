/**
 * @module server/page-handlers
 * The HTML pages of the web app. Page numbers are strict (`/page/0/`, `/page/x/` and pages past
 * the end are 404s, `/page/1/` redirects to the front page) so every page has exactly one URL;
 * a source found under an old slug is redirected to its current one.
 */
import type { Context } from 'hono';
import type { Feed, FeedSummary } from '../model/index.js';
import type { PageContext, RiverSource, SiteOptions, Theme } from '../publish/index.js';
import {
  parseSourceSlug,
  renderRiverHtml,
  renderSearchHtml,
  renderSourceHtml,
  renderSourcesHtml,
  renderStatusHtml,
  sourcePath,
} from '../publish/index.js';

const pageCacheControl = 'public, max-age=60';
const maxQueryLength = 200;

/** Handlers for the river, source, sources, search and status pages. */
export function createPageHandlers(source: RiverSource, site: SiteOptions, theme: Theme, ctx: PageContext, status?: () => Promise<object>) {
  const html = (c: Context, body: string) => c.html(body, 200, { 'Cache-Control': pageCacheControl });

  return {
    async river(c: Context) {
      const n = parsePageNumber(c.req.param('n'));
      if (n === null) return c.notFound();
      if (c.req.param('n') === '1') return c.redirect('../../', 301);
      const page = await source.river({ page: n, pageSize: site.pageSize });
      if (n > Math.max(1, page.pages)) return c.notFound();
      return html(c, renderRiverHtml(theme, page, site, ctx));
    },

    async source(c: Context) {
      const slug = c.req.param('slug') ?? '';
      const id = parseSourceSlug(slug);
      const n = parsePageNumber(c.req.param('n'));
      const feed = id === null || n === null ? null : await findFeed(source, id);
      if (!feed || n === null) return c.notFound();
      const canonical = sourcePath(feed).split('/')[1];
      const paged = c.req.param('n') !== undefined;
      if (slug !== canonical || c.req.param('n') === '1') {
        return c.redirect(`${paged ? '../../../' : '../'}${canonical}/${n > 1 ? `page/${n}/` : ''}`, 301);
      }
      const page = await source.river({ page: n, pageSize: site.pageSize, feedId: feed.id });
      if (n > Math.max(1, page.pages)) return c.notFound();
      return html(c, renderSourceHtml(theme, feed, page, site, ctx));
    },

    async sources(c: Context) {
      return html(c, renderSourcesHtml(theme, await source.listFeeds(), site, ctx));
    },

    async search(c: Context) {
      // Cut by characters, not UTF-16 units: half an emoji is a lone surrogate, which no URL can encode.
      const query = Array.from((c.req.query('q') ?? '').trim()).slice(0, maxQueryLength).join('');
      const n = parsePageNumber(c.req.query('page'));
      if (n === null) return c.notFound();
      if (query === '') return html(c, renderSearchHtml(theme, '', null, site, ctx));
      const page = await source.river({ page: n, pageSize: site.pageSize, search: query });
      if (n > Math.max(1, page.pages)) return c.notFound();
      return c.html(renderSearchHtml(theme, query, page, site, ctx), 200, { 'Cache-Control': 'no-store' });
    },

    async status(c: Context) {
      if (!status) return c.notFound();
      const facts = await status();
      c.header('Cache-Control', 'no-store');
      if (c.req.header('Accept')?.includes('text/html')) return c.html(renderStatusHtml(theme, facts, site, ctx));
      return c.json(facts);
    },
  };
}

/** A page number from the URL: undefined means 1, anything but a positive integer is null. */
function parsePageNumber(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

async function findFeed(source: RiverSource, id: number): Promise<Feed | FeedSummary | null> {
  if (source.getFeed) return (await source.getFeed(id)) ?? null;
  return (await source.listFeeds()).find((feed) => feed.id === id) ?? null;
}
