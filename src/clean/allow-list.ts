/**
 * @module clean/allow-list
 * What may survive cleaning, as data: which elements are kept (and under which name), which are
 * dropped with everything inside them, and which attributes each kept element may carry.
 * Anything not named here is unwrapped: its tags go, its text stays. Keeping the policy apart
 * from the walker makes the allow-list reviewable in one screen (docs/sanitizer.md lists it).
 */

/** How an attribute value is checked before it is written back. */
export type AttributeKind =
  | 'text' // any text, escaped
  | 'id' // prefixed with user-content-
  | 'link' // a link target URL
  | 'media' // an audio/video/track URL (http/https)
  | 'image' // an image URL (http/https, data:image/*)
  | 'srcset'
  | 'number' // digits only
  | 'length' // digits, optionally with %
  | 'flag' // boolean attribute, written bare
  | 'dir'
  | 'scope'
  | 'list-type'
  | 'code-class';

/** A kept element: its output name and the attributes it may carry besides the global ones. */
export interface ElementRule {
  name: string;
  attributes: ReadonlyMap<string, AttributeKind>;
}

/** Attributes every kept element may carry. */
export const GLOBAL_ATTRIBUTES: ReadonlyMap<string, AttributeKind> = new Map<string, AttributeKind>([
  ['id', 'id'],
  ['title', 'text'],
  ['lang', 'text'],
  ['dir', 'dir'],
]);

const PLAIN = [
  'p', 'div', 'span', 'br', 'hr', 'wbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'picture', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'b', 'i',
  'u', 's', 'em', 'strong', 'small', 'mark', 'sub', 'sup', 'cite', 'kbd', 'samp', 'var', 'abbr', 'dfn',
  'bdi', 'bdo', 'ruby', 'rb', 'rt', 'rp', 'rtc', 'article', 'section', 'aside', 'header', 'footer',
  'address', 'hgroup', 'summary',
];

const SPECIFIC: Record<string, Record<string, AttributeKind>> = {
  a: { href: 'link', hreflang: 'text' },
  img: {
    src: 'image', srcset: 'srcset', sizes: 'text', alt: 'text', width: 'length', height: 'length',
  },
  source: { src: 'media', srcset: 'srcset', sizes: 'text', type: 'text', media: 'text' },
  video: {
    src: 'media', poster: 'image', width: 'length', height: 'length', loop: 'flag', muted: 'flag',
    playsinline: 'flag', preload: 'text',
  },
  audio: { src: 'media', loop: 'flag', muted: 'flag', preload: 'text' },
  track: { src: 'media', kind: 'text', srclang: 'text', label: 'text', default: 'flag' },
  iframe: { src: 'media', width: 'length', height: 'length' },
  td: { colspan: 'number', rowspan: 'number', abbr: 'text' },
  th: { colspan: 'number', rowspan: 'number', abbr: 'text', scope: 'scope' },
  col: { span: 'number' },
  colgroup: { span: 'number' },
  ol: { start: 'number', reversed: 'flag', type: 'list-type' },
  li: { value: 'number' },
  blockquote: { cite: 'link' },
  q: { cite: 'link' },
  del: { cite: 'link', datetime: 'text' },
  ins: { cite: 'link', datetime: 'text' },
  time: { datetime: 'text' },
  data: { value: 'text' },
  details: { open: 'flag' },
  pre: { class: 'code-class' },
  code: { class: 'code-class' },
};

// Old or ambiguous names kept under a modern equivalent.
const RENAMED: Record<string, string> = {
  main: 'div', nav: 'div', tt: 'code', strike: 's', acronym: 'abbr', xmp: 'pre', listing: 'pre',
  dir: 'ul', menu: 'ul',
};

function buildRules(): Map<string, ElementRule> {
  const rules = new Map<string, ElementRule>();
  const add = (source: string, name: string): void => {
    rules.set(source, { name, attributes: new Map(Object.entries(SPECIFIC[name] ?? {})) });
  };
  for (const name of PLAIN) add(name, name);
  for (const name of Object.keys(SPECIFIC)) add(name, name);
  for (const [source, name] of Object.entries(RENAMED)) add(source, name);
  return rules;
}

/** Kept elements by source tag name (lower case). */
export const ELEMENT_RULES: ReadonlyMap<string, ElementRule> = buildRules();

/**
 * Elements dropped together with everything inside them: scripts and styles, anything that loads
 * active content or other documents, forms, document-level elements, and the raw-text and
 * foreign-content (svg, math) elements that mutation-XSS payloads hide behind.
 */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'object', 'applet', 'embed', 'param',
  'iframe', 'frame', 'frameset', 'noframes', 'noembed', 'plaintext', 'title', 'textarea', 'select',
  'option', 'optgroup', 'datalist', 'button', 'input', 'keygen', 'head', 'meta', 'link', 'base',
  'basefont', 'area', 'portal', 'fencedframe', 'command', 'isindex', 'audio-worklet', 'xml',
]);

/** Elements written without a closing tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'hr', 'wbr', 'img', 'source', 'track', 'col']);

/**
 * Start tags that make a browser close an open `<p>` (HTML § 13.2.6.4.7, "in body"). The cleaner
 * closes the paragraph itself before writing one, so the stored markup needs no implied closing.
 */
export const PARAGRAPH_CLOSERS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'figcaption', 'figure', 'footer',
  'header', 'hgroup', 'ol', 'p', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre',
  'li', 'dd', 'dt', 'table', 'hr',
]);

/** Elements that stop the search for an open `<p>` ("button scope"), among those the cleaner writes. */
export const PARAGRAPH_SCOPE_LIMITS: ReadonlySet<string> = new Set(['table', 'td', 'th', 'caption']);

/** Where an element may appear: the kept element it must sit directly in. */
export const REQUIRED_PARENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['li', new Set(['ul', 'ol'])],
  ['tr', new Set(['table', 'thead', 'tbody', 'tfoot'])],
  ['td', new Set(['tr'])],
  ['th', new Set(['tr'])],
  ['thead', new Set(['table'])],
  ['tbody', new Set(['table'])],
  ['tfoot', new Set(['table'])],
  ['caption', new Set(['table'])],
  ['colgroup', new Set(['table'])],
  ['col', new Set(['table', 'colgroup'])],
  ['source', new Set(['picture', 'video', 'audio'])],
  ['track', new Set(['video', 'audio'])],
  ['figcaption', new Set(['figure'])],
  ['summary', new Set(['details'])],
]);
