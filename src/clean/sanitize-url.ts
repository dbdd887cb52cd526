/**
 * @module clean/sanitize-url
 * The same URL judgement the HTML walker applies to href/src, for URLs that live outside the
 * HTML: an entry's link, its enclosures and thumbnail, a feed's site link. The parser resolves
 * them; this decides whether they may be republished at all.
 */
import { parseBaseUrl, resolveSafeUrl } from './safe-url.js';
import type { UrlKind } from './safe-url.js';

/** The URL as it may be republished (absolute when a base is given), or null when its scheme is refused. */
export function sanitizeUrl(raw: string | null | undefined, baseUrl: string | null = null, kind: UrlKind = 'link'): string | null {
  if (raw == null) return null;
  const safe = resolveSafeUrl(raw, parseBaseUrl(baseUrl), kind);
  return safe == null || safe.startsWith('#') ? null : safe;
}
