/**
 * @module store/search-text
 * Turns entries and user queries into words for the full-text index. A query is split into the
 * same kind of words the index holds (letters, digits, marks, private-use characters), so nothing
 * a reader types can reach the engine as query syntax.
 */
import type { EntryInput } from '../model/index.js';
import { extractHtmlText } from './html-text.js';
import type { SearchDocument } from './store-dialect.js';

/** Text beyond this many characters of an entry's title, body or author is not indexed (it bounds the cost of one entry). */
export const MAX_INDEXED_CHARS = 100_000;
/** Words beyond this many in a query are ignored. */
export const MAX_QUERY_TERMS = 16;

/** The searchable text of a stored entry: title, content + summary + media text, author. */
export function createSearchDocument(id: number, entry: Pick<EntryInput, 'title' | 'author' | 'content' | 'summary' | 'mediaDescription'>): SearchDocument {
  const body = [extractHtmlText(entry.content), extractHtmlText(entry.summary), entry.mediaDescription ?? '']
    .filter((part) => part !== '')
    .join(' ')
    .normalize('NFC');
  return {
    id,
    title: truncateIndexed((entry.title ?? '').normalize('NFC')),
    body: truncateIndexed(body),
    author: truncateIndexed(entry.author ?? ''),
  };
}

function truncateIndexed(text: string): string {
  return text.length > MAX_INDEXED_CHARS ? text.slice(0, MAX_INDEXED_CHARS) : text;
}

/** The words of a reader's query (letters, digits, marks, private use), at most {@link MAX_QUERY_TERMS}. */
export function parseSearchTerms(query: string | undefined): string[] {
  if (query == null) return [];
  const words = query.normalize('NFC').match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [];
  return words.slice(0, MAX_QUERY_TERMS);
}
