/**
 * @module fetch/fetcher
 * The HTTP engine of the fetch stage: one conditional GET of a feed URL, following redirects by
 * hand so each hop is checked (address policy, loop detection, whether every hop was permanent),
 * under a per-host concurrency limit and four timeouts (connect, headers, idle body, total).
 * One undici Agent per fetcher keeps connections alive between polls of the same host; its
 * connector refuses private addresses at dial time (see guarded-connector).
 */
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { HttpStatusError, TributaryError, redactUrl } from '../model/index.js';
import { createAddressPolicy } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';
import { readCacheLifetime } from './cache-lifetime.js';
import { toFetchError } from './classify-error.js';
import { conditionalHeaders } from './conditional-headers.js';
import { basicAuthorization, parseFetchUrl, parseLocationUrl, portOf } from './fetch-url.js';
import { createBlockedError, createGuardedConnector } from './guarded-connector.js';
import { createHostLimiter } from './host-limiter.js';
import type { HostLimiter } from './host-limiter.js';
import { parseLinkHeader } from './link-header.js';
import { abandonBody, readBody } from './read-body.js';
import { parseRetryAfter } from './retry-after.js';
import type { FetchMeta, FetchRequest, FetchResult, Fetcher, FetcherOptions } from './types.js';
import { defaultUserAgent } from './user-agent.js';

/** Feed types first, generic XML/JSON next, anything last (a page may still link to its feed). */
const acceptHeader =
  'application/atom+xml, application/rss+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

type Settings = Required<Omit<FetcherOptions, 'userAgent'>> & { userAgent: string };

/**
 * Creates a fetcher. Options and defaults: `userAgent` (names tributary), `connectTimeoutMs`
 * 10 000, `headersTimeoutMs` 15 000, `totalTimeoutMs` 30 000, `idleBodyTimeoutMs` 15 000,
 * `maxBodyBytes` 10 MiB (decompressed), `maxRedirects` 5, `perHostConcurrency` 2,
 * `allowPrivate` false (private addresses refused).
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const settings = resolveSettings(options);
  const policy = createAddressPolicy(settings.allowPrivate);
  const agent = new Agent({
    connect: createGuardedConnector(policy, settings.connectTimeoutMs),
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.idleBodyTimeoutMs,
  });
  const limiter = createHostLimiter(settings.perHostConcurrency);
  return {
    fetchFeed: (request) => fetchFeed(request, { settings, policy, agent, limiter }),
    dispatcher: agent,
    // Graceful: a request still running (a WebSub renewal at shutdown) may finish. Destroying
    // instead saves ~25 ms at the end of a one-shot cycle (200 sockets), not worth losing that.
    close: () => agent.close(),
  };
}

function resolveSettings(options: FetcherOptions): Settings {
  const settings: Settings = {
    userAgent: options.userAgent ?? defaultUserAgent,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 15_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
    idleBodyTimeoutMs: options.idleBodyTimeoutMs ?? 15_000,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    perHostConcurrency: options.perHostConcurrency ?? 2,
    allowPrivate: options.allowPrivate ?? false,
  };
  for (const name of ['connectTimeoutMs', 'headersTimeoutMs', 'totalTimeoutMs', 'idleBodyTimeoutMs', 'maxBodyBytes', 'perHostConcurrency'] as const) {
    const value = settings[name];
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new TributaryError('CONFIG_INVALID', `fetch: ${name} must be a positive integer, got ${value}`);
    }
  }
  if (!Number.isSafeInteger(settings.maxRedirects) || settings.maxRedirects < 0) {
    throw new TributaryError('CONFIG_INVALID', `fetch: maxRedirects must be a non-negative integer, got ${settings.maxRedirects}`);
  }
  return settings;
}

interface FetchContext {
  settings: Settings;
  policy: AddressPolicy;
  agent: Agent;
  limiter: HostLimiter;
}

async function fetchFeed(request: FetchRequest, context: FetchContext): Promise<FetchResult> {
  const { settings, agent, limiter, policy } = context;
  let url = parseFetchUrl(request.url);
  // The total timeout starts once the first host slot is held, so time spent queued behind
  // other feeds of the same host is not charged to this one.
  // One controller per fetch, aborted by the deadline or by the caller's signal (a listener is
  // cheaper than AbortSignal.any, which showed in the profile of a 2,000-feed cycle).
  const controller = new AbortController();
  const { signal } = controller;
  let timedOut = false;
  const abortFromCaller = (): void => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) abortFromCaller();
  else request.signal?.addEventListener('abort', abortFromCaller, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const visited = new Set([url.href]);
  let everyHopPermanent = true;

  try {
    for (let redirects = 0; ; redirects++) {
      if (!policy.isHostAllowed(url.hostname, portOf(url))) throw createBlockedError(url.hostname, portOf(url));
      const release = await limiter.acquire(url.host, signal);
      timer ??= setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, settings.totalTimeoutMs);
      try {
        const response = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers: buildRequestHeaders(url, request, settings.userAgent),
          signal,
        });
        const status = response.statusCode;
        const location = headerValue(response.headers, 'location');
        if (redirectStatuses.has(status) && location != null) {
          await discardBody(response.body);
          if (redirects >= settings.maxRedirects) {
            throw new TributaryError('FETCH_TOO_MANY_REDIRECTS', `more than ${settings.maxRedirects} redirects fetching ${redactUrl(request.url)}`, { url: request.url });
          }
          const next = parseLocationUrl(location, url);
          if (visited.has(next.href)) {
            throw new TributaryError('FETCH_TOO_MANY_REDIRECTS', `redirect loop at ${redactUrl(next.href)} fetching ${redactUrl(request.url)}`, { url: request.url });
          }
          visited.add(next.href);
          everyHopPermanent &&= status === 301 || status === 308;
          url = next;
          continue;
        }
        const meta = readMeta(request, url, response, redirects > 0 && everyHopPermanent);
        // 304 answers only a conditional request (RFC 9110 §15.4.5). To one without validators it is
        // a broken cache, and taking it as "unchanged" would leave a new feed empty yet healthy.
        if (status === 304 && Object.keys(conditionalHeaders(request.etag, request.lastModified)).length > 0) {
          await discardBody(response.body);
          return { kind: 'not-modified', ...meta };
        }
        if (status < 200 || status >= 300) {
          await discardBody(response.body);
          const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headerValue(response.headers, 'retry-after'), Date.now()) : null;
          throw new HttpStatusError(status, url.href, retryAfter);
        }
        const shownUrl = redactUrl(url.href);
        const length = Number(headerValue(response.headers, 'content-length'));
        if (length > settings.maxBodyBytes) {
          await discardBody(response.body);
          throw new TributaryError('FETCH_TOO_LARGE', `body of ${shownUrl} is ${length} bytes, more than the ${settings.maxBodyBytes} allowed`, { url: url.href });
        }
        const contentType = headerValue(response.headers, 'content-type');
        let sink: ReturnType<NonNullable<FetchRequest['createSink']>> | undefined;
        try {
          sink = request.createSink?.({ contentType, finalUrl: meta.finalUrl });
        } catch (error) {
          // the body must still be released, or the connection (and close()) waits on it for ever
          abandonBody(response.body);
          throw error;
        }
        const body = await untilAborted(
          readBody(response.body, headerValue(response.headers, 'content-encoding'), settings.maxBodyBytes, shownUrl, sink),
          signal,
          () => response.body.destroy(),
        );
        return { kind: 'ok', ...meta, body, contentType };
      } finally {
        release();
      }
    }
  } catch (error) {
    if (timedOut) {
      throw new TributaryError('FETCH_TIMEOUT', `${redactUrl(url.href)} did not answer in full within ${settings.totalTimeoutMs} ms`, { url: url.href, cause: error });
    }
    // A caller's abort (shutdown) is not a feed failure: it surfaces as the caller's own reason.
    if (request.signal?.aborted) throw request.signal.reason;
    throw toFetchError(error, redactUrl(url.href));
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', abortFromCaller);
  }
}

/**
 * `work`, or the signal's reason as soon as it aborts: the deadline bounds the whole read even if
 * reading stopped depending on the connection (a decoder waiting for an end that never comes).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(signal.reason);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function buildRequestHeaders(url: URL, request: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: acceptHeader,
    'accept-encoding': 'gzip, deflate, br',
    ...conditionalHeaders(request.etag, request.lastModified),
  };
  const authorization = basicAuthorization(url);
  if (authorization) headers.authorization = authorization;
  return headers;
}

function readMeta(request: FetchRequest, url: URL, response: Dispatcher.ResponseData, permanent: boolean): FetchMeta {
  const { headers, statusCode } = response;
  const { maxAgeSeconds, expiresAt } = readCacheLifetime(headerValue(headers, 'cache-control'), headerValue(headers, 'expires'));
  const links = headers.link == null ? [] : [headers.link].flat();
  const { hubUrls, selfUrl } = parseLinkHeader(links, url.href);
  // A 304 may omit the validators (RFC 9110 §15.4.5 only says "should"); the stored ones still hold.
  const notModified = statusCode === 304;
  return {
    requestedUrl: request.url,
    finalUrl: url.href,
    permanentUrl: permanent ? url.href : null,
    status: statusCode,
    etag: headerValue(headers, 'etag') ?? (notModified ? (request.etag ?? null) : null),
    lastModified: headerValue(headers, 'last-modified') ?? (notModified ? (request.lastModified ?? null) : null),
    maxAgeSeconds,
    expiresAt,
    hubUrls,
    selfUrl,
  };
}

function headerValue(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name];
  if (value == null) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Reads and drops a small body so the connection can be reused; a large one closes it. */
async function discardBody(body: Dispatcher.ResponseData['body']): Promise<void> {
  await body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}
