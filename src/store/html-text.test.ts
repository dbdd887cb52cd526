import { describe, expect, it } from 'vitest';
import { extractHtmlText } from './html-text.js';

describe('extractHtmlText', () => {
  const cases: { name: string; html: string | null; text: string }[] = [
    { name: 'nothing gives nothing', html: null, text: '' },
    { name: 'plain text stays', html: 'just words', text: 'just words' },
    { name: 'tags become spaces', html: '<p>one</p><p>two</p>', text: 'one two' },
    { name: 'entities are decoded', html: 'fish &amp; chips &lt;3 &#x41;&nbsp;b', text: 'fish & chips <3 A b' },
    { name: 'attributes are not text', html: '<a href="https://x.example/secret" title="hidden">link</a>', text: 'link' },
    { name: 'a quoted > inside an attribute does not end the tag', html: `<img alt="a > b" title='c > d'>after`, text: 'after' },
    { name: 'a lone < is text', html: 'a < b and 3<4', text: 'a < b and 3<4' },
    { name: 'comments are not text', html: 'a<!-- hidden <b>x</b> -->b', text: 'a b' },
    { name: 'scripts and styles are not text, in any case', html: '<style>p{}</style>a<SCRIPT>var b = "</p>"</SCRIPT>c', text: 'a c' },
    { name: 'whitespace collapses', html: '  a\n\n\t b  ', text: 'a b' },
    { name: 'unclosed markup still gives its words', html: '<p>open <b>bold', text: 'open bold' },
    { name: 'a tag cut off at the end is dropped', html: 'text <a href="x', text: 'text' },
    { name: 'Cyrillic passes through', html: '<p>Привет, <em>мир</em></p>', text: 'Привет, мир' },
  ];
  for (const { name, html, text } of cases) {
    it(name, () => expect(extractHtmlText(html)).toBe(text));
  }

  it('stays linear with many skipped elements before a long text', () => {
    const html = '<style>x</style>'.repeat(20_000) + 'word '.repeat(200_000);
    const started = performance.now();
    expect(extractHtmlText(html)).toHaveLength('word '.repeat(200_000).trim().length);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
