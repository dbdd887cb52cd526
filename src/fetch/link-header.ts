/**
 * @module fetch/link-header
 * Reads the HTTP Link header (RFC 8288) for the WebSub hub and self URLs (WebSub §4: a publisher
 * may advertise them in headers instead of, or besides, the feed document). Hand-written: the
 * grammar needed is small and the npm parsers for it are unmaintained.
 */

export interface LinkRelations {
  hubUrls: string[];
  selfUrl: string | null;
}

/** Collects rel="hub" and rel="self" targets, resolved against `baseUrl`; other relations are ignored. */
export function parseLinkHeader(values: readonly string[], baseUrl: string): LinkRelations {
  const hubUrls: string[] = [];
  let selfUrl: string | null = null;
  for (const value of values) {
    for (const { target, rels } of splitLinks(value)) {
      const url = resolveUrl(target, baseUrl);
      if (url == null) continue;
      if (rels.includes('hub') && !hubUrls.includes(url)) hubUrls.push(url);
      if (rels.includes('self') && selfUrl == null) selfUrl = url;
    }
  }
  return { hubUrls, selfUrl };
}

function* splitLinks(value: string): Generator<{ target: string; rels: string[] }> {
  // <target> followed by ;-separated parameters up to the next link; quoted values may hold , and ;
  const linkPattern = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"(?:[^"\\]|\\.)*"|[^;,]*))?)*)/g;
  for (const match of value.matchAll(linkPattern)) {
    const parameters = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,\s]+))/i.exec(parameters);
    const relValue = rel?.[1] ?? rel?.[2];
    if (relValue == null) continue;
    yield { target: (match[1] ?? '').trim(), rels: relValue.toLowerCase().split(/\s+/) };
  }
}

function resolveUrl(target: string, baseUrl: string): string | null {
  try {
    return new URL(target, baseUrl).toString();
  } catch {
    return null;
  }
}
