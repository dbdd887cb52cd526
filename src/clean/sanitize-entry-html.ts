/**
 * @module clean/sanitize-entry-html
 * The allow-list sanitizer every entry's HTML passes through before it is stored and republished
 * on the planet's own domain.
 *
 * Engine: one streaming pass over htmlparser2's `Parser` (the tokenizer sanitize-html is built
 * on) that writes kept tags back out from scratch — names from the allow-list, attribute values
 * re-escaped, URLs re-serialised by the WHATWG URL parser — so nothing of the source's own
 * spelling (entities, odd quoting, comments, CDATA) reaches the page. No DOM is built, which is
 * what makes it faster than sanitize-html (same tokenizer, plus its generic option machinery)
 * and DOMPurify (a full DOM): over the 9 MB of entry HTML in the shared corpus, about 33 MB/s
 * against 15 MB/s for sanitize-html 2.17 and 0.2 MB/s for DOMPurify on jsdom (bench/clean.mjs;
 * docs/sanitizer.md). Most of the remaining time is htmlparser2's tokenizer itself.
 *
 * Streaming has one weakness: htmlparser2 is not the HTML5 tree builder, so the stored markup
 * must never rely on a browser's implied tags. The walker therefore (a) closes every element it
 * opens and drops stray end tags (htmlparser2 balances the events), (b) closes an open paragraph
 * itself before any block a browser would close it for, (c) keeps list items, table parts,
 * `<dt>/<dd>` and `<source>` only directly inside their proper parents, and never nests links or
 * headings, and (d) writes no raw-text or foreign-content element (script, style, textarea,
 * title, noscript, xmp, svg, math…): their content is dropped whole (xmp becomes a `<pre>` of
 * text, math the text of its formula, see math-text.ts).
 * The result parses in a browser to the tree the walker meant, and cannot reach outside the
 * element the river puts it in.
 */
import { Parser } from 'htmlparser2';
import { flattenDeepNesting } from './flatten-deep-nesting.js';
import {
  DROPPED_WITH_CONTENT, ELEMENT_RULES, GLOBAL_ATTRIBUTES, PARAGRAPH_CLOSERS, PARAGRAPH_SCOPE_LIMITS,
  REQUIRED_PARENTS, VOID_ELEMENTS,
} from './allow-list.js';
import type { AttributeKind, ElementRule } from './allow-list.js';
import { createEmbedHosts, rewriteEmbedUrl } from './embeds.js';
import type { EmbedHosts } from './embeds.js';
import { escapeAttribute, escapeText } from './escape-html.js';
import { MathTextCollector } from './math-text.js';
import { isPixelTracker } from './pixel-tracker.js';
import { parseBaseUrl, prefixId, resolveSafeUrl, resolveSrcset } from './safe-url.js';

/** Options of `sanitizeEntryHtml`. */
export interface CleanOptions {
  /** Relative href/src/srcset are resolved against it; without it they stay relative. Default none. */
  baseUrl?: string | null;
  /** Extra iframe hosts allowed besides YouTube and Vimeo (config `clean.embeds`); `*.host` for subdomains. Default none. */
  embeds?: readonly string[];
}

type Attributes = Record<string, string>;

/** An element the parser opened; `closer` is what is written when it closes ('' when unwrapped). */
interface Frame {
  name: string;
  closer: string;
  /** The start tag as written, kept for formatting elements a browser would reopen. */
  opener: string;
  /** Where the start tag and the content begin, as indices into the written parts (start -1: never removed). */
  start: number;
  contentStart: number;
}

const UNWRAPPED: Frame = { name: '', closer: '', opener: '', start: -1, contentStart: -1 };
// Wrappers removed when they close empty (once their tracker, form or embed is gone); blocks
// also when only whitespace is left. Links count only when they carry no id (a footnote target).
const REMOVED_WHEN_EMPTY = new Set(['span', 'b', 'i', 'strong', 'em', 'a']);
const REMOVED_WHEN_BLANK = new Set(['p', 'div', 'figure', 'picture', 'section', 'blockquote']);
const BLANK = /^\s*$/;
// Formatting elements (HTML § 13.2.4.3) among those the cleaner writes: a browser reopens them
// inside the block that closed their paragraph, and so does the cleaner.
const NONE: readonly Frame[] = [];
const FORMATTING = new Set(['a', 'b', 'code', 'em', 'i', 's', 'small', 'strong', 'u']);
// At most this many (the innermost) are reopened. A browser keeps three identical ones (the
// "Noah's Ark" clause) but any number of distinct ones; reopening all made `<p><b>` repeated
// n times cost n² (10,000 times: 14 s).
const MAX_REOPENED = 12;
const LINK_REL = ' rel="noopener noreferrer nofollow ugc"';
const IFRAME_EXTRAS =
  ' sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"' +
  ' allowfullscreen loading="lazy"';
const NUMBER = /^\d{1,6}$/;
const LENGTH = /^\d{1,6}%?$/;
const CODE_LANGUAGE = /^(?:language|lang)-([\w+#.-]+)$/;
const BRUSH_LANGUAGE = /\bbrush:\s*([\w+#.-]+)/;
const EMOJI_CLASS = /(?:^|\s)(?:wp-smiley|emoji)(?:\s|$)/;
const SCOPES = new Set(['row', 'col', 'rowgroup', 'colgroup']);
const DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);
const LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function attribute(name: string, value: string): string {
  return ` ${name}="${escapeAttribute(value)}"`;
}

function languageClass(value: string): string | null {
  for (const token of value.split(/\s+/)) {
    const match = CODE_LANGUAGE.exec(token);
    if (match) return `language-${match[1]}`;
  }
  const brush = BRUSH_LANGUAGE.exec(value);
  return brush ? `language-${brush[1]}` : null;
}

/**
 * The walker: htmlparser2 calls its `on…` methods; `parts` accumulates the cleaned HTML. Parts,
 * not one string: taking an emptied wrapper back out is then a truncation of the array, where
 * slicing the string copied all the output before it each time (1 MB of text followed by 5,000
 * empty `<b></b>` took 7 s).
 */
class EntryCleaner {
  readonly parts: string[] = [];
  private skipDepth = 0;
  private readonly frames: Frame[] = [];
  /** The frames actually written and still open, innermost last. */
  private readonly open: Frame[] = [];
  /** Set while inside a <math> element, whose text is written instead of its markup. */
  private math: MathTextCollector | null = null;
  private paragraphs = 0;
  private links = 0;
  private headings = 0;

  constructor(
    private readonly base: URL | null,
    private readonly embeds: EmbedHosts,
  ) {}

  onopentag(sourceName: string, attributes: Attributes): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      this.math?.open(sourceName, attributes);
      return;
    }
    if (sourceName === 'math') {
      this.math = new MathTextCollector(attributes.alttext);
      this.skipDepth = 1;
      return;
    }
    if (DROPPED_WITH_CONTENT.has(sourceName) && sourceName !== 'iframe') {
      this.skipDepth = 1;
      return;
    }
    const rule = sourceName === 'iframe' ? IFRAME_RULE : ELEMENT_RULES.get(sourceName);
    if (rule === undefined || !this.fitsContext(rule.name)) {
      this.frames.push(UNWRAPPED);
      return;
    }
    const name = rule.name;
    const written = this.writeAttributes(name, rule, attributes);
    if (written === null) {
      // The element itself is refused (a tracking pixel, a foreign iframe, an image without source).
      this.skipDepth = 1;
      return;
    }
    if ((name === 'span' || name === 'a') && written === '') {
      this.frames.push(UNWRAPPED);
      return;
    }
    const reopen = this.paragraphs > 0 && PARAGRAPH_CLOSERS.has(name) ? this.closeOpenParagraph() : NONE;
    const opener = `<${name}${written}>`;
    const start = this.parts.length;
    this.parts.push(opener);
    if (name === 'iframe') {
      this.parts.push('</iframe>');
      this.skipDepth = 1;
      return;
    }
    if (VOID_ELEMENTS.has(name)) {
      this.frames.push(UNWRAPPED);
      return;
    }
    const removable = REMOVED_WHEN_BLANK.has(name) || (REMOVED_WHEN_EMPTY.has(name) && !written.includes(' id="'));
    const frame: Frame = {
      name,
      closer: `</${name}>`,
      opener: FORMATTING.has(name) ? opener : '',
      start: removable ? start : -1,
      contentStart: this.parts.length,
    };
    this.frames.push(frame);
    this.open.push(frame);
    this.count(name, 1);
    for (const formatting of reopen) this.reopenFormatting(formatting);
  }

  /** Writes a formatting element again inside the new block; it closes no later than the block. */
  private reopenFormatting(formatting: Frame): void {
    if (formatting.name === 'a' && this.links > 0) return;
    const start = this.parts.length;
    this.parts.push(formatting.opener);
    const closer = `</${formatting.name}>`;
    this.open.push({ name: formatting.name, closer, opener: formatting.opener, start, contentStart: this.parts.length });
    this.count(formatting.name, 1);
  }

  onclosetag(): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      if (this.math === null) return;
      if (this.skipDepth > 0) {
        this.math.close();
      } else {
        this.write(escapeText(this.math.result()));
        this.math = null;
      }
      return;
    }
    const frame = this.frames.pop();
    if (frame === undefined || frame.closer === '') return;
    // Close what was reopened inside this element first.
    for (let top = this.open.pop(); top !== undefined; top = this.open.pop()) {
      this.writeCloser(top);
      if (top === frame) return;
    }
  }

  /** Writes the end tag, or takes the element back out when nothing worth keeping is in it. */
  private writeCloser(frame: Frame): void {
    this.count(frame.name, -1);
    if (frame.start >= 0 && (this.parts.length === frame.contentStart || (REMOVED_WHEN_BLANK.has(frame.name) && this.isBlankFrom(frame.contentStart)))) {
      this.parts.length = frame.start;
      return;
    }
    this.parts.push(frame.closer);
  }

  /** Whether the parts from `index` on are a little whitespace only (fewer than 64 characters). */
  private isBlankFrom(index: number): boolean {
    let length = 0;
    for (let part = index; part < this.parts.length; part++) {
      const text = this.parts[part]!;
      length += text.length;
      if (length >= 64 || !BLANK.test(text)) return false;
    }
    return true;
  }

  ontext(text: string): void {
    if (this.skipDepth === 0) this.write(escapeText(text));
    else this.math?.append(text);
  }

  /** Appends text; nothing for an empty one, so an element holds content exactly when parts follow its start tag. */
  private write(text: string): void {
    if (text !== '') this.parts.push(text);
  }

  private count(name: string, delta: number): void {
    if (name === 'p') this.paragraphs += delta;
    else if (name === 'a') this.links += delta;
    else if (HEADINGS.has(name)) this.headings += delta;
  }

  /** Whether a kept element may be written here (see the module comment, point c). */
  private fitsContext(name: string): boolean {
    if (name === 'a') return this.links === 0;
    if (HEADINGS.has(name)) return this.headings === 0;
    const parent = this.open[this.open.length - 1]?.name;
    if (name === 'dt' || name === 'dd') {
      return parent === 'dl' || (parent === 'div' && this.open[this.open.length - 2]?.name === 'dl');
    }
    const parents = REQUIRED_PARENTS.get(name);
    return parents === undefined || (parent !== undefined && parents.has(parent));
  }

  /**
   * Closes the innermost open paragraph and what is open inside it, as a browser would, and
   * returns the formatting elements among those, outermost first, to be reopened.
   */
  private closeOpenParagraph(): readonly Frame[] {
    for (let index = this.open.length - 1; index >= 0; index--) {
      const name = this.open[index]!.name;
      if (PARAGRAPH_SCOPE_LIMITS.has(name)) return NONE;
      if (name !== 'p') continue;
      const closed = this.open.splice(index);
      for (let inner = closed.length - 1; inner >= 0; inner--) {
        const frame = closed[inner]!;
        this.writeCloser(frame);
        frame.closer = '';
      }
      return closed.filter((frame) => FORMATTING.has(frame.name)).slice(-MAX_REOPENED);
    }
    return NONE;
  }

  /** The element's attributes as written, or null when the element must go. */
  private writeAttributes(name: string, rule: ElementRule, attributes: Attributes): string | null {
    switch (name) {
      case 'img':
        return this.writeImage(attributes);
      case 'iframe':
        return this.writeIframe(attributes);
      case 'a':
        return this.writeLink(attributes);
      case 'source':
        return this.writeSource(attributes);
      default:
        break;
    }
    let written = '';
    for (const key in attributes) {
      const kind = GLOBAL_ATTRIBUTES.get(key) ?? rule.attributes.get(key);
      if (kind === undefined) continue;
      const value = this.checkValue(kind, attributes[key]!);
      if (value === null) continue;
      written += kind === 'flag' ? ` ${key}` : attribute(key, value);
    }
    if (name === 'video' || name === 'audio') written += ' controls';
    return written;
  }

  /** The value as it may be written for an attribute of this kind, or null to leave it out. */
  private checkValue(kind: AttributeKind, value: string): string | null {
    switch (kind) {
      case 'text':
        return value;
      case 'id': {
        const id = value.trim();
        return id === '' ? null : prefixId(id);
      }
      case 'link':
      case 'media':
      case 'image':
        return resolveSafeUrl(value, this.base, kind);
      case 'srcset':
        return resolveSrcset(value, this.base);
      case 'number':
        return NUMBER.test(value.trim()) ? value.trim() : null;
      case 'length':
        return LENGTH.test(value.trim()) ? value.trim() : null;
      case 'flag':
        return '';
      case 'dir':
        return DIRECTIONS.has(value.toLowerCase()) ? value.toLowerCase() : null;
      case 'scope':
        return SCOPES.has(value.toLowerCase()) ? value.toLowerCase() : null;
      case 'list-type':
        return LIST_TYPES.has(value) ? value : null;
      case 'code-class':
        return languageClass(value);
    }
  }

  private writeGlobals(attributes: Attributes): string {
    let written = '';
    for (const [key, kind] of GLOBAL_ATTRIBUTES) {
      const raw = attributes[key];
      if (raw === undefined) continue;
      const value = this.checkValue(kind, raw);
      if (value !== null) written += attribute(key, value);
    }
    return written;
  }

  private writeImage(attributes: Attributes): string | null {
    const rawSrc = attributes['data-src'] ?? attributes['data-lazy-src'] ?? attributes['data-original'] ?? attributes.src;
    const rawSrcset = attributes['data-srcset'] ?? attributes['data-lazy-srcset'] ?? attributes.srcset;
    const src = rawSrc === undefined ? null : resolveSafeUrl(rawSrc, this.base, 'image');
    const srcset = rawSrcset === undefined ? null : resolveSrcset(rawSrcset, this.base);
    if (src === null && srcset === null) return null;
    const { width, height, style } = attributes;
    if (src !== null && isPixelTracker({ src, width, height, style })) return null;
    let written = src === null ? '' : attribute('src', src);
    if (srcset !== null) written += attribute('srcset', srcset);
    const sizes = attributes['data-sizes'] ?? attributes.sizes;
    if (srcset !== null && sizes !== undefined && sizes !== 'auto') written += attribute('sizes', sizes);
    if (attributes.alt !== undefined) written += attribute('alt', attributes.alt);
    written += this.writeGlobals(attributes);
    if (width !== undefined && LENGTH.test(width.trim())) written += attribute('width', width.trim());
    if (height !== undefined && LENGTH.test(height.trim())) written += attribute('height', height.trim());
    if (attributes.class !== undefined && EMOJI_CLASS.test(attributes.class)) written += ' class="emoji"';
    return `${written} loading="lazy" referrerpolicy="no-referrer"`;
  }

  private writeIframe(attributes: Attributes): string | null {
    const raw = attributes['data-src'] ?? attributes['data-lazy-src'] ?? attributes.src;
    const resolved = raw === undefined ? null : resolveSafeUrl(raw, this.base, 'media');
    const src = resolved === null ? null : rewriteEmbedUrl(resolved, this.embeds);
    if (src === null) return null;
    let written = attribute('src', src);
    const { width, height, title } = attributes;
    if (width !== undefined && LENGTH.test(width.trim())) written += attribute('width', width.trim());
    if (height !== undefined && LENGTH.test(height.trim())) written += attribute('height', height.trim());
    if (title !== undefined) written += attribute('title', title);
    return written + IFRAME_EXTRAS;
  }

  private writeLink(attributes: Attributes): string {
    const href = attributes.href === undefined ? null : resolveSafeUrl(attributes.href, this.base, 'link');
    const globals = this.writeGlobals(attributes);
    const name = attributes.name?.trim();
    const anchor = globals.includes(' id="') || !name ? '' : attribute('id', prefixId(name));
    if (href === null) return globals + anchor;
    const language = attributes.hreflang === undefined ? '' : attribute('hreflang', attributes.hreflang);
    return attribute('href', href) + globals + anchor + language + LINK_REL;
  }

  private writeSource(attributes: Attributes): string | null {
    const inPicture = this.open[this.open.length - 1]?.name === 'picture';
    const rawSrcset = attributes['data-srcset'] ?? attributes.srcset;
    const rawSrc = attributes['data-src'] ?? attributes.src;
    let written = '';
    if (inPicture) {
      const srcset = rawSrcset === undefined ? null : resolveSrcset(rawSrcset, this.base);
      if (srcset === null) return null;
      written = attribute('srcset', srcset);
      if (attributes.sizes !== undefined) written += attribute('sizes', attributes.sizes);
      if (attributes.media !== undefined) written += attribute('media', attributes.media);
    } else {
      const src = rawSrc === undefined ? null : resolveSafeUrl(rawSrc, this.base, 'media');
      if (src === null) return null;
      written = attribute('src', src);
    }
    if (attributes.type !== undefined) written += attribute('type', attributes.type);
    return written;
  }
}

const IFRAME_RULE: ElementRule = { name: 'iframe', attributes: new Map() };
/**
 * Cleans an entry's HTML for republishing: allow-listed elements and attributes only, safe URLs
 * resolved against `options.baseUrl` (default none), iframes only for YouTube/Vimeo and
 * `options.embeds` (default none), tracking pixels dropped, output always balanced.
 */
export function sanitizeEntryHtml(html: string, options: CleanOptions = {}): string {
  const cleaner = new EntryCleaner(parseBaseUrl(options.baseUrl), createEmbedHosts(options.embeds));
  const parser = new Parser(cleaner, { decodeEntities: true });
  parser.end(flattenDeepNesting(html));
  return cleaner.parts.join('');
}
