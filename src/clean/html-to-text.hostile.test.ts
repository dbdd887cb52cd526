import { describe, expect, it } from 'vitest';
import { htmlToText } from './index.js';

/** Milliseconds `htmlToText` takes over `html`. */
function renderingTime(html: string): number {
  const started = performance.now();
  htmlToText(html);
  return performance.now() - started;
}

// The river's text and the site's excerpts render stored entries with htmlToText, on the main
// thread: an entry built to be slow holds up every page that shows it. Before the fixes each
// of these inputs took from seconds to hours.
describe('htmlToText on inputs built to be slow', () => {
  it('lays out many paragraphs in linear time', () => {
    expect(renderingTime('<p>x</p>'.repeat(80_000))).toBeLessThan(1_000);
  });

  it('strips a long run of spaces in preformatted text in linear time', () => {
    expect(renderingTime(`<pre>${' '.repeat(100_000)}x</pre><p>y</p>`)).toBeLessThan(1_000);
    expect(renderingTime(`<pre>x${' '.repeat(100_000)}\n</pre>`)).toBeLessThan(1_000);
  });

  it('tells an emoji alt text from another in linear time', () => {
    expect(renderingTime(`<img alt="${'\u200d'.repeat(27)}x">`)).toBeLessThan(1_000);
    expect(htmlToText(`a <img alt="\u{1F469}\u200d\u{1F4BB}\ufe0f"> b <img alt="${'\u200d'.repeat(27)}x"> c`)).toBe(`a \u{1F469}\u200d\u{1F4BB}\ufe0f b\n\n${'\u200d'.repeat(27)}x\n\nc`);
  });

  it('still drops spaces and tabs before a line break, and only there', () => {
    expect(htmlToText('<pre>a \t</pre><p>b  <i> c</i></p><pre>d \ne</pre>')).toBe('a\n\nb c\n\nd\ne');
  });
});
