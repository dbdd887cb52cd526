/**
 * @module fetch/types
 * The fetch stage's public shapes: what a fetcher is configured with, what one fetch asks for and
 * what it returns. A failed fetch is never a result: it is thrown as a TributaryError.
 */
import type { Dispatcher } from 'undici';

/** Fetcher options; each default is applied in `createFetcher`. */
export interface FetcherOptions {
  /** Default: `tributary/<version> (+https://github.com/tributary-aggregator/tributary)`. */
  userAgent?: string | null;
  /** Default 10 000: DNS, TCP and TLS together. */
  connectTimeoutMs?: number;
  /** Default 15 000: from the request sent to the response headers. */
  headersTimeoutMs?: number;
  /** Default 30 000: the whole fetch, every redirect and the body included. */
  totalTimeoutMs?: number;
  /** Default 15 000: the longest silence allowed between two body chunks. */
  idleBodyTimeoutMs?: number;
  /** Default 10 MiB, counted on the decompressed body while it streams. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default 2: at most this many requests at once to one host; the rest wait their turn. */
  perHostConcurrency?: number;
  /** Default false: private addresses refused; true allows all; a list allows host names, host:port, IPs and CIDRs. */
  allowPrivate?: boolean | readonly string[];
}

/** One fetch: the URL and the validators stored from the last good response. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
  /**
   * Streams a 200's decompressed body instead of collecting it: called once the response headers
   * are in, it returns where the chunks go (a streaming parser), and FetchOk.body is then empty.
   * An error thrown by the sink ends the fetch with that error.
   */
  createSink?: (response: { contentType: string | null; finalUrl: string }) => BodySink;
}

/** Receives a body's decompressed bytes as they arrive. */
export interface BodySink {
  write(chunk: Buffer): void;
}

/** What every answer tells, whether it carried a body or not. */
export interface FetchMeta {
  requestedUrl: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** Set when every hop up to the final was 301/308: the stored URL should change to it. */
  permanentUrl: string | null;
  status: number;
  etag: string | null;
  lastModified: string | null;
  /** Cache-Control max-age, in seconds. */
  maxAgeSeconds: number | null;
  /** Expires, as epoch ms. */
  expiresAt: number | null;
  /** WebSub hubs from the HTTP Link header (rel=hub). */
  hubUrls: string[];
  /** rel=self from the HTTP Link header. */
  selfUrl: string | null;
}

export interface FetchOk extends FetchMeta {
  kind: 'ok';
  /** The decompressed body (empty when the request streamed it to a sink). */
  body: Buffer;
  contentType: string | null;
}

export interface FetchNotModified extends FetchMeta {
  kind: 'not-modified';
}

export type FetchResult = FetchOk | FetchNotModified;

export interface Fetcher {
  /** Fetches one URL; throws a TributaryError (FETCH_*, SSRF_BLOCKED) when it cannot. */
  fetchFeed(request: FetchRequest): Promise<FetchResult>;
  /** The fetcher's undici dispatcher, with its SSRF guard: for other requests that must obey the same rules (WebSub hub POSTs). */
  readonly dispatcher: Dispatcher;
  /** Closes the kept-alive connections once the requests still running have finished. */
  close(): Promise<void>;
}
