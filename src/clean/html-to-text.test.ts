import { describe, expect, it } from 'vitest';
import { htmlToText } from './index.js';
import type { TextOptions } from './index.js';

interface Case {
  name: string;
  input: string;
  expected: string;
  options?: TextOptions;
}

const cases: Case[] = [
  {
    name: 'separates LWN-style bare <p> separators by a blank line',
    input: '\n      Version 4.7 is <a href="x">out</a>. “Enhancements\ninclude a tool”.\n<p>\nSecond   paragraph.\n      ',
    expected: 'Version 4.7 is out. “Enhancements include a tool”.\n\nSecond paragraph.',
  },
  {
    name: 'renders loose lists (<li><p>) as one paragraph per item',
    input: '<p>Steps:</p>\n<ol>\n<li>\n<p>First step</p>\n</li>\n<li>\n<p>Second step</p>\n</li>\n</ol>\n<p>Done.</p>',
    expected: 'Steps:\n\nFirst step\n\nSecond step\n\nDone.',
  },
  {
    name: 'puts a Ghost figure\'s alt text on a line of its own',
    input: '<figure class="kg-card kg-image-card"><img src="a.png" alt="Wildcard proxy for everyone"></figure>\n<img src="b.png" alt="Wildcard proxy for everyone">\n<p>Today, I have the pleasure.</p>',
    expected: 'Wildcard proxy for everyone\n\nWildcard proxy for everyone\n\nToday, I have the pleasure.',
  },
  {
    name: 'omits images when asked',
    input: '<figure><img alt="Wildcard proxy for everyone"></figure><p>Today.</p>',
    expected: 'Today.',
    options: { images: 'omit' },
  },
  {
    name: 'keeps WordPress emoji images inline',
    input: '<h2><img src="e.png" alt="📋" class="wp-smiley" /> The importance</h2><p>party conversation <img alt="🍹" class="wp-smiley">, it takes</p><p>Done! <img alt="👏" class="emoji"><img alt="👏" class="emoji"></p>',
    expected: '📋 The importance\n\nparty conversation 🍹, it takes\n\nDone! 👏👏',
  },
  {
    name: 'recognises emoji images by their alt after sanitizing dropped the class',
    input: '<p>cheers <img src="e.png" alt="🍹"> then</p>',
    expected: 'cheers 🍹 then',
  },
  { name: 'drops images without alt text', input: '<p><img src="a.png" alt=""></p><p>Text</p>', expected: 'Text' },
  { name: 'turns <br> into a line break and two into a blank line', input: 'a<br>b<br/><br>c', expected: 'a\nb\n\nc' },
  {
    name: 'keeps a bivol-style lead image then text after <br>',
    input: '<div><img alt="понеделник 2 май 2022" /></div><br />Дайте да го караме&#8230;',
    expected: 'понеделник 2 май 2022\n\nДайте да го караме…',
  },
  { name: 'decodes entities', input: '<p>AT&amp;T &lt;tag&gt; caf&eacute; &#8211; x</p>', expected: 'AT&T <tag> café – x' },
  { name: 'keeps the line breaks of pre', input: '<p>Run:</p><pre>\n$ make\n  indented\n\n\n\nend\n</pre><p>After</p>', expected: 'Run:\n\n$ make\n  indented\n\nend\n\nAfter' },
  { name: 'drops script and style content', input: '<style>p{}</style><p>a<script>x()</script>b</p>', expected: 'ab' },
  { name: 'keeps inline spacing around code', input: '<li><code>microsoft/git</code> is a fork of <code>git</code></li>', expected: 'microsoft/git is a fork of git' },
  { name: 'separates table rows and cells', input: '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>', expected: 'a b\n\nc' },
  { name: 'never leaves more than one blank line', input: '<div><div><p>a</p></div></div><br><br><br><div>b</div>', expected: 'a\n\nb' },
  { name: 'returns an empty string for image-only entries with images omitted', input: '<img src="2.png" title="t" alt="2">', expected: '', options: { images: 'omit' } },
];

describe('htmlToText', () => {
  it.each(cases)('$name', ({ input, expected, options }) => {
    expect(htmlToText(input, options)).toBe(expected);
  });
});
