/**
 * @module fetch/read-page-links
 * Reads what feed discovery needs from an HTML page: the feeds it advertises with
 * `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json|json">` (the RSS autodiscovery
 * convention, also HTML §4.6.7.1 "alternate"), its `<base href>`, its canonical link and the
 * `<meta itemprop>` ids YouTube channel pages carry. htmlparser2 reads tag soup the way browsers do.
 */
import { Parser } from 'htmlparser2';

const feedTypes = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json']);

export interface FeedLink {
  url: string;
  title: string | null;
  type: string;
}

export interface PageLinks {
  feeds: FeedLink[];
  canonicalUrl: string | null;
  /** `<meta itemprop="identifier|channelId" content>` values, in order. */
  metaIds: string[];
}

/** Collects the advertised feeds (absolute, deduplicated, in document order) and the canonical URL of `html` fetched from `pageUrl`. */
export function readPageLinks(html: string, pageUrl: string): PageLinks {
  let baseUrl = pageUrl;
  const found: Array<{ href: string; title: string | null; type: string }> = [];
  let canonicalHref: string | null = null;
  const metaIds: string[] = [];

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const rels = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        if (name === 'base' && attributes.href && baseUrl === pageUrl) {
          baseUrl = resolveUrl(attributes.href, pageUrl) ?? pageUrl;
        } else if (name === 'link' && attributes.href && rels.includes('alternate')) {
          const type = (attributes.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
          if (feedTypes.has(type)) found.push({ href: attributes.href, title: attributes.title?.trim() || null, type });
        } else if (name === 'link' && attributes.href && rels.includes('canonical')) {
          canonicalHref ??= attributes.href;
        } else if (name === 'meta' && (attributes.itemprop === 'identifier' || attributes.itemprop === 'channelId') && attributes.content) {
          metaIds.push(attributes.content.trim());
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const feeds: FeedLink[] = [];
  for (const { href, title, type } of found) {
    const url = resolveUrl(href, baseUrl);
    if (url && /^https?:/.test(url) && !feeds.some((feed) => feed.url === url)) feeds.push({ url, title, type });
  }
  return { feeds, canonicalUrl: canonicalHref ? resolveUrl(canonicalHref, baseUrl) : null, metaIds };
}

function resolveUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}
