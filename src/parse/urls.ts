/**
 * @module parse/urls
 * Resolving the relative URLs feeds carry (links, enclosures, xml:base) against the base in
 * scope. Absolute URLs are returned exactly as written (no WHATWG re-serialisation), so ids and
 * links compare equal to what the publisher wrote.
 */

const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const UNSAFE_SCHEMES = /^(javascript|vbscript|data):/i;

/** `url` resolved against `base` when it is relative and a base is known; otherwise as is. */
export function resolveUrl(url: string, base: string | null): string {
  if (!base || ABSOLUTE.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** A link or enclosure URL: trimmed, resolved, and null when empty or a script URL. */
export function cleanUrl(url: string | null | undefined, base: string | null): string | null {
  if (url == null) return null;
  const trimmed = url.trim();
  if (!trimmed || UNSAFE_SCHEMES.test(trimmed)) return null;
  return resolveUrl(trimmed, base);
}
