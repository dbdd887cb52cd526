import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, extractHtmlText, parseSearchTerms } from './search-text.js';

describe('extractHtmlText', () => {
  const cases: { name: string; html: string | null; text: string }[] = [
    { name: 'nothing gives nothing', html: null, text: '' },
    { name: 'tags become spaces', html: '<p>one</p><p>two</p>', text: 'one two' },
    { name: 'entities are decoded', html: 'fish &amp; chips &lt;3 &#x41;', text: 'fish & chips <3 A' },
    { name: 'attributes are not text', html: '<a href="https://x.example/secret" title="hidden">link</a>', text: 'link' },
    { name: 'scripts and styles are not text', html: '<style>p{}</style>a<script>var b</script>c', text: 'a c' },
    { name: 'whitespace collapses', html: '  a\n\n\t b  ', text: 'a b' },
    { name: 'broken markup still gives its words', html: '<p>open <b>bold', text: 'open bold' },
  ];
  for (const { name, html, text } of cases) {
    it(name, () => expect(extractHtmlText(html)).toBe(text));
  }
});

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
