/**
 * @module server/app
 * The web app: the same pages as the static build, answered live from the store, plus search
 * and a health endpoint. Routes are registered in one list below; handlers live in
 * `page-handlers.ts`. Page URLs end in '/' because the pages link relatively (`../`), exactly
 * like the static files; a page request without the slash is redirected to it. A method other
 * than GET and HEAD is a 405 naming them (RFC 9110 §15.5.6), not the 404 page.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import type { PageContext, RiverSource, SiteOptions, Theme } from '../publish/index.js';
import { renderNotFoundHtml } from '../publish/index.js';
import { createAssetHandler } from './asset-handler.js';
import { createFeedHandlers } from './feed-handlers.js';
import { createPageHandlers } from './page-handlers.js';
import { createSecurityHeaders } from './security-headers.js';

/** Options of `createApp`. */
export interface AppOptions {
  /** The health facts `/status` reports; without it `/status` is not served. */
  status?: () => Promise<object>;
  /** Extra iframe hosts allowed by the CSP (the `clean.embeds` setting). Default: none. */
  embedHosts?: readonly string[];
  /** The clock stamped into the output feeds. Default: the system clock. */
  now?: () => Date;
  /** Told about errors a request ran into (the response is a plain 500). */
  onError?: (error: Error) => void;
}

/** Builds the Hono app serving the river from `source` with `theme`. */
export function createApp(source: RiverSource, site: SiteOptions, theme: Theme, options: AppOptions = {}): Hono {
  const ctx: PageContext = { searchEnabled: true, embedHosts: options.embedHosts ?? [] };
  const pages = createPageHandlers(source, site, theme, ctx, options.status);
  const feeds = createFeedHandlers(source, site, options.now ?? (() => new Date()));
  const app = new Hono();

  app.use(...createSecurityHeaders(ctx.embedHosts), etag());

  app.get('/', pages.river);
  app.get('/page/:n/', pages.river);
  app.get('/source/:slug/', pages.source);
  app.get('/source/:slug/page/:n/', pages.source);
  app.get('/sources/', pages.sources);
  app.get('/page/:n', addTrailingSlash);
  app.get('/source/:slug', addTrailingSlash);
  app.get('/source/:slug/page/:n', addTrailingSlash);
  app.get('/sources', addTrailingSlash);
  app.get('/search', pages.search);
  app.get('/status', pages.status);
  app.get('/atom.xml', feeds.atom);
  app.get('/rss.xml', feeds.rss);
  app.get('/feed.json', feeds.json);
  app.get('/opml.xml', feeds.opml);
  app.get('/assets/*', createAssetHandler(theme));

  app.notFound((c) => {
    // Every route is read-only (HEAD is answered as GET): another method is refused, not a missing page.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('Method not allowed', 405, { Allow: 'GET, HEAD' });
    return c.html(renderNotFoundHtml(theme, site, ctx), 404);
  });
  app.onError((error, c) => {
    options.onError?.(error);
    return c.text('Internal server error', 500);
  });
  return app;
}

/** Redirects `/x/y` to `/x/y/` with a relative Location, so it also works behind a path prefix. */
function addTrailingSlash(c: Context): Response {
  const url = new URL(c.req.url);
  return c.redirect(`${url.pathname.split('/').pop()}/${url.search}`, 301);
}
