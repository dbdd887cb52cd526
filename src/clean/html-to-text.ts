/**
 * @module clean/html-to-text
 * The river's plain-text rendering (`tributary river --format text`): block elements become
 * paragraphs separated by one blank line, `<br>` a line break, inline whitespace collapses as a
 * browser collapses it, `<pre>` keeps its lines, images become their alt text (on a line of their
 * own, except emoji images, which stay inline) or nothing. A streaming pass over htmlparser2's
 * Parser, like the sanitizer: no DOM is needed to lay text out in document order.
 */
import { Parser } from 'htmlparser2';

/** Options of `htmlToText`. */
export interface TextOptions {
  /** 'alt' renders an image as its alt text, 'omit' leaves images out. Default 'alt'. */
  images?: 'alt' | 'omit';
}

type Attributes = Record<string, string>;

const BLOCKS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'figure', 'figcaption',
  'table', 'caption', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'aside',
  'address', 'details', 'summary', 'hr', 'main', 'nav', 'hgroup', 'center', 'form', 'fieldset', 'menu',
  'dir', 'listing', 'xmp', 'picture', 'video', 'audio', 'iframe', 'body', 'html',
]);
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'textarea', 'select', 'svg', 'math',
  'iframe', 'object', 'embed', 'button',
]);
const PRE = new Set(['pre', 'listing', 'xmp', 'plaintext']);
const CELLS = new Set(['td', 'th']);
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const EMOJI_CLASS = /(?:^|\s)(?:wp-smiley|emoji)(?:\s|$)/;
// One class, not alternatives: ZWJ and VS16 are Emoji_Components, and overlapping alternatives
// under + backtrack exponentially (an alt of 27 ZWJ then a letter took 5–30 s, each one more doubles it).
const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Component}\s]+$/u;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

/** True when an image stands for an emoji (WordPress wp-smiley, or an alt made only of emoji). */
function isEmojiImage(attributes: Attributes, alt: string): boolean {
  if (attributes.class !== undefined && EMOJI_CLASS.test(attributes.class)) return true;
  return EMOJI_ONLY.test(alt) && PICTOGRAPH.test(alt);
}

/** `text` without its trailing spaces and tabs (a loop: `/[ \t]+$/` backtracks in n² over a long run of spaces). */
function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Lays text out: collapses spaces, and writes pending line breaks only before the next text.
 * Spaces and tabs at the end are held back in `trailing` until it is known whether text or a line
 * break follows them (a break drops them): trimming them off the whole output at every break
 * made a long entry cost n² (40,000 paragraphs: 3.7 s).
 */
class TextLayout {
  output = '';
  trailing = '';
  private pendingBreaks = 0;
  private space = false;
  private skipDepth = 0;
  private preDepth = 0;
  private preStart = false;

  constructor(private readonly images: 'alt' | 'omit') {}

  onopentag(name: string, attributes: Attributes): void {
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      this.skipDepth++;
      return;
    }
    if (name === 'br') this.lineBreak();
    else if (name === 'img') this.writeImage(attributes);
    else if (BLOCKS.has(name)) this.blockBreak();
    else if (CELLS.has(name)) this.space = true;
    if (PRE.has(name)) {
      this.preDepth++;
      this.preStart = true;
    }
  }

  onclosetag(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (BLOCKS.has(name)) this.blockBreak();
    else if (CELLS.has(name)) this.space = true;
    if (PRE.has(name)) this.preDepth--;
  }

  ontext(text: string): void {
    if (this.skipDepth > 0) return;
    if (this.preDepth > 0) {
      let raw = text.replace(/\r\n?/g, '\n');
      // A newline right after <pre> is not content (HTML § 13.2.6.4.7).
      if (this.preStart && raw.startsWith('\n')) raw = raw.slice(1);
      this.preStart = false;
      if (raw !== '') this.write(raw);
      return;
    }
    this.writeCollapsed(text.replace(COLLAPSIBLE, ' '));
  }

  private writeImage(attributes: Attributes): void {
    const alt = (attributes.alt ?? '').replace(COLLAPSIBLE, ' ').trim();
    if (this.images === 'omit' || alt === '') return;
    if (isEmojiImage(attributes, alt)) {
      this.writeCollapsed(alt);
      return;
    }
    this.blockBreak();
    this.writeCollapsed(alt);
    this.blockBreak();
  }

  private writeCollapsed(text: string): void {
    let body = text;
    if (body.startsWith(' ')) {
      this.space = true;
      body = body.slice(1);
    }
    const trailing = body.endsWith(' ');
    if (trailing) body = body.slice(0, -1);
    if (body === '') return;
    this.write(body);
    this.space = trailing;
  }

  private write(text: string): void {
    if (this.pendingBreaks > 0 && (this.output !== '' || this.trailing !== '')) {
      this.trailing = '';
      this.output += '\n'.repeat(this.pendingBreaks);
      this.space = false;
    }
    this.pendingBreaks = 0;
    const written = this.output !== '' || this.trailing !== '';
    if (this.space && written && !(this.trailing === '' && this.output.endsWith('\n')) && !this.trailing.endsWith(' ')) {
      this.trailing += ' ';
    }
    this.space = false;
    const body = trimBlanksEnd(text);
    if (body === '') {
      this.trailing += text;
      return;
    }
    this.output += this.trailing + body;
    this.trailing = text.slice(body.length);
  }

  private blockBreak(): void {
    this.pendingBreaks = 2;
    this.space = false;
  }

  private lineBreak(): void {
    this.pendingBreaks = Math.min(2, this.pendingBreaks + 1);
    this.space = false;
  }
}

/**
 * Renders HTML as paragraph-preserving plain text; `options.images` is 'alt' (default: an image
 * becomes its alt text) or 'omit'.
 */
export function htmlToText(html: string, options: TextOptions = {}): string {
  const layout = new TextLayout(options.images ?? 'alt');
  new Parser(layout, { decodeEntities: true }).end(html);
  return (layout.output + layout.trailing)
    .split('\n')
    .map(trimBlanksEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
