/**
 * @module clean/pixel-tracker
 * Recognises images that exist only to report a reader's visit: 1×1 (or 0×0) pixels, and images
 * from known feed-analytics hosts (FeedBurner, WordPress stats, Feedsportal, DoubleClick…).
 * Republishing them would let a stranger count (and fingerprint) the planet's readers.
 */

// Host names (and their subdomains) whose images are trackers, ad beacons or share-button junk.
const TRACKER_DOMAINS = [
  'feeds.feedburner.com', 'feedproxy.google.com', 'pixel.wp.com', 'stats.wordpress.com',
  'feeds.wordpress.com', 'feedsportal.com', 'doubleclick.net', 'google-analytics.com',
  'quantserve.com', 'scorecardresearch.com', 'pheedo.com', 'feeds.feedblitz.com',
  'assoc-amazon.com', 'amazon-adsystem.com', 'pixel.mathtag.com', 'feedads.googleadservices.com',
  'piwik.pro', 'stats.g.doubleclick.net',
];
// Path-level trackers on hosts that also serve real images.
const TRACKER_PREFIXES = ['https://www.facebook.com/tr', 'https://medium.com/_/stat', 'http://medium.com/_/stat'];
// Matched against the trimmed value: with \s* on both sides of an optional "px", a long run of
// spaces backtracked in n² (100 KB of them: 13 s).
const TINY = /^[01](?:\.0+)?\s*(?:px)?$/i;
const STYLE_TINY_WIDTH = /(?:^|;)\s*width\s*:\s*[01](?:px)?\s*(?:;|$)/i;
const STYLE_TINY_HEIGHT = /(?:^|;)\s*height\s*:\s*[01](?:px)?\s*(?:;|$)/i;

/** The few attributes of an `<img>` the check reads. */
export interface PixelCandidate {
  src: string;
  width?: string | undefined;
  height?: string | undefined;
  style?: string | undefined;
}

/** True when the image is a tracking pixel: 1×1/0×0 by attributes or style, or from a tracker host. */
export function isPixelTracker(image: PixelCandidate): boolean {
  if (image.width !== undefined && image.height !== undefined && TINY.test(image.width.trim()) && TINY.test(image.height.trim())) {
    return true;
  }
  if (image.style !== undefined && STYLE_TINY_WIDTH.test(image.style) && STYLE_TINY_HEIGHT.test(image.style)) {
    return true;
  }
  return isTrackerUrl(image.src);
}

function isTrackerUrl(src: string): boolean {
  if (TRACKER_PREFIXES.some((prefix) => src.startsWith(prefix))) return true;
  const hostStart = src.indexOf('//');
  if (hostStart < 0) return false;
  let hostEnd = src.length;
  for (let index = hostStart + 2; index < src.length; index++) {
    const character = src[index];
    if (character === '/' || character === '?' || character === '#' || character === ':') {
      hostEnd = index;
      break;
    }
  }
  const authority = src.slice(hostStart + 2, hostEnd).toLowerCase();
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return TRACKER_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
