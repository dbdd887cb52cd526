/**
 * @module publish/site-build
 * `tributary build`: the live site's pages written as static files. Output goes through a
 * `SiteWriter` (the file-system parameter of Hono's `toSSG`), so tests collect files in memory
 * and the default writer replaces each file atomically (write then rename), so a web server
 * never serves a half-written page. The static copy has no search box: there is no server to
 * answer `/search`. The default writer also keeps a manifest of what it wrote
 * ({@link buildManifest}), so a rebuild removes the pages that no longer exist (a removed
 * source's pages, river pages past a shorter end, and the folders they leave empty) and never
 * touches any other file.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { atomFeed } from './atom-feed.js';
import { jsonFeed } from './json-feed.js';
import { opmlDocument } from './opml-document.js';
import type { PageContext } from './page-context.js';
import { renderNotFoundHtml, renderRiverHtml, renderSourceHtml, renderSourcesHtml, riverPagePath, sourcePagePath } from './pages.js';
import type { RiverSource, SiteOptions } from './river-source.js';
import { rssFeed } from './rss-feed.js';
import type { Theme } from './theme.js';
import { loadTheme } from './theme.js';

/** Where the build's files go; `path` is `outDir` joined with the site-relative path. */
export interface SiteWriter {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}

/** Options of `buildSite`. */
export interface BuildOptions {
  /** Default: files on disk, each replaced atomically. */
  writer?: SiteWriter;
  /** The build time stamped in the feeds. Default: now. */
  now?: Date;
  /** Default: `loadTheme(site)`. */
  theme?: Theme;
  /** Extra iframe hosts allowed by the pages' CSP (the `clean.embeds` setting). Default: none. */
  embedHosts?: readonly string[];
  /** Called after each file is written. */
  onProgress?: (progress: { path: string; files: number }) => void;
}

/** The files a build wrote: `pages` HTML pages among `files` files in all. */
export interface BuildResult {
  pages: number;
  files: number;
}

/** Writes the whole site (river pages, source pages, sources page, feeds, OPML, assets) into `outDir`. */
export async function buildSite(source: RiverSource, site: SiteOptions, outDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const writer = options.writer ?? createDirectoryWriter();
  const now = options.now ?? new Date();
  const theme = options.theme ?? (await loadTheme(site));
  const ctx: PageContext = { searchEnabled: false, embedHosts: options.embedHosts ?? [] };
  const result: BuildResult = { pages: 0, files: 0 };
  const written = new Set<string>();
  const emit = async (path: string, data: string | Uint8Array): Promise<void> => {
    await writer.writeFile(join(outDir, ...path.split('/')), data);
    written.add(path);
    result.files += 1;
    if (path.endsWith('.html')) result.pages += 1;
    options.onProgress?.({ path, files: result.files });
  };

  const first = await source.river({ page: 1, pageSize: site.pageSize });
  for (let n = 1; n <= Math.max(1, first.pages); n += 1) {
    const page = n === 1 ? first : await source.river({ page: n, pageSize: site.pageSize });
    await emit(`${riverPagePath(n)}index.html`, renderRiverHtml(theme, page, site, ctx));
  }

  const feeds = await source.listFeeds();
  for (const feed of feeds) {
    let pages = 1;
    for (let n = 1; n <= pages; n += 1) {
      const page = await source.river({ page: n, pageSize: site.pageSize, feedId: feed.id });
      pages = page.pages;
      await emit(`${sourcePagePath(feed, n)}index.html`, renderSourceHtml(theme, feed, page, site, ctx));
    }
  }
  await emit('sources/index.html', renderSourcesHtml(theme, feeds, site, ctx));
  await emit('404.html', renderNotFoundHtml(theme, site, ctx));

  await emit('atom.xml', atomFeed(first.items, site, now));
  await emit('rss.xml', rssFeed(first.items, site, now));
  await emit('feed.json', jsonFeed(first.items, site, now));
  await emit('opml.xml', opmlDocument(feeds, site, now));

  for (const [path, file] of await collectAssets(theme.assetDirs)) {
    await emit(`assets/${path}`, await readFile(file));
  }
  if (!options.writer) await removeStaleFiles(outDir, written);
  return result;
}

/** The file in the output folder listing what the last build wrote. */
export const buildManifest = '.tributary-build.json';

/** Deletes what the previous build wrote and this one did not, then records this build's files. */
async function removeStaleFiles(outDir: string, written: ReadonlySet<string>): Promise<void> {
  const manifest = join(outDir, buildManifest);
  let previous: string[] = [];
  try {
    const parsed: unknown = JSON.parse(await readFile(manifest, 'utf8'));
    if (Array.isArray(parsed)) previous = parsed.filter((path): path is string => typeof path === 'string');
  } catch {
    // first build into this folder, or an unreadable manifest: nothing is removed
  }
  for (const path of previous) {
    // only plain relative paths of ours: a doctored manifest cannot reach outside the folder
    if (written.has(path) || path.split('/').some((part) => part === '..' || part === '') || path.startsWith('/')) continue;
    await rm(join(outDir, ...path.split('/')), { force: true });
    await removeEmptyFolders(outDir, path);
  }
  await writeFile(manifest, `${JSON.stringify([...written].sort(), null, 1)}\n`);
}

/**
 * Removes the folders of a removed file that are left empty, innermost first, stopping at the
 * first that holds anything: a web server would answer an empty `source/3-gone/` with a 403 or
 * a listing instead of the 404 page.
 */
async function removeEmptyFolders(outDir: string, path: string): Promise<void> {
  for (const parts = path.split('/').slice(0, -1); parts.length > 0; parts.pop()) {
    try {
      await rmdir(join(outDir, ...parts));
    } catch {
      return; // not empty (or already gone)
    }
  }
}

/** A writer that creates folders as needed and replaces each file atomically. */
export function createDirectoryWriter(): SiteWriter {
  return {
    async writeFile(path, data) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, data);
      await rename(temporary, path);
    },
  };
}

/** Asset files by site-relative path; a file in an earlier (more specific) folder wins. */
async function collectAssets(dirs: readonly string[]): Promise<Map<string, string>> {
  const assets = new Map<string, string>();
  for (const dir of [...dirs].reverse()) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      assets.set(relative(dir, file).split(sep).join('/'), file);
    }
  }
  return new Map([...assets].sort(([a], [b]) => a.localeCompare(b)));
}
