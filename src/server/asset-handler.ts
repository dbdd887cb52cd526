/**
 * @module server/asset-handler
 * Theme assets under `/assets/`: one static handler per asset folder, tried most specific
 * first, so a file of the site theme hides the default theme's file of the same name.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler, Next } from 'hono';
import type { Theme } from '../publish/index.js';

const assetCacheControl = 'public, max-age=86400';

/** The handler answering `/assets/*` from the theme's asset folders. */
export function createAssetHandler(theme: Theme): MiddlewareHandler {
  const handlers = theme.assetDirs.map((root) =>
    serveStatic({
      root,
      rewriteRequestPath: (path) => path.replace(/^\/assets/, ''),
      onFound: (_path, c) => {
        c.header('Cache-Control', assetCacheControl);
      },
    }),
  );
  return async (c, next) => {
    const tryFrom = async (index: number): Promise<Response | void> => {
      const handler = handlers[index];
      if (!handler) return next();
      // serveStatic calls next() when the file is not in its folder: try the next folder.
      const fallthrough: Next = async () => {
        const response = await tryFrom(index + 1);
        if (response) c.res = response;
      };
      return handler(c, fallthrough);
    };
    return tryFrom(0);
  };
}
