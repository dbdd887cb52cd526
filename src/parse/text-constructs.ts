/**
 * @module parse/text-constructs
 * Reading elements that carry human text: Atom text constructs (RFC 4287 §3.1: type text, html
 * or xhtml; Atom 0.3's MIME types and `mode`), RSS descriptions (HTML by convention) and RSS
 * titles (plain by the spec, HTML in practice — guessed like the Universal Feed Parser does).
 * Every reader returns the body as HTML (plain text escaped) or a one-line plain text.
 */
import { escapeMarkup, hasElementChildren, innerMarkup, textOf, type XmlElement } from './xml-element.js';
import { cleanText, htmlToPlainText, looksLikeHtml } from './plain-text.js';

type TextKind = 'text' | 'html' | 'xhtml' | 'other';

function kindOf(el: XmlElement, fallback: TextKind): TextKind {
  const type = (el.attrs.type ?? '').trim().toLowerCase();
  if (!type) return fallback;
  if (type === 'text' || type === 'plain' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml')) return 'text';
  return 'other';
}

/** The markup inside an xhtml construct, without the wrapping `<div>` RFC 4287 §4.1.1.3 asks for. */
function xhtmlBody(el: XmlElement): string {
  const elements = el.children.filter((c) => typeof c !== 'string');
  const onlyDiv = elements.length === 1 && (elements[0] as XmlElement).local.toLowerCase() === 'div'
    && el.children.every((c) => typeof c !== 'string' || !c.trim());
  return onlyDiv ? innerMarkup(elements[0] as XmlElement) : innerMarkup(el);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64 text decoded as UTF-8, or null when it is not base64 or not text. */
function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  try {
    return strictUtf8.decode(Buffer.from(compact, 'base64'));
  } catch {
    return null;
  }
}

/**
 * The text of a construct: base64 decoded when `mode="base64"` (Atom 0.3) or when a non-text
 * MIME type carries base64 that decodes to text (RFC 4287 §4.1.3.3); null when undecodable.
 */
function constructText(el: XmlElement, kind: TextKind): string | null {
  const raw = textOf(el);
  return el.attrs.mode === 'base64' || kind === 'other' ? decodeBase64(raw) : raw;
}

/** TypePad wraps escaped HTML in an XHTML div: `type="html"` whose only child is a text-only div. */
function isWrappedEscapedHtml(el: XmlElement): boolean {
  const elements = el.children.filter((c) => typeof c !== 'string') as XmlElement[];
  return elements.length === 1 && (elements[0] as XmlElement).local.toLowerCase() === 'div'
    && !hasElementChildren(elements[0] as XmlElement) && el.children.every((c) => typeof c !== 'string' || !c.trim());
}

/** True when the element's first child element is in the XHTML namespace (XHTML labelled as HTML). */
function holdsXhtml(el: XmlElement): boolean {
  const first = el.children.find((c): c is XmlElement => typeof c !== 'string');
  return first !== undefined && first.name.startsWith('xhtml:');
}

/**
 * The body of a text construct as HTML, or null when empty or not textual (an Atom content
 * with `src`, or a binary type). `fallback` is the type assumed when the element names none.
 */
export function readHtmlBody(el: XmlElement | null, fallback: TextKind): string | null {
  if (!el) return null;
  const kind = kindOf(el, fallback);
  if (kind === 'html' && isWrappedEscapedHtml(el)) return textOf(el).trim() || null;
  let html: string;
  if (kind === 'html' && hasElementChildren(el) && !holdsXhtml(el)) html = innerMarkup(el, 'html');
  else if (kind === 'xhtml' || (kind !== 'other' && hasElementChildren(el))) html = xhtmlBody(el);
  else {
    const text = constructText(el, kind);
    if (text === null) return null;
    html = kind === 'html' ? text : escapeMarkup(text);
  }
  html = html.trim();
  return html ? html : null;
}

/** A text construct as one line of plain text (Atom titles, names), or null when empty. */
export function readPlainText(el: XmlElement | null, fallback: TextKind): string | null {
  if (!el) return null;
  let kind = kindOf(el, fallback);
  if (kind === 'html' && isWrappedEscapedHtml(el)) return htmlToPlainText(textOf(el)) || null;
  if (hasElementChildren(el)) kind = 'xhtml';
  if (kind === 'xhtml') return htmlToPlainText(xhtmlBody(el)) || null;
  const text = constructText(el, kind);
  if (text === null) return null;
  return (kind === 'html' ? htmlToPlainText(text) : cleanText(text)) || null;
}

/** An RSS title: plain text unless it looks like HTML (entities, known tags), then flattened. */
export function readRssTitle(el: XmlElement | null): string | null {
  if (!el) return null;
  if (el.attrs.type) return readPlainText(el, 'text');
  if (hasElementChildren(el)) return htmlToPlainText(innerMarkup(el, 'html')) || null;
  const raw = textOf(el);
  return (looksLikeHtml(raw) ? htmlToPlainText(raw) : cleanText(raw)) || null;
}

/** Plain element text, collapsed; null when empty. */
export function readText(el: XmlElement | null): string | null {
  if (!el) return null;
  const text = cleanText(textOf(el));
  return text || null;
}
