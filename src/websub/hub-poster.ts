/**
 * @module websub/hub-poster
 * The one request tributary makes to a hub: a form-encoded POST (W3C WebSub §5.1), through the
 * undici Dispatcher it is given, so the caller decides the network rules (the fetch stage's
 * SSRF-guarded agent in `serve`, a plain agent in tests). Redirects are not followed here: the
 * caller follows §5.1.2's 307/308 itself, each hop through the same dispatcher.
 */
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { defaultUserAgent } from '../fetch/index.js';
import { TributaryError } from '../model/index.js';

/** The hub's answer: its status, and the Location of a 307/308. */
export interface HubPostResult {
  status: number;
  location?: string | null;
}

/** Sends one form to a hub; rejects when the hub cannot be reached. */
export type HubPost = (url: string, form: URLSearchParams) => Promise<HubPostResult>;

/** Options of {@link createHubPoster}. */
export interface HubPosterOptions {
  /** The dispatcher every request goes through. Default: undici's global one (no address policy). */
  dispatcher?: Dispatcher;
  /** Default: the fetch stage's user agent. */
  userAgent?: string;
  /** The whole request, body included. Default 15 000. */
  timeoutMs?: number;
}

/** Creates a {@link HubPost} sending `application/x-www-form-urlencoded` UTF-8 forms (§5.1). */
export function createHubPoster(options: HubPosterOptions = {}): HubPost {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (url, form) => {
    if (!/^https?:\/\//i.test(url)) throw new TributaryError('FETCH_BAD_URL', `not an http(s) hub URL: ${url}`, { url });
    const response = await request(url, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': options.userAgent ?? defaultUserAgent },
      signal: AbortSignal.timeout(timeoutMs),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    await response.body.dump({ limit: 64 * 1024 });
    const location = response.headers.location;
    return { status: response.statusCode, location: Array.isArray(location) ? (location[0] ?? null) : (location ?? null) };
  };
}
