/**
 * @module parse/xml-element
 * The raw shape the format adapters read: a small element tree with namespace-normalised names
 * (`dc:creator` whatever prefix the document used, RSS core elements unprefixed, Atom as `atom:`),
 * lower-cased like the Universal Feed Parser does, decoded attribute values and text, and the
 * xml:base / xml:lang in scope. Helpers here read text and re-serialise inline markup.
 */

export type XmlNode = XmlElement | string;

export interface XmlElement {
  /** Canonical name: `title`, `atom:link`, `media:group`, `?:x` for unknown namespaces. */
  name: string;
  /** The local name as written (case kept), used when re-serialising inline markup. */
  local: string;
  /** Attribute names canonicalised like element names; values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** xml:base in scope (absolute when it could be resolved), or the document's base URL. */
  base: string | null;
  lang: string | null;
}

/** The first child element with one of the given canonical names. */
export function childNamed(el: XmlElement, ...names: string[]): XmlElement | null {
  for (const child of el.children) {
    if (typeof child !== 'string' && names.includes(child.name)) return child;
  }
  return null;
}

/** Every child element with the given canonical name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) if (typeof child !== 'string' && child.name === name) out.push(child);
  return out;
}

/** True when the element holds child elements (inline markup), not just text. */
export function hasElementChildren(el: XmlElement): boolean {
  for (const child of el.children) if (typeof child !== 'string') return true;
  return false;
}

/** The element's character data; child elements contribute their own text. */
export function textOf(el: XmlElement): string {
  const { children } = el;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let out = '';
  for (const child of children) out += typeof child === 'string' ? child : textOf(child);
  return out;
}

/** Escapes text for HTML/XML element content. */
export function escapeMarkup(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeMarkup(text).replace(/"/g, '&quot;');
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);

/**
 * Serialises an element's content back to markup. `text` says what its text nodes are: 'text'
 * for inline XHTML (characters, escaped again), 'html' for an element that holds HTML by
 * convention (an RSS description) but has unescaped tags beside escaped ones or a CDATA section:
 * there each text node, once decoded from XML, is already HTML source — `&amp;nbsp;` is a no-break
 * space and `<![CDATA[<p>…</p>]]>` is a paragraph, as the publisher meant and the reference reads.
 */
export function innerMarkup(el: XmlElement, text: 'text' | 'html' = 'text'): string {
  let out = '';
  for (const child of el.children) out += typeof child === 'string' ? (text === 'html' ? child : escapeMarkup(child)) : outerMarkup(child, text);
  return out;
}

function outerMarkup(el: XmlElement, text: 'text' | 'html'): string {
  const tag = el.local.toLowerCase();
  let attrs = '';
  for (const [name, value] of Object.entries(el.attrs)) attrs += ` ${name.replace(/^xhtml:/, '')}="${escapeAttribute(value)}"`;
  if (el.children.length === 0 && VOID_ELEMENTS.has(tag)) return `<${tag}${attrs} />`;
  return `<${tag}${attrs}>${innerMarkup(el, text)}</${tag}>`;
}

/**
 * A copy of `text` that does not keep the document chunk it was cut from alive. V8 represents a
 * substring as a view into its parent; one kept title would otherwise pin a 64 KB chunk, and a
 * 100,000-item feed would keep its whole text in memory after parsing. Long strings are left
 * alone (they cover most of their chunk anyway).
 */
export function detachString<T extends string | null>(text: T): T {
  if (text === null || text.length < 13 || text.length > 4096) return text;
  return (' ' + text).slice(1) as T;
}
