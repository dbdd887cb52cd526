/**
 * @module fetch/sniff-feed
 * A light look at the first bytes of a body to tell a feed from a web page, for feed discovery.
 * Deliberately not the parse stage: discovery only needs "is this a feed at all", and the root
 * element (`<rss`, `<feed`, `<rdf:RDF`) or a JSON Feed version URL answers that without reading
 * the document.
 */

export type SniffedFeedKind = 'rss' | 'atom' | 'rdf' | 'json';

const sniffBytes = 64 * 1024;

/** The feed kind `body` starts as, or null when it is not a feed (HTML, an image, empty, ...). */
export function sniffFeedKind(body: Uint8Array): SniffedFeedKind | null {
  const text = skipProlog(decodeHead(body));
  const root = /^<(?:[\w.-]+:)?(rss|feed|RDF)[\s/>]/.exec(text);
  if (root) return root[1] === 'rss' ? 'rss' : root[1] === 'feed' ? 'atom' : 'rdf';
  // JSON Feed 1.x: an object whose "version" is https://jsonfeed.org/version/1 or /1.1.
  if (text.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text)) return 'json';
  return null;
}

/** True when `body` (or its Content-Type) says it is an HTML page. */
export function isHtmlDocument(body: Uint8Array, contentType: string | null): boolean {
  if (contentType != null && /\bx?html\b/i.test(contentType)) return true;
  const head = decodeHead(body);
  return /<!doctype\s+html[\s>]/i.test(head.slice(0, 1024)) || /^<(html|head|body|meta|title)[\s>]/i.test(skipProlog(head));
}

/** The first bytes as text; UTF-16 by its BOM, otherwise latin1 (every markup byte that matters is ASCII). */
function decodeHead(body: Uint8Array): string {
  const head = body.subarray(0, sniffBytes);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}

/** Drops the BOM, whitespace, XML declaration, processing instructions, comments and doctype. */
function skipProlog(text: string): string {
  let rest = text.replace(/^(\uFEFF|\xEF\xBB\xBF)/, '');
  for (;;) {
    rest = rest.trimStart();
    const skipped =
      /^<\?[\s\S]*?\?>/.exec(rest) ?? /^<!--[\s\S]*?-->/.exec(rest) ?? /^<!doctype[^[>]*(\[[\s\S]*?\])?\s*>/i.exec(rest);
    if (!skipped) return rest;
    rest = rest.slice(skipped[0].length);
  }
}
