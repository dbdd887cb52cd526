/**
 * @module store/search-text
 * Turns entries and user queries into words for the full-text index. HTML is read with
 * htmlparser2's streaming parser (no DOM is built); a query is split into the same kind of words
 * the index holds (letters, digits and marks), so nothing a reader types can reach the engine as
 * query syntax.
 */
import { Parser } from 'htmlparser2';
import type { EntryInput } from '../model/index.js';
import type { SearchDocument } from './store-dialect.js';

/** Text beyond this many characters per entry is not indexed. */
export const MAX_INDEXED_CHARS = 100_000;
/** Words beyond this many in a query are ignored. */
export const MAX_QUERY_TERMS = 16;

const skippedElements = new Set(['script', 'style', 'template']);

/** The text of an HTML fragment, entities decoded, tags replaced by spaces. */
export function extractHtmlText(html: string | null): string {
  if (html == null || html === '') return '';
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (skippedElements.has(name)) skipDepth += 1;
        parts.push(' ');
      },
      onclosetag(name) {
        if (skippedElements.has(name) && skipDepth > 0) skipDepth -= 1;
        parts.push(' ');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The searchable text of a stored entry: title, content + summary + media text, author. */
export function createSearchDocument(id: number, entry: EntryInput): SearchDocument {
  const body = [extractHtmlText(entry.content), extractHtmlText(entry.summary), entry.mediaDescription ?? '']
    .filter((part) => part !== '')
    .join(' ');
  return {
    id,
    title: entry.title ?? '',
    body: body.length > MAX_INDEXED_CHARS ? body.slice(0, MAX_INDEXED_CHARS) : body,
    author: entry.author ?? '',
  };
}

/** The words of a reader's query (letters, digits, marks), at most {@link MAX_QUERY_TERMS}. */
export function parseSearchTerms(query: string | undefined): string[] {
  if (query == null) return [];
  const words = query.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return words.slice(0, MAX_QUERY_TERMS);
}
