/**
 * @module fetch/fetch-url
 * URL handling for the fetcher: only http(s) URLs are accepted, redirect targets are resolved
 * against the URL that sent them (RFC 9110 §10.2.2 allows relative Location), and credentials in
 * the URL become a Basic Authorization header (a private feed's usual form) for that URL only.
 */
import { TributaryError, redactUrl } from '../model/index.js';

/** Parses `text` as an absolute http: or https: URL; throws FETCH_BAD_URL otherwise. */
export function parseFetchUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    const where = base ? ` (redirect from ${redactUrl(base.href)})` : '';
    throw new TributaryError('FETCH_BAD_URL', `not a valid URL: ${redactUrl(text)}${where}`, { url: text, cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TributaryError('FETCH_BAD_URL', `only http and https URLs can be fetched: ${redactUrl(url.href)}`, { url: url.href });
  }
  url.hash = '';
  return url;
}

/**
 * Parses a Location header against the URL that sent it. undici reads header bytes as Latin-1, so
 * a byte above 0x7f (a UTF-8 path some servers send unencoded) would be encoded again as the UTF-8
 * of that character (é → %C3%83%C2%A9); such bytes are percent-encoded one by one instead, as
 * curl does, which for UTF-8 is also what browsers request.
 */
export function parseLocationUrl(location: string, base: URL): URL {
  const escaped = location.replace(/[\u0080-\u00ff]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return parseFetchUrl(escaped, base);
}

/** The port a connection to `url` uses. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** `Basic ...` for a URL with user:password, else null. */
export function basicAuthorization(url: URL): string | null {
  if (!url.username && !url.password) return null;
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
}
