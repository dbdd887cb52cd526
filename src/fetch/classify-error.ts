/**
 * @module fetch/classify-error
 * Maps whatever undici, node:net, node:dns or node:tls threw to exactly one TributaryError code,
 * keeping the original as `cause`, so the feed's stored status says what went wrong (DNS, TLS,
 * refused, timeout) and callers branch on `code`. Codes are read from the error and its causes
 * (undici wraps some socket errors; happy-eyeballs connects raise an AggregateError).
 */
import { TributaryError } from '../model/index.js';
import type { ErrorCode } from '../model/index.js';

const codeByErrno: Record<string, ErrorCode> = {
  UND_ERR_CONNECT_TIMEOUT: 'FETCH_TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'FETCH_TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'FETCH_TIMEOUT',
  ETIMEDOUT: 'FETCH_TIMEOUT',
  ENOTFOUND: 'FETCH_DNS',
  EAI_AGAIN: 'FETCH_DNS',
  EAI_FAIL: 'FETCH_DNS',
  EAI_NODATA: 'FETCH_DNS',
  EAI_NONAME: 'FETCH_DNS',
  ESERVFAIL: 'FETCH_DNS',
  ENODATA: 'FETCH_DNS',
  EPROTO: 'FETCH_TLS',
  ECONNREFUSED: 'FETCH_CONNECTION',
  ECONNRESET: 'FETCH_CONNECTION',
  ECONNABORTED: 'FETCH_CONNECTION',
  EHOSTUNREACH: 'FETCH_CONNECTION',
  ENETUNREACH: 'FETCH_CONNECTION',
  EPIPE: 'FETCH_CONNECTION',
  UND_ERR_SOCKET: 'FETCH_CONNECTION',
  UND_ERR_CLOSED: 'FETCH_CONNECTION',
};

const describe: Partial<Record<ErrorCode, string>> = {
  FETCH_TIMEOUT: 'timed out fetching',
  FETCH_DNS: 'cannot resolve the host of',
  FETCH_TLS: 'TLS handshake failed for',
  FETCH_CONNECTION: 'connection failed for',
  SSRF_BLOCKED: 'refused to fetch',
};

/** Returns `error` as a TributaryError naming `url`; TributaryErrors that already name one pass through. */
export function toFetchError(error: unknown, url: string): TributaryError {
  if (error instanceof TributaryError) {
    if (error.url != null) return error;
    return new TributaryError(error.code, `${describe[error.code] ?? 'failed to fetch'} ${url}: ${error.message}`, { url, cause: error });
  }
  const code = classifyErrorCode(error);
  const detail = describeCause(error);
  return new TributaryError(code, `${describe[code] ?? 'failed to fetch'} ${url}${detail ? `: ${detail}` : ''}`, { url, cause: error });
}

function classifyErrorCode(error: unknown): ErrorCode {
  for (const errno of collectCodes(error)) {
    const code = codeByErrno[errno];
    if (code) return code;
    if (isTlsCode(errno)) return 'FETCH_TLS';
  }
  return 'FETCH_CONNECTION';
}

/** Certificate failures carry OpenSSL names (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ...). */
function isTlsCode(errno: string): boolean {
  return /^ERR_(TLS|SSL)_|CERT|^UNABLE_TO_|^HOSTNAME_MISMATCH$/.test(errno);
}

function collectCodes(error: unknown, depth = 0): string[] {
  if (error == null || typeof error !== 'object' || depth > 4) return [];
  const codes: string[] = [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') codes.push(code);
  codes.push(...collectCodes(cause, depth + 1));
  if (Array.isArray(errors)) for (const inner of errors) codes.push(...collectCodes(inner, depth + 1));
  return codes;
}

function describeCause(error: unknown): string {
  const [code] = collectCodes(error);
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
  if (code && !message.includes(code)) return message ? `${code} ${message}` : code;
  return message;
}
