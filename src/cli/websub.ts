/**
 * @module cli/websub
 * WebSub for `serve`: only when the site has a public base URL can a hub reach the callback.
 * Hub POSTs go through the fetcher's dispatcher, so they obey the same SSRF rules as fetches.
 */
import type { Logger } from 'pino';
import type { Fetcher } from '../fetch/index.js';
import { ingestFeedBody } from '../schedule/index.js';
import type { RefreshDeps } from '../schedule/index.js';
import { createHubPoster, createWebSub } from '../websub/index.js';
import type { WebSub } from '../websub/index.js';
import type { CommandContext } from './context.js';

/** The WebSub subscriber of a served site, or null when the site has no public base URL. */
export function webSubFor(context: CommandContext, fetcher: Fetcher, deps: RefreshDeps, logger: Logger): WebSub | null {
  const { baseUrl } = context.config.site;
  if (!baseUrl) return null;
  return createWebSub({
    baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    store: context.store,
    logger,
    maxBodyBytes: context.config.fetch.maxBodyBytes,
    post: createHubPoster({ dispatcher: fetcher.dispatcher, userAgent: context.config.fetch.userAgent ?? undefined }),
    ingest: async (feedId, body, contentType) => {
      const result = await ingestFeedBody(deps, feedId, body, contentType);
      logger.info({ feedId, ...result }, 'pushed entries stored');
    },
  });
}
