import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, createSearchDocument, parseSearchTerms } from './search-text.js';
import { makeEntry } from './store-suite.js';

describe('parseSearchTerms', () => {
  const cases: { name: string; query: string | undefined; terms: string[] }[] = [
    { name: 'no query, no terms', query: undefined, terms: [] },
    { name: 'words split on spaces and punctuation', query: 'kiwi, "orchard"-report', terms: ['kiwi', 'orchard', 'report'] },
    { name: 'operators are dropped to their words', query: 'NEAR(a b) OR c*', terms: ['NEAR', 'a', 'b', 'OR', 'c'] },
    { name: 'quotes and SQL never survive', query: `'; drop table entries; --`, terms: ['drop', 'table', 'entries'] },
    { name: 'Cyrillic and accents are words', query: 'Привет café', terms: ['Привет', 'café'] },
    { name: 'combining marks stay in their word', query: 'नमस्ते', terms: ['नमस्ते'] },
    { name: 'symbols only, no terms', query: '*** "" ()', terms: [] },
  ];
  for (const { name, query, terms } of cases) {
    it(name, () => expect(parseSearchTerms(query)).toEqual(terms));
  }

  it(`keeps at most ${MAX_QUERY_TERMS} words`, () => {
    expect(parseSearchTerms('w '.repeat(100))).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('createSearchDocument', () => {
  it('indexes the title, the text of content, summary and media description, and the author', () => {
    const entry = makeEntry('g', {
      title: 'Cafe\u0301 title', content: '<p>body <b>text</b></p>', summary: '<p>short &amp; sweet</p>',
      mediaDescription: 'a video', author: 'Ada',
    });
    expect(createSearchDocument(7, entry)).toEqual({
      id: 7, title: 'Café title', body: 'body text short & sweet a video', author: 'Ada',
    });
  });
});
