import { describe, expect, it } from 'vitest';
import { sanitizeUrl } from './index.js';

describe('sanitizeUrl', () => {
  const base = 'https://example.org/blog/';
  const cases: Array<[string, string | null, 'link' | 'media' | 'image', string | null]> = [
    ['https://example.org/a', null, 'link', 'https://example.org/a'],
    ['post/1', base, 'link', 'https://example.org/blog/post/1'],
    ['java\tscript:alert(1)', base, 'link', null],
    ['java\nscript:alert(1)', null, 'link', null],
    ['\x01javascript:alert(1)', base, 'link', null],
    [' JaVaScRiPt:alert(1)', null, 'link', null],
    ['vbscript:msgbox(1)', null, 'link', null],
    ['data:text/html,<script>alert(1)</script>', null, 'link', null],
    ['data:text/html,x', null, 'media', null],
    ['mailto:jo@example.org', null, 'link', 'mailto:jo@example.org'],
    ['#section', base, 'link', null],
  ];
  for (const [raw, baseUrl, kind, expected] of cases) {
    it(`${JSON.stringify(raw)} (${kind}) → ${expected ?? 'refused'}`, () => {
      expect(sanitizeUrl(raw, baseUrl, kind)).toBe(expected);
    });
  }
});
