/**
 * @module parse/namespaces
 * Maps namespace URIs to the short prefixes the adapters match on (`dc:creator`, `media:group`),
 * whatever prefix a document chose. RSS core namespaces (0.90, 1.0, the userland/harvard 2.0
 * ones) map to no prefix, both Atom versions to `atom`. The list follows the Universal Feed
 * Parser's, plus the podcast and YouTube namespaces feeds use today.
 */

const NAMESPACE_PREFIXES: Record<string, string> = {
  '': '',
  'http://backend.userland.com/rss': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://purl.org/rss/1.0/modules/rss091#': '',
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss': 'media',
  'http://search.yahoo.com/mrss/': 'media',
  'http://www.youtube.com/xml/schemas/2015': 'yt',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  'https://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  'https://podcastindex.org/namespace/1.0': 'podcast',
  'https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': 'podcast',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://www.georss.org/georss': 'georss',
  'http://www.w3.org/2003/01/geo/wgs84_pos#': 'geo',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://purl.org/rss/1.0/modules/threading/': 'thr',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/2000/01/rdf-schema#': 'rdfs',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://purl.org/rss/1.0/modules/image/': 'image',
  'http://purl.org/rss/1.0/modules/taxonomy/': 'taxo',
  'http://webns.net/mvcb/': 'admin',
  'http://xmlns.com/foaf/0.1/': 'foaf',
  'http://www.w3.org/1999/xlink': 'xlink',
  'http://podlove.org/simple-chapters': 'psc',
  'http://purl.org/rss/1.0/modules/event/': 'ev',
  'http://creativecommons.org/ns#license': 'cc',
  'http://web.resource.org/cc/': 'cc',
  'http://backend.userland.com/creativecommonsrssmodule': 'creativeCommons',
};

/** The namespace URIs that identify a format, as the root declares them. */
export const FORMAT_NAMESPACES = {
  atom10: 'http://www.w3.org/2005/atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss09: 'http://my.netscape.com/rdf/simple/0.9/',
} as const;

/** The canonical prefix for a namespace URI, or null when the URI is not one tributary knows. */
export function prefixForNamespace(uri: string): string | null {
  const lower = uri.trim().toLowerCase();
  const known = NAMESPACE_PREFIXES[lower];
  if (known !== undefined) return known;
  if (lower.includes('backend.userland.com/rss')) return '';
  if (lower.startsWith('http://www.itunes.com/dtds/')) return 'itunes';
  return null;
}
