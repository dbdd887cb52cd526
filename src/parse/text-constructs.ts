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

function decodeBase64(text: string): string {
  try {
    return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  } catch {
    return text;
  }
}

/**
 * The body of a text construct as HTML, or null when empty or not textual (an Atom content
 * with `src`, or a binary type). `fallback` is the type assumed when the element names none.
 */
export function readHtmlBody(el: XmlElement | null, fallback: TextKind): string | null {
  if (!el) return null;
  let kind = kindOf(el, fallback);
  if (kind === 'other' && el.attrs.mode !== 'base64') return null;
  if (hasElementChildren(el) && kind !== 'other') kind = 'xhtml';
  let html: string;
  if (kind === 'xhtml') html = xhtmlBody(el);
  else {
    let text = textOf(el);
    if (el.attrs.mode === 'base64' || kind === 'other') text = decodeBase64(text);
    html = kind === 'text' ? escapeMarkup(text) : text;
  }
  html = html.trim();
  return html ? html : null;
}

/** A text construct as one line of plain text (Atom titles, names), or null when empty. */
export function readPlainText(el: XmlElement | null, fallback: TextKind): string | null {
  if (!el) return null;
  let kind = kindOf(el, fallback);
  if (hasElementChildren(el)) kind = 'xhtml';
  let text: string;
  if (kind === 'xhtml') text = htmlToPlainText(xhtmlBody(el));
  else if (kind === 'html') text = htmlToPlainText(textOf(el));
  else text = cleanText(el.attrs.mode === 'base64' ? decodeBase64(textOf(el)) : textOf(el));
  return text || null;
}

/** An RSS title: plain text unless it looks like HTML (entities, known tags), then flattened. */
export function readRssTitle(el: XmlElement | null): string | null {
  if (!el) return null;
  if (el.attrs.type) return readPlainText(el, 'text');
  if (hasElementChildren(el)) return htmlToPlainText(innerMarkup(el)) || null;
  const raw = textOf(el);
  return (looksLikeHtml(raw) ? htmlToPlainText(raw) : cleanText(raw)) || null;
}

/** Plain element text, collapsed; null when empty. */
export function readText(el: XmlElement | null): string | null {
  if (!el) return null;
  const text = cleanText(textOf(el));
  return text || null;
}
