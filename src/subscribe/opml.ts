/**
 * @module subscribe/opml
 * Reads OPML subscription lists. OPML in the wild is loosely written (HTML entities such as
 * `&eacute;`, any attribute case, missing version, nested folders), so it is read with
 * htmlparser2's tolerant HTML mode (self-closing tags honoured) rather than a strict XML parser;
 * every `outline` with an `xmlUrl` is a subscription, at any depth.
 */
import { Parser } from 'htmlparser2';
import { TributaryError } from '../model/index.js';

/** One subscription found in an OPML document. */
export interface OpmlSubscription {
  url: string;
  title: string | null;
  siteUrl: string | null;
  /** The folder (parent outline text) it was filed under, if any. */
  category: string | null;
}

/** Extracts every feed subscription from an OPML document (duplicates removed, order kept). */
export function parseOpml(text: string): OpmlSubscription[] {
  const subscriptions: OpmlSubscription[] = [];
  const seen = new Set<string>();
  const folders: Array<string | null> = [];
  let sawOpml = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'opml') sawOpml = true;
        if (name !== 'outline') return;
        const attrs: Record<string, string | undefined> = attributes;
        const url = attrs.xmlurl?.trim();
        const label = (attrs.title ?? attrs.text ?? '').trim() || null;
        folders.push(url ? null : label);
        if (!url || !isHttpUrl(url) || seen.has(url)) return;
        seen.add(url);
        subscriptions.push({
          url,
          title: label,
          siteUrl: attrs.htmlurl && isHttpUrl(attrs.htmlurl.trim()) ? attrs.htmlurl.trim() : null,
          category: [...folders].reverse().find((folder, index) => index > 0 && folder) ?? null,
        });
      },
      onclosetag(name) {
        if (name === 'outline') folders.pop();
      },
    },
    { xmlMode: false, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.end(text);
  if (!sawOpml) throw new TributaryError('OPML_INVALID', 'not an OPML document (no <opml> element)');
  return subscriptions;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
