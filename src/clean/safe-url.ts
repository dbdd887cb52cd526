/**
 * @module clean/safe-url
 * Decides whether a URL found in an entry may be republished, and in which form. Every URL goes
 * through the WHATWG URL parser (`new URL`), the same algorithm browsers apply, so whatever a
 * browser would strip (tabs, newlines, leading control characters) or decode (entities were
 * already decoded by the HTML parser) is judged exactly as the browser will see it:
 * `jav&#x09;ascript:` or ` JaVaScRiPt:` both come out with the `javascript:` scheme and are refused.
 * Only schemes on an allow-list pass; relative URLs are resolved against the entry's base URL.
 *
 * Most URLs in feeds are already in the parser's canonical form (`https://host/path?query`), and
 * for those `new URL(...).href` returns the input unchanged; {@link CANONICAL_HTTP_URL} recognises
 * them without building a URL object (a third of the cleaner's URL cost on the fetch benchmark).
 * The pattern only admits what the WHATWG serializer provably leaves alone — a lowercase
 * host whose last label starts with a letter (no IPv4 forms, no punycode to validate), no port or
 * credentials, a path that starts with `/` and has no dot segments, and only characters that
 * no percent-encode set touches; anything else takes the full parser. A test checks the two agree.
 */

/** What the URL is used for: a link target, a media source, or an image source. */
export type UrlKind = 'link' | 'media' | 'image';

/** Prefix put on every id (and on the fragment of in-page links) so entries cannot clobber the page's own ids. */
export const ID_PREFIX = 'user-content-';

const LINK_SCHEMES = new Set([
  'http:', 'https:', 'mailto:', 'tel:', 'sms:', 'ftp:', 'sftp:', 'magnet:', 'xmpp:', 'irc:', 'ircs:',
  'news:', 'nntp:', 'gemini:', 'geo:', 'webcal:', 'feed:', 'matrix:', 'bitcoin:',
]);
const DATA_IMAGE = /^image\/(?:png|gif|jpeg|webp|avif)[;,]/i;
const PLACEHOLDER_HOST = 'tributary.invalid';
const PLACEHOLDER_BASE = new URL(`https://${PLACEHOLDER_HOST}/`);
// Browsers strip leading/trailing C0 controls and spaces and drop tabs/newlines anywhere.
const EDGE_CONTROLS = /^[\0-\x20]+|[\0-\x20]+$/g;
const TAB_NEWLINE = /[\t\n\r]/g;

const HOST_LABEL = String.raw`(?!xn--)[a-z0-9-]+`;
const LAST_HOST_LABEL = String.raw`(?!xn--)[a-z][a-z0-9-]*`;
const PATH_CHARS = String.raw`[A-Za-z0-9\-._~!$&'()*+,;=:@/%]`;
const QUERY_CHARS = String.raw`[A-Za-z0-9\-._~!$&()*+,;=:@/?%]`;
const FRAGMENT_CHARS = String.raw`[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]`;
/** An absolute http(s) URL that `new URL(value).href` returns unchanged (see the module comment). */
export const CANONICAL_HTTP_URL = new RegExp(
  `^https?://(?:${HOST_LABEL}\\.)*${LAST_HOST_LABEL}(?!${PATH_CHARS}*?(?:/\\.|%2[eE]))/${PATH_CHARS}*(?:\\?${QUERY_CHARS}*)?(?:#${FRAGMENT_CHARS}*)?$`,
);

/** Parses the entry's base URL; anything that is not an absolute http(s) URL counts as no base. */
export function parseBaseUrl(baseUrl: string | null | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Returns the id with the user-content prefix (once). */
export function prefixId(id: string): string {
  return id.startsWith(ID_PREFIX) ? id : ID_PREFIX + id;
}

function isAllowedScheme(url: URL, kind: UrlKind): boolean {
  const scheme = url.protocol;
  if (scheme === 'https:' || scheme === 'http:') return true;
  if (kind === 'link') return LINK_SCHEMES.has(scheme);
  return kind === 'image' && scheme === 'data:' && DATA_IMAGE.test(url.pathname);
}

/**
 * Returns the URL as it may be republished — absolute when `base` is given, a fragment-only link
 * kept in-page (with the id prefix) — or null when it is empty, unparsable or of a refused scheme.
 */
export function resolveSafeUrl(raw: string, base: URL | null, kind: UrlKind): string | null {
  const value = raw.replace(EDGE_CONTROLS, '');
  if (value === '') return null;
  if (value.startsWith('#')) {
    if (kind !== 'link') return null;
    const fragment = value.slice(1).replace(TAB_NEWLINE, '');
    return fragment === '' ? null : `#${prefixId(fragment)}`;
  }
  if (CANONICAL_HTTP_URL.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value, base ?? PLACEHOLDER_BASE);
  } catch {
    return null;
  }
  if (!isAllowedScheme(url, kind)) return null;
  if (base === null && url.hostname === PLACEHOLDER_HOST) {
    // Relative and nothing to resolve it against: keep it relative (it can only name a page path).
    return value.replace(TAB_NEWLINE, '');
  }
  return url.href;
}

const SRCSET_DESCRIPTOR = /^(?:\d+(?:\.\d+)?[wx]|\d+h)$/;

/**
 * Resolves every candidate of a `srcset` (HTML § 4.8.4.3.10 parsing, simplified: URLs may hold
 * commas, a candidate ends at a comma after whitespace). Candidates with refused URLs or odd
 * descriptors are left out; null when none is left.
 */
export function resolveSrcset(raw: string, base: URL | null): string | null {
  const candidates: string[] = [];
  let position = 0;
  const length = raw.length;
  while (position < length) {
    while (position < length && (raw[position] === ',' || isSpace(raw[position]))) position++;
    if (position >= length) break;
    const urlStart = position;
    while (position < length && !isSpace(raw[position])) position++;
    let urlText = raw.slice(urlStart, position);
    let descriptor = '';
    if (urlText.endsWith(',')) {
      urlText = urlText.replace(/,+$/, '');
    } else {
      const descriptorStart = position;
      while (position < length && raw[position] !== ',') position++;
      descriptor = raw.slice(descriptorStart, position).trim().replace(/\s+/g, ' ');
    }
    const url = resolveSafeUrl(urlText, base, 'image');
    if (url === null || url.endsWith(',') || url.startsWith(',')) continue;
    if (descriptor !== '' && !SRCSET_DESCRIPTOR.test(descriptor)) continue;
    candidates.push(descriptor === '' ? url : `${url} ${descriptor}`);
  }
  return candidates.length === 0 ? null : candidates.join(', ');
}

function isSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f';
}
