/**
 * @module publish
 * The river made visible: plain text and JSON for the CLI, HTML pages through a theme, output
 * feeds (Atom, RSS, JSON Feed, OPML) and the static site build. Everything reads the store
 * through the narrow `RiverSource` interface.
 */
export type { RiverSource, RiverQuery, SiteOptions } from './river-source.js';
export type { AttributionPart } from './attribution.js';
export { attributionLine, attributionParts } from './attribution.js';
export { itemHtml, itemText, itemTitle } from './item-view.js';
export type { RiverJson, RiverJsonItem } from './river-text.js';
export { renderRiverJson, renderRiverText } from './river-text.js';
export type { PageName, Theme } from './theme.js';
export { defaultThemesRoot, loadTheme } from './theme.js';
export type { PageContext } from './page-context.js';
export { contentSecurityPolicy } from './page-context.js';
export {
  renderNotFoundHtml,
  renderRiverHtml,
  renderSearchHtml,
  renderSourceHtml,
  renderSourcesHtml,
  renderStatusHtml,
  riverPagePath,
  sourcePagePath,
} from './pages.js';
export { atomFeed } from './atom-feed.js';
export { rssFeed } from './rss-feed.js';
export { jsonFeed } from './json-feed.js';
export { opmlDocument } from './opml-document.js';
export type { BuildOptions, BuildResult, SiteWriter } from './site-build.js';
export { buildSite, createDirectoryWriter } from './site-build.js';
export { parseSourceSlug, sourcePath } from './source-path.js';
export { isFailingFeed, sourceHealth } from './source-health.js';
