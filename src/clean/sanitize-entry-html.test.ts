import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from './index.js';

const BASE = 'https://blog.example/2022/05/post/';
const IMG = ' loading="lazy" referrerpolicy="no-referrer"';
const REL = ' rel="noopener noreferrer nofollow ugc"';
const FRAME =
  ' sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"' +
  ' allowfullscreen loading="lazy"';

interface Case {
  name: string;
  input: string;
  expected: string;
  embeds?: string[];
  baseUrl?: string | null;
}

const cases: Case[] = [
  // Active content
  { name: 'drops script elements with their content', input: '<p>a<script>alert(1)</script>b</p>', expected: '<p>ab</p>' },
  { name: 'drops upper-case and attribute-laden scripts', input: '<SCRIPT type="module" src="//x">x</SCRIPT>ok', expected: 'ok' },
  { name: 'drops event-handler attributes', input: '<p onclick="x()" onmouseover=y>t</p>', expected: '<p>t</p>' },
  { name: 'drops javascript: links but keeps their text', input: '<a href="javascript:alert(1)">t</a>', expected: 't' },
  {
    name: 'drops entity-encoded, tab-split and mixed-case javascript: URLs',
    input: '<a href="&#106;ava&#x09;script&colon;alert(1)">a</a><a href=" JaVaScRiPt:x">b</a><a href="java\nscript:x">c</a>',
    expected: 'abc',
  },
  { name: 'drops vbscript: and data:text/html URLs', input: '<a href="vbscript:x">a</a><a href="data:text/html,<script>x</script>">b</a>', expected: 'ab' },
  { name: 'drops style elements and attributes', input: '<style>p{}</style><p style="position:fixed">t</p>', expected: '<p>t</p>' },
  { name: 'drops forms and their controls, keeping their text', input: '<form action="/x"><input name=q><button>Go</button>text</form>', expected: 'text' },
  { name: 'drops object, embed, base, meta and link', input: '<base href="//evil"><meta http-equiv=refresh content="0;url=//e"><link rel=stylesheet href=x><object data=x>o</object><embed src=x>t', expected: 't' },
  { name: 'drops comments and CDATA', input: '<!-- hidden --><p>t<![CDATA[x]]></p>', expected: '<p>t</p>' },
  { name: 'drops svg with its content', input: '<svg><a href="javascript:x"><text>s</text></a></svg>t', expected: 't' },
  {
    name: 'writes MathML as the TeX of its annotation',
    input: '<p>the <math display="inline"><semantics><mi>N</mi><annotation encoding="application/x-tex">N</annotation></semantics></math>th</p>',
    expected: '<p>the Nth</p>',
  },
  { name: 'writes MathML as its alttext', input: '<math alttext="x^2"><msup><mi>x</mi><mn>2</mn></msup></math>', expected: 'x^2' },
  { name: 'writes MathML as its text without TeX or alttext', input: '<math><mi>x</mi><mo>+</mo><mn>1</mn></math>', expected: 'x+1' },
  { name: 'keeps nothing but text of MathML breakouts', input: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>t', expected: 't' },
  { name: 'neutralises the noscript attribute breakout', input: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>t', expected: 't' },
  { name: 'keeps a textarea breakout inert', input: '<textarea></textarea><img src=x onerror=alert(1)>', expected: `<img src="https://blog.example/2022/05/post/x"${IMG}>` },
  { name: 'turns xmp into a pre of plain text', input: '<xmp><b>x</b></xmp>', expected: '<pre>&lt;b&gt;x&lt;/b&gt;</pre>' },
  { name: 'escapes text and attribute values', input: '<p title="a&quot;b<c">1 &lt; 2 &amp;&amp; 3 > 2</p>', expected: '<p title="a&quot;b&lt;c">1 &lt; 2 &amp;&amp; 3 &gt; 2</p>' },
  // URLs
  { name: 'resolves relative links against the base URL', input: '<a href="../other/">o</a>', expected: `<a href="https://blog.example/2022/05/other/"${REL}>o</a>` },
  { name: 'resolves relative image sources', input: '<img src="/img/a.png" alt="A">', expected: `<img src="https://blog.example/img/a.png" alt="A"${IMG}>` },
  { name: 'keeps relative URLs relative without a base', input: '<a href="other/">o</a>', expected: `<a href="other/"${REL}>o</a>`, baseUrl: null },
  { name: 'keeps in-page footnote links in the page, ids prefixed', input: '<sup id="fnref1"><a href="#fn1">1</a></sup><li id="fn1">note</li>', expected: `<sup id="user-content-fnref1"><a href="#user-content-fn1"${REL}>1</a></sup>note` },
  { name: 'keeps mailto links', input: '<a href="mailto:a@b.example">m</a>', expected: `<a href="mailto:a@b.example"${REL}>m</a>` },
  { name: 'replaces the author\'s rel and target', input: '<a href="https://x.example/" rel="me" target="_top">x</a>', expected: `<a href="https://x.example/"${REL}>x</a>` },
  // Images
  { name: 'drops 1×1 tracking pixels', input: '<p>t<img src="https://t.example/p.gif" width="1" height="1"></p>', expected: '<p>t</p>' },
  { name: 'drops images from tracker hosts', input: '<img src="https://feeds.feedburner.com/~r/blog/~4/abc"><img src="https://pixel.wp.com/b.gif?x=1">t', expected: 't' },
  {
    name: 'keeps srcset and sizes, each candidate resolved',
    input: '<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x" sizes="(max-width: 600px) 100vw" alt="">',
    expected: `<img src="https://blog.example/2022/05/post/a.jpg" srcset="https://blog.example/2022/05/post/a.jpg 1x, https://blog.example/b.jpg 2x" sizes="(max-width: 600px) 100vw" alt=""${IMG}>`,
  },
  { name: 'drops srcset candidates with unsafe URLs', input: '<img srcset="javascript:x 1x, /ok.jpg 2x">', expected: `<img srcset="https://blog.example/ok.jpg 2x"${IMG}>` },
  {
    name: 'promotes lazy-loading attributes',
    input: '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/big.jpg" data-srcset="/big.jpg 1x, /big2.jpg 2x" width="640" height="480">',
    expected: `<img src="https://blog.example/big.jpg" srcset="https://blog.example/big.jpg 1x, https://blog.example/big2.jpg 2x" width="640" height="480"${IMG}>`,
  },
  { name: 'promotes data-lazy-src', input: '<img data-lazy-src="/l.jpg" alt="l">', expected: `<img src="https://blog.example/l.jpg" alt="l"${IMG}>` },
  { name: 'keeps WordPress emoji images marked as emoji', input: '<img src="https://s.w.org/e.png" alt="📋" class="wp-smiley" style="height: 1em">', expected: `<img src="https://s.w.org/e.png" alt="📋" class="emoji"${IMG}>` },
  { name: 'keeps title and numeric sizes, drops odd sizes', input: '<img src="/c.png" title="t" width="100" height="auto">', expected: `<img src="https://blog.example/c.png" title="t" width="100"${IMG}>` },
  { name: 'drops images without a usable source', input: '<img alt="x"><img src="javascript:x">t', expected: 't' },
  {
    name: 'keeps picture with its sources',
    input: '<picture><source srcset="/a.avif" type="image/avif"><img src="/a.jpg" alt="a"></picture>',
    expected: `<picture><source srcset="https://blog.example/a.avif" type="image/avif"><img src="https://blog.example/a.jpg" alt="a"${IMG}></picture>`,
  },
  { name: 'keeps figure and figcaption', input: '<figure class="kg-card"><img src="/f.png" alt="f"><figcaption>Cap</figcaption></figure>', expected: `<figure><img src="https://blog.example/f.png" alt="f"${IMG}><figcaption>Cap</figcaption></figure>` },
  // Embeds
  {
    name: 'rewrites YouTube iframes to youtube-nocookie without autoplay',
    input: '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1&start=30" width="560" height="315" frameborder="0" onload="x()">fallback</iframe>',
    expected: `<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30" width="560" height="315"${FRAME}></iframe>`,
  },
  { name: 'rewrites protocol-relative YouTube embeds', input: '<iframe src="//www.youtube.com/embed/abcdefghijk"></iframe>', expected: `<iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk"${FRAME}></iframe>` },
  { name: 'keeps Vimeo players', input: '<iframe src="https://player.vimeo.com/video/123456"></iframe>', expected: `<iframe src="https://player.vimeo.com/video/123456"${FRAME}></iframe>` },
  { name: 'drops iframes from unknown hosts', input: '<iframe src="https://evil.example/x"><p>x</p></iframe>t', expected: 't' },
  { name: 'drops srcdoc iframes', input: '<iframe srcdoc="<script>alert(1)</script>"></iframe>t', expected: 't' },
  { name: 'allows the operator\'s extra embed hosts over https', input: '<iframe src="http://embed.example/v/1"></iframe>', expected: `<iframe src="https://embed.example/v/1"${FRAME}></iframe>`, embeds: ['embed.example'] },
  { name: 'allows wildcard extra embed hosts', input: '<iframe src="https://a.b.example/p"></iframe>', expected: `<iframe src="https://a.b.example/p"${FRAME}></iframe>`, embeds: ['*.b.example'] },
  // Structure
  { name: 'closes unclosed tags', input: '<div><p>open <b>bold <i>it', expected: '<div><p>open <b>bold <i>it</i></b></p></div>' },
  { name: 'drops stray closing tags', input: '</div></blockquote>t</span></a>', expected: 't' },
  { name: 'closes a paragraph before a block inside it, reopening its formatting', input: '<p>a<b>b<div>c</div>d</b>e</p>', expected: '<p>a<b>b</b></p><div><b>c</b></div>de' },
  {
    name: 'keeps a link wrapped around a heading inside a paragraph',
    input: '<p>text <a href="#x"><h2 id="x">Title</h2></a> <p>next',
    expected: `<p>text </p><h2 id="user-content-x"><a href="#user-content-x"${REL}>Title</a></h2> <p>next</p>`,
  },
  { name: 'keeps list items only inside lists', input: '<li>loose</li><ul><li>kept</li></ul>', expected: 'loose<ul><li>kept</li></ul>' },
  { name: 'keeps table cells only inside rows', input: '<td>x</td><table><tr><td colspan="2" style="x">y</td></tr></table>', expected: 'x<table><tr><td colspan="2">y</td></tr></table>' },
  { name: 'never nests links', input: '<a href="/a">a<a href="/b">b</a></a>', expected: `<a href="https://blog.example/a"${REL}>ab</a>` },
  { name: 'unwraps unknown elements and attribute-less spans', input: '<font color=red><center><span>x</span><custom-el>y</custom-el></center></font>', expected: 'xy' },
  // Meaning kept
  { name: 'keeps the code language class only', input: '<pre class="hljs language-rust"><code class="lang-rs x">fn</code></pre>', expected: '<pre class="language-rust"><code class="language-rs">fn</code></pre>' },
  { name: 'keeps video with controls, without autoplay', input: '<video src="/v.mp4" poster="/p.jpg" autoplay><track src="/s.vtt" kind="captions" srclang="en"></video>', expected: '<video src="https://blog.example/v.mp4" poster="https://blog.example/p.jpg" controls><track src="https://blog.example/s.vtt" kind="captions" srclang="en"></video>' },
  { name: 'keeps audio with controls', input: '<audio><source src="/a.mp3" type="audio/mpeg"></audio>', expected: '<audio controls><source src="https://blog.example/a.mp3" type="audio/mpeg"></audio>' },
  { name: 'keeps details, abbr, mark, sub/sup, dl', input: '<details open><summary>S</summary><abbr title="HyperText">HTML</abbr> <mark>m</mark>H<sub>2</sub>O x<sup>2</sup><dl><dt>t</dt><dd>d</dd></dl></details>', expected: '<details open><summary>S</summary><abbr title="HyperText">HTML</abbr> <mark>m</mark>H<sub>2</sub>O x<sup>2</sup><dl><dt>t</dt><dd>d</dd></dl></details>' },
  { name: 'keeps blockquote cite and headings', input: '<blockquote class="bq" cite="/src"><h3>Q</h3></blockquote>', expected: '<blockquote cite="https://blog.example/src"><h3>Q</h3></blockquote>' },
  { name: 'keeps ordered list start', input: '<ol start="3" type="a"><li value="5">x</li></ol>', expected: '<ol start="3" type="a"><li value="5">x</li></ol>' },
];

describe('sanitizeEntryHtml', () => {
  it.each(cases)('$name', ({ input, expected, embeds, baseUrl }) => {
    const options = { baseUrl: baseUrl === undefined ? BASE : baseUrl, embeds: embeds ?? [] };
    expect(sanitizeEntryHtml(input, options)).toBe(expected);
  });

  it('returns an empty string for empty input', () => {
    expect(sanitizeEntryHtml('')).toBe('');
  });
});

const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));
const goldenPairs = readdirSync(testdata)
  .filter((name) => name.endsWith('.html'))
  .map((name) => ({ name, input: readFileSync(`${testdata}${name}`, 'utf8'), expected: readFileSync(`${testdata}${name}-result`, 'utf8') }));

describe('sanitizeEntryHtml golden files (testdata/*.html → *.html-result)', () => {
  it.each(goldenPairs)('cleans $name as recorded', ({ input, expected }) => {
    expect(sanitizeEntryHtml(input, { baseUrl: 'https://blog.example/post/' })).toBe(expected);
  });
});
