/**
 * @module fetch/conditional-headers
 * The validators of the last good response, sent back so an unchanged feed costs a 304 and no
 * body (RFC 9110 §13.1.1 If-None-Match, §13.1.3 If-Modified-Since).
 */

/** Returns the If-None-Match / If-Modified-Since headers for the stored validators (empty when none). */
export function conditionalHeaders(etag?: string | null, lastModified?: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (etag != null && etag.trim() !== '') headers['if-none-match'] = etag.trim();
  if (lastModified != null && lastModified.trim() !== '') headers['if-modified-since'] = lastModified.trim();
  return headers;
}
