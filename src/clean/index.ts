/**
 * @module clean
 * The clean stage: entry HTML from strangers' feeds made safe to republish, and the plain-text and
 * display renderings the river uses.
 */
export { sanitizeEntryHtml } from './sanitize-entry-html.js';
export type { CleanOptions } from './sanitize-entry-html.js';
export { htmlToText } from './html-to-text.js';
export type { TextOptions } from './html-to-text.js';
export { captionTitledImages } from './caption-titled-images.js';
export { isPixelTracker } from './pixel-tracker.js';
export type { PixelCandidate } from './pixel-tracker.js';
export { sanitizeUrl } from './sanitize-url.js';
export type { UrlKind } from './safe-url.js';
export { cleanerVersion } from './cleaner-version.js';
