import { describe, expect, it } from 'vitest';
import { cleanText, htmlToPlainText, htmlToPlainTextPrefix, looksLikeHtml, repairText, truncateText } from './plain-text.js';

describe('htmlToPlainText', () => {
  const cases: Array<[string, string, string]> = [
    ['tags become spaces, entities are decoded', '<p>Fish &amp; chips</p><p>&eacute;t&eacute;</p>', 'Fish & chips été'],
    ['comments, scripts and styles are dropped', 'a<!-- hidden --> b<script>alert(1)</script> c<style>p{}</style>', 'a b c'],
    ['a ">" inside a quoted attribute does not end the tag', '<img alt="cat<br />dog" src="x.jpg">text', 'text'],
    ['a tag with an unbalanced quote ends at its first ">"', '<a href=http://x/">example</a>', 'example'],
    ['a "<" that starts no tag is text', 'a < b and c <= d', 'a < b and c <= d'],
    ['NBSP and other Unicode spaces collapse', 'a\u00a0\u2003 b\n\t c', 'a b c'],
    ['legacy entities without ";" decode as in HTML5', 'caf&eacute; &copy 2024', 'café © 2024'],
    ['text is NFC-normalised', 'cafe\u0301', 'café'],
    ['a stray quote in an attribute name does not swallow the text after the tag',
      '<p><img alt="Example, "here\'s to the crazy ones", font" src="x.jpg" /></p><p>Yes, that\'s it.</p>', 'Yes, that\'s it.'],
    ['an unclosed comment leaves the rest as text, its start a tag', 'a <!-- b > c', 'a c'],
  ];
  for (const [name, html, text] of cases) it(name, () => expect(htmlToPlainText(html)).toBe(text));
});

describe('htmlToPlainText on hostile input', () => {
  const hostile: Array<[string, string]> = [
    ['200,000 unclosed comments', '<!--'.repeat(200_000) + '>'],
    ['100,000 unclosed script tags', '<script>'.repeat(100_000)],
    ['100,000 unclosed quoted attributes', '<a href="'.repeat(100_000) + '>'],
    ['a million "<" without any ">"', '<a'.repeat(1_000_000)],
  ];
  for (const [name, html] of hostile) {
    it(`stays linear on ${name}`, () => {
      const started = Date.now();
      htmlToPlainText(html);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  }
  it('gives the same 300-character excerpt from a prefix as from the whole article', () => {
    const article = '<p>' + 'word '.repeat(50) + '</p><!-- c --><script>x</script>'.repeat(20) + '<p>' + 'more '.repeat(5000) + '</p>';
    expect(htmlToPlainTextPrefix(article, 300)).toBe(truncateText(htmlToPlainText(article), 300));
  });
});

describe('plain text helpers', () => {
  it('collapses whitespace and trims', () => expect(cleanText('  a \n\n b  ')).toBe('a b'));
  it('drops control characters but keeps whitespace ones as spaces', () => {
    expect(cleanText('AT\u0001T\u007f \u009dnews\u0090\u0085end\ttab')).toBe('ATT news end tab');
  });
  it('cuts at code points, not UTF-16 units, and drops a space at the cut', () => {
    expect(truncateText('😀😀😀', 2)).toBe('😀😀');
    expect(truncateText('ab cd', 3)).toBe('ab');
  });
  it('repairs double-encoded UTF-8 and C1 punctuation, and leaves real Latin-1 alone', () => {
    expect(repairText('KÃ¤lte')).toBe('Kälte');
    expect(repairText('don\u0092t')).toBe('don’t');
    expect(repairText('café')).toBe('café');
  });
  it('repairs windows-1252 mojibake sequence by sequence when the text also holds real characters', () => {
    expect(repairText('you’ll get â€œservedâ€\u009d — WÃ¤hrend, â‚¬5')).toBe('you’ll get “served” — Während, €5');
    expect(repairText('l’été… «à» naïve Ä°stanbul')).toBe('l’été… «à» naïve İstanbul');
    expect(repairText('Ã  la carte, ™ Ã')).toBe('Ã  la carte, ™ Ã');
  });
  it('guesses HTML in titles conservatively', () => {
    expect(looksLikeHtml('<b>bold</b> title')).toBe(true);
    expect(looksLikeHtml('Fish &amp; chips')).toBe(true);
    expect(looksLikeHtml('a <b> c')).toBe(false);
    expect(looksLikeHtml('<madeup>x</madeup>')).toBe(false);
  });
});
