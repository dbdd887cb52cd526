/**
 * @module model/errors
 * The catalogue of every failure tributary reports. Each kind has a stable `code` that callers,
 * tests and the stored feed status branch on; the message is one line naming the feed URL.
 * Every code has a row in docs/errors.md (a test checks it).
 */

export const errorCodes = {
  CONFIG_INVALID: 'The configuration file is missing a value or has a wrong one.',
  FETCH_TIMEOUT: 'The server did not answer, or did not finish the body, in time.',
  FETCH_TOO_LARGE: 'The body (after decompression) is larger than the limit.',
  FETCH_HTTP_STATUS: 'The server answered with an HTTP error status.',
  FETCH_GONE: 'The server answered 410 Gone: the feed was removed for good.',
  FETCH_TOO_MANY_REDIRECTS: 'More redirects than allowed, or a redirect loop.',
  FETCH_DNS: 'The host name could not be resolved.',
  FETCH_CONNECTION: 'The connection was refused, reset or dropped.',
  FETCH_TLS: 'The TLS handshake or the certificate check failed.',
  FETCH_BAD_URL: 'The URL is not an http(s) URL tributary can fetch.',
  FETCH_DECODE: 'The body could not be decompressed.',
  SSRF_BLOCKED: 'The address is loopback, private, link-local or a cloud metadata address.',
  PARSE_NOT_A_FEED: 'The document is not a feed (an HTML page, an image, empty, ...).',
  PARSE_MALFORMED: 'The document looks like a feed but cannot be read.',
  FEED_NOT_FOUND: 'No subscription with that URL or id.',
  FEED_EXISTS: 'Already subscribed to that URL.',
  OPML_INVALID: 'The OPML file cannot be read.',
  STORE_FAILED: 'The database refused an operation.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** Base of every error tributary raises on purpose. */
export class TributaryError extends Error {
  readonly code: ErrorCode;
  /** The feed (or other) URL the error is about, credentials stripped. */
  readonly url: string | null;

  constructor(code: ErrorCode, message: string, options: { url?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TributaryError';
    this.code = code;
    this.url = options.url == null ? null : redactUrl(options.url);
  }
}

/** An HTTP failure with its status (and, for 429/503, how long the server asked us to wait). */
export class HttpStatusError extends TributaryError {
  readonly status: number;
  readonly retryAfterMs: number | null;

  constructor(status: number, url: string, retryAfterMs: number | null = null) {
    super(status === 410 ? 'FETCH_GONE' : 'FETCH_HTTP_STATUS', `HTTP ${status} from ${redactUrl(url)}`, { url });
    this.name = 'HttpStatusError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** True when `error` is a TributaryError (optionally of the given code). */
export function isTributaryError(error: unknown, code?: ErrorCode): error is TributaryError {
  return error instanceof TributaryError && (code === undefined || error.code === code);
}

/** The URL without user:password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return url;
  }
}
