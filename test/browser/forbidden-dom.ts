/**
 * @module test/browser/forbidden-dom
 * The check run inside the browser on every page of the XSS river: after Chromium has parsed the
 * page (its own HTML5 tree builder, not ours), no element, attribute or URL that could run script,
 * load a foreign document, hijack a form, cover the page or clobber its DOM may exist. The whole
 * document is checked — the parser moves a leading `<script>` or `<meta>` into the head and merges
 * the attributes of a stray `<body onload>` into the real body — and the head may hold only the
 * layout's own metadata. It is one self-contained function because Playwright sends it to the
 * page as source text.
 */

/** What `findForbidden` is given: the HTML to parse (else the current page) and the allowed iframe hosts. */
export interface ForbiddenCheck {
  html?: string;
  frameHosts: string[];
}

/** Lists every forbidden element, attribute and URL, each with the title of the article it is in. */
export function findForbidden({ html, frameHosts }: ForbiddenCheck): string[] {
  const doc = html === undefined ? document : new DOMParser().parseFromString(html, 'text/html');
  const badElements = new Set([
    'script', 'object', 'embed', 'applet', 'param', 'form', 'base', 'meta', 'link', 'style', 'title', 'frame', 'frameset',
    'portal', 'fencedframe', 'input', 'button', 'textarea', 'select', 'isindex', 'svg', 'math', 'noscript', 'template', 'dialog',
  ]);
  const badAttributes = new Set(['srcdoc', 'style', 'formaction', 'popover', 'target', 'name', 'ping', 'autofocus', 'contenteditable']);
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'cite', 'background', 'lowsrc', 'dynsrc']);
  const safeData = /^data:image\/(png|gif|jpeg|webp|avif)[;,]/;
  // The layout's own head: charset, named metadata, its CSP, the stylesheet, icon and feed links, the title.
  const ownHead = (el: Element): boolean =>
    html === undefined &&
    el.parentElement === doc.head &&
    ((el.localName === 'meta' && (el.hasAttribute('charset') || el.hasAttribute('name') || el.getAttribute('http-equiv') === 'Content-Security-Policy')) ||
      (el.localName === 'link' && ['stylesheet', 'icon', 'alternate'].includes(el.getAttribute('rel') ?? '')) ||
      el.localName === 'title');
  // Browsers drop these characters when they parse a URL scheme.
  const squeeze = (url: string): string => url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase(); // eslint-disable-line no-control-regex
  const problems: string[] = [];
  for (const el of [doc.documentElement, ...Array.from(doc.documentElement.querySelectorAll('*'))]) {
    if (el.closest('form.search-form') || ownHead(el)) continue;
    const where = el.closest('article')?.querySelector('h2')?.textContent?.trim() ?? '(outside articles)';
    const name = el.localName;
    if (badElements.has(name) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`${where}: <${name}>`);
    if (name === 'iframe') {
      let host = '';
      try {
        host = new URL(el.getAttribute('src') ?? '', document.baseURI).hostname;
      } catch {
        host = '(bad URL)';
      }
      if (!frameHosts.includes(host)) problems.push(`${where}: <iframe> from ${host}`);
    }
    if (el.id && el.closest('.content') && !el.id.startsWith('user-content-')) problems.push(`${where}: ${name}#${el.id} (unprefixed id)`);
    for (const { name: attribute, value } of Array.from(el.attributes)) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on') || lower.startsWith('xlink:') || badAttributes.has(lower)) problems.push(`${where}: ${name}[${lower}]`);
      if (!urlAttributes.has(lower)) continue;
      const urls = lower === 'srcset' ? value.split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls.map(squeeze)) {
        const bad = url.startsWith('javascript:') || url.startsWith('vbscript:') || (url.startsWith('data:') && !safeData.test(url));
        if (bad) problems.push(`${where}: ${name}[${lower}=${url.slice(0, 40)}]`);
      }
    }
  }
  return problems;
}
