/**
 * @module clean/embeds
 * The iframe allow-list. An entry may embed a video player from YouTube (rewritten to the
 * privacy-enhanced youtube-nocookie.com host) or Vimeo (player.vimeo.com), plus the hosts the
 * operator lists under `clean.embeds`. Every other iframe is dropped: a frame from a stranger's
 * host, on the planet's own page, could phish, mine or overlay. Allowed embeds are always https.
 */

const YOUTUBE_HOSTS = new Set([
  'youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const YOUTUBE_PATH = /^\/(?:embed|v)\/([\w-]{6,})\/?$/;
const VIMEO_PLAYER_PATH = /^\/video\/(\d+)\/?$/;
const VIMEO_PAGE_PATH = /^\/(\d+)\/?$/;
// Players must not start on their own on the river page.
const DROPPED_PARAMETERS = ['autoplay', 'auto_play', 'mute', 'muted'];

/** A compiled `clean.embeds` list: exact host names and `*.example.com` suffixes. */
export interface EmbedHosts {
  exact: ReadonlySet<string>;
  suffixes: readonly string[];
}

/** Compiles the operator's extra hosts (`host` or `*.host`, case-insensitive). */
export function createEmbedHosts(hosts: readonly string[] = []): EmbedHosts {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of hosts) {
    const host = raw.trim().toLowerCase();
    if (host.startsWith('*.')) suffixes.push(host.slice(1));
    else if (host !== '') exact.add(host);
  }
  return { exact, suffixes };
}

function withQuery(base: string, source: URL): string {
  const query = new URLSearchParams(source.search);
  for (const name of DROPPED_PARAMETERS) query.delete(name);
  const search = query.toString();
  return search === '' ? base : `${base}?${search}`;
}

/** Returns the src an allowed iframe gets (rewritten for YouTube/Vimeo), or null when the host is not allowed. */
export function rewriteEmbedUrl(src: string, extra: EmbedHosts): string | null {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname;
  if (YOUTUBE_HOSTS.has(host)) {
    const match = YOUTUBE_PATH.exec(url.pathname);
    return match ? withQuery(`https://www.youtube-nocookie.com/embed/${match[1]}`, url) : null;
  }
  if (VIMEO_HOSTS.has(host)) {
    const match = (host === 'player.vimeo.com' ? VIMEO_PLAYER_PATH : VIMEO_PAGE_PATH).exec(url.pathname);
    return match ? withQuery(`https://player.vimeo.com/video/${match[1]}`, url) : null;
  }
  if (extra.exact.has(host) || extra.suffixes.some((suffix) => host.endsWith(suffix))) {
    url.protocol = 'https:';
    return url.href;
  }
  return null;
}
