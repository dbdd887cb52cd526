/**
 * @module publish/page-context
 * What every HTML page shares: relative links (every page links to the site root with `../`
 * so the same files work under any base path, on `file://` and from the web app), the
 * Content-Security-Policy (sent as a header by the server, repeated in a meta tag for the
 * static build) and whether the search box has a server to submit to.
 */
import type { SiteOptions } from './river-source.js';

/** How a page is being rendered. */
export interface PageContext {
  /** True when `/search` is served (the web app); the static build has no search box. */
  searchEnabled: boolean;
  /** Extra iframe hosts allowed besides YouTube and Vimeo (the `clean.embeds` setting). */
  embedHosts?: readonly string[];
}

/** The context of a static page: no search box, no extra embeds. */
export const staticPage: PageContext = { searchEnabled: false };

/** The data the layout template receives on every page. */
export interface LayoutView {
  lang: string;
  site: { title: string; tagline: string };
  /** Relative path from the page to the site root, ending in '/'. */
  root: string;
  /** The document title. */
  pageTitle: string;
  /** The page's own h1; null when the site title is the page's h1. */
  heading: string | null;
  csp: string;
  searchEnabled: boolean;
  query: string;
}

const videoHosts = ['https://www.youtube-nocookie.com', 'https://www.youtube.com', 'https://player.vimeo.com'];

/** The Content-Security-Policy of every page: no scripts, styles from the site, media from anywhere. */
export function contentSecurityPolicy(embedHosts: readonly string[] = []): string {
  const frames = [...videoHosts, ...embedHosts.map((host) => (host.includes('://') ? host : `https://${host}`))];
  return [
    "default-src 'none'",
    'img-src * data:',
    'media-src *',
    `frame-src ${frames.join(' ')}`,
    "style-src 'self'",
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The relative way back to the site root from a site-relative page path like `page/2/`. */
export function rootFor(path: string): string {
  const depth = path.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** The layout data for a page at `path`; `absoluteRoot` is used where the depth is unknown (404). */
export function layoutView(
  site: SiteOptions,
  ctx: PageContext,
  page: { path: string; title: string | null; heading?: string | null; query?: string; absoluteRoot?: boolean },
): LayoutView {
  return {
    lang: 'en',
    site: { title: site.title, tagline: site.tagline },
    root: page.absoluteRoot ? absoluteRoot(site) : rootFor(page.path),
    pageTitle: page.title ? `${page.title} · ${site.title}` : site.title,
    heading: page.heading ?? null,
    csp: contentSecurityPolicy(ctx.embedHosts),
    searchEnabled: ctx.searchEnabled,
    query: page.query ?? '',
  };
}

function absoluteRoot(site: SiteOptions): string {
  if (!site.baseUrl) return '/';
  const path = new URL(site.baseUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}
