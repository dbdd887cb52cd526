/**
 * @module server/asset-handler
 * Theme assets under `/assets/`: the file is looked up in the theme's asset folders, most
 * specific first, so a file of the site theme hides the default theme's file of the same name.
 * Hand-written rather than serveStatic, which serves a single folder: these are a few small
 * files, read whole. Only plain relative names are accepted (no dot segments, no backslashes).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { Theme } from '../publish/index.js';

const assetCacheControl = 'public, max-age=86400';
const safeAssetPath = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;

/** The handler answering `/assets/*` from the theme's asset folders. */
export function createAssetHandler(theme: Theme): MiddlewareHandler {
  return async (c) => {
    const name = c.req.path.slice('/assets/'.length);
    if (!safeAssetPath.test(name)) return c.notFound();
    for (const dir of theme.assetDirs) {
      const file = join(dir, ...name.split('/'));
      const stats = await stat(file).catch(() => null);
      if (!stats?.isFile()) continue;
      return c.body(await readFile(file), 200, {
        'Content-Type': getMimeType(file) ?? 'application/octet-stream',
        'Cache-Control': assetCacheControl,
      });
    }
    return c.notFound();
  };
}
