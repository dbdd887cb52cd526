import { describe, expect, it } from 'vitest';
import { flattenDeepNesting, MAX_DEPTH } from './flatten-deep-nesting.js';
import { sanitizeEntryHtml } from './index.js';

describe('flattenDeepNesting', () => {
  it('leaves real markup as it is, however long', () => {
    const article = `<article>${'<p>Text with <a href="/x?a=1&b=2" title="a > b">a link</a>, <em>emphasis</em><br>and <img src="i.png" alt="<x>">.</p>\n'.repeat(2_000)}</article>`;
    expect(flattenDeepNesting(article)).toBe(article);
    const list = `<ul>${'<li>item <b>bold</b>'.repeat(3_000)}</ul><table>${'<tr><td>a<td>b'.repeat(1_000)}</table>`;
    expect(flattenDeepNesting(list)).toBe(list);
    const scripts = `${'<script>if (a < b) { x = "<div>"; }</script><style>p > a {}</style><!-- <div><div> -->'.repeat(600)}<p>end</p>`;
    expect(flattenDeepNesting(scripts)).toBe(scripts);
  });

  it(`cuts the tags of elements nested deeper than ${MAX_DEPTH} and keeps their text`, () => {
    const deep = `${'<div>'.repeat(2_000)}deep text${'</div>'.repeat(2_000)}<p>after</p>`;
    const flat = flattenDeepNesting(deep);
    expect(flat).toBe(`${'<div>'.repeat(MAX_DEPTH)}deep text${'</div>'.repeat(MAX_DEPTH)}<p>after</p>`);
    const mixed = `${'<span><em>'.repeat(1_000)}x${'</em></span>'.repeat(1_000)}`;
    expect((flattenDeepNesting(mixed).match(/</g) ?? []).length).toBe(MAX_DEPTH * 2);
  });

  it('lets the cleaner finish 100,000 nested elements in well under a second and keeps the text', () => {
    const html = `${'<div><i>'.repeat(50_000)}still here${'</i></div>'.repeat(50_000)}<p>and after</p>`;
    const started = performance.now();
    const cleaned = sanitizeEntryHtml(html, { baseUrl: 'https://blog.example/' });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(cleaned).toContain('still here');
    expect(cleaned).toContain('and after');
  });
});
