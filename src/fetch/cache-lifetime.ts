/**
 * @module fetch/cache-lifetime
 * What the server says about how long its answer stays fresh (RFC 9111 §5.2.2.1 max-age, §5.3
 * Expires), passed to the scheduler as a hint; it never overrides the configured bounds.
 */
import { parseHttpDate } from './http-date.js';

export interface CacheLifetime {
  maxAgeSeconds: number | null;
  /** Epoch ms; null when absent or unreadable (`Expires: 0` is a common way to say "already stale"). */
  expiresAt: number | null;
}

/** Reads max-age from Cache-Control and the Expires date. */
export function readCacheLifetime(cacheControl: string | null, expires: string | null): CacheLifetime {
  let maxAgeSeconds: number | null = null;
  if (cacheControl) {
    const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(cacheControl);
    if (match?.[1]) maxAgeSeconds = Number(match[1]);
  }
  return { maxAgeSeconds, expiresAt: expires ? parseHttpDate(expires) : null };
}
