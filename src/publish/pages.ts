/**
 * @module publish/pages
 * The HTML pages: each function gathers a page's view data (layout, item cards, pagination)
 * and hands it to the theme. The web app and the static build call the same functions with
 * the same site-relative paths, so both produce identical pages.
 */
import type { Feed, FeedSummary, RiverPage } from '../model/index.js';
import { createItemCard, hostOf, initialOf } from './item-card.js';
import type { PageContext } from './page-context.js';
import { layoutView, rootFor, staticPage } from './page-context.js';
import { createPagination } from './pagination.js';
import type { SiteOptions } from './river-source.js';
import { formatUtc, sourceHealth } from './source-health.js';
import { sourcePath } from './source-path.js';
import type { Theme } from './theme.js';

/** The site-relative folder of river page `n` ('' for the first). */
export function riverPagePath(n: number): string {
  return n <= 1 ? '' : `page/${n}/`;
}

/** The site-relative folder of page `n` of a source's river. */
export function sourcePagePath(feed: { id: number; title: string | null }, n: number): string {
  return sourcePath(feed) + riverPagePath(n);
}

/** Renders one page of the river. */
export function renderRiverHtml(theme: Theme, page: RiverPage, site: SiteOptions, ctx: PageContext = staticPage): string {
  const path = riverPagePath(page.page);
  const root = rootFor(path);
  return theme.render('river', {
    ...layoutView(site, ctx, { path, title: page.page > 1 ? `Page ${page.page}` : null }),
    items: page.items.map((item) => createItemCard(item, site, root)),
    pagination: createPagination(page.page, page.pages, (n) => root + riverPagePath(n)),
  });
}

/** Renders one page of a single source's river. */
export function renderSourceHtml(theme: Theme, feed: Feed, page: RiverPage, site: SiteOptions, ctx: PageContext = staticPage): string {
  const path = sourcePagePath(feed, page.page);
  const root = rootFor(path);
  const title = feed.title?.trim() || hostOf(feed.siteUrl ?? feed.url);
  return theme.render('source', {
    ...layoutView(site, ctx, { path, title: page.page > 1 ? `${title}, page ${page.page}` : title, heading: title }),
    feed: { title, siteUrl: feed.siteUrl, feedUrl: feed.url },
    items: page.items.map((item) => createItemCard(item, site, root)),
    pagination: createPagination(page.page, page.pages, (n) => root + sourcePagePath(feed, n)),
  });
}

/** Renders the sources page: every subscription with its site, feed and health judged at `now`. */
export function renderSourcesHtml(theme: Theme, feeds: FeedSummary[], site: SiteOptions, ctx: PageContext = staticPage, now: Date = new Date()): string {
  const path = 'sources/';
  const root = rootFor(path);
  const sorted = [...feeds].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const views = sorted.map((feed) => {
    const health = sourceHealth(feed, now, site.failingAfterHours * 3_600_000);
    const title = feed.title?.trim() || hostOf(feed.siteUrl ?? feed.url);
    return {
      title,
      initial: initialOf(title),
      hue: feed.id % 12,
      href: root + sourcePath(feed),
      siteUrl: feed.siteUrl,
      feedUrl: feed.url,
      entries: feed.entryCount,
      status: health.state,
      statusLabel: health.label,
      error: health.error,
      failingSince: health.failingSince,
      lastSuccess: feed.lastSuccessAt == null ? null : { iso: new Date(feed.lastSuccessAt).toISOString(), label: formatUtc(feed.lastSuccessAt) },
    };
  });
  return theme.render('sources', {
    ...layoutView(site, ctx, { path, title: 'Sources', heading: 'Sources' }),
    feeds: views,
    failing: views.filter((feed) => feed.status === 'failing').length,
  });
}

/** Renders the search page: the form, and when `query` is not empty one page of results. */
export function renderSearchHtml(theme: Theme, query: string, page: RiverPage | null, site: SiteOptions, ctx: PageContext = staticPage): string {
  const path = 'search';
  const root = rootFor(path);
  const q = query.trim();
  return theme.render('search', {
    ...layoutView(site, ctx, { path, title: q ? `Search: ${q}` : 'Search', heading: q ? `Search results for “${q}”` : 'Search', query: q }),
    total: page?.total ?? 0,
    items: (page?.items ?? []).map((item) => createItemCard(item, site, root)),
    pagination: page ? createPagination(page.page, page.pages, (n) => `${root}search?q=${encodeURIComponent(q)}&page=${n}`) : null,
  });
}

/** Renders the health page for people: the status object as a list of facts. */
export function renderStatusHtml(theme: Theme, status: object, site: SiteOptions, ctx: PageContext = staticPage): string {
  return theme.render('status', {
    ...layoutView(site, ctx, { path: 'status', title: 'Status', heading: 'Status' }),
    facts: Object.entries(status).map(([name, value]) => ({
      name,
      value: typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
    })),
  });
}

/** Renders the "not found" page; its links are root-absolute because its depth is unknown. */
export function renderNotFoundHtml(theme: Theme, site: SiteOptions, ctx: PageContext = staticPage): string {
  return theme.render('not-found', {
    ...layoutView(site, ctx, { path: '', title: 'Page not found', heading: 'Page not found', absoluteRoot: true }),
  });
}

function sortKey(feed: FeedSummary): string {
  return (feed.title?.trim() || feed.url).toLocaleLowerCase();
}
