/**
 * @module parse/xml-tree-builder
 * Turns tokenizer events into `XmlElement` trees, resolving namespaces, xml:base and xml:lang,
 * and recovering from ill-formed nesting. Entries (`item`, `atom:entry`) are handed out one at a
 * time as they close and are not kept in the tree, so memory stays proportional to one entry
 * plus the feed-level elements — the shape a streaming parse of a 100,000-item feed needs.
 */
import { decodeXmlText } from './xml-entities.js';
import type { XmlElement } from './xml-element.js';
import { prefixForNamespace } from './namespaces.js';
import type { XmlTokenHandler } from './xml-tokenizer.js';
import { resolveUrl } from './urls.js';
import { repairText } from './plain-text.js';

/** Deeper elements than this are flattened into their ancestor (their text is kept). */
const MAX_DEPTH = 256;

interface NamespaceScope {
  prefixes: Map<string, string>;
  names: Map<string, string>;
  attributeNames: Map<string, string>;
}

interface OpenElement {
  el: XmlElement;
  qname: string;
  scope: NamespaceScope;
  isEntry: boolean;
  /** Some text of this element may need an encoding repair (done once, when it closes). */
  repair: boolean;
  /** Some text of this element has carriage returns to normalize (when it closes). */
  newlines: boolean;
}

const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NON_SPACE = /[^ \t\r\n]/;
/** Elements that hold only elements: whitespace text directly inside them is layout. */
const STRUCTURAL = new Set(['rss', 'channel', 'item', 'rdf:rdf', 'image', 'atom:feed', 'atom:entry', 'atom:author', 'atom:source',
  'media:group', 'media:content', 'skiphours', 'skipdays', 'items', 'rdf:seq', 'textinput', 'itunes:owner', 'itunes:category']);

/** What the root element said about the document. */
export interface XmlRootInfo {
  name: string;
  local: string;
  namespace: string;
  version: string | null;
  /** Every namespace URI the root declared (lower-cased). */
  declared: string[];
}

/** Builds the feed-level tree and streams entries to `onEntry`. */
export class XmlTreeBuilder implements XmlTokenHandler {
  /** Top-level elements in document order (more than one only in ill-formed documents). */
  readonly topLevel: XmlElement[] = [];
  /** What each top-level element said about itself, in the same order. */
  readonly rootInfos: XmlRootInfo[] = [];
  problems: string[] = [];
  private stack: OpenElement[] = [];
  private scope: NamespaceScope = { prefixes: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), names: new Map(), attributeNames: new Map() };
  private rootNamespace: string | null = null;
  private rootPrefix = '';
  private pendingRoot: XmlRootInfo | null = null;
  /** Set false by the caller while the input is known to be pure ASCII (nothing to repair). */
  repairNeeded = true;
  private entryDepth = -1;
  private skippedDepth = 0;
  private readonly reportProblem = (message: string): void => this.problem(message);

  constructor(
    private readonly baseUrl: string | null,
    private readonly onEntry: (entry: XmlElement) => void,
  ) {}

  problem(message: string): void {
    if (this.problems.length < 20 && !this.problems.includes(message)) this.problems.push(message);
  }

  openTag(qname: string, rawAttrs: string[], selfClosing: boolean): void {
    if (this.stack.length >= MAX_DEPTH) {
      this.problem(`elements nested deeper than ${MAX_DEPTH} levels`);
      if (!selfClosing) this.skippedDepth++;
      return;
    }
    // `<item>` (or `<entry>`) with content while one is open: the open one was never closed, as a
    // browser reads a `<li>` after an unclosed `<li>`. An empty `<item/>` inside an item (a
    // feedburner template's) is no entry and stays where it is.
    if (!selfClosing && this.entryDepth !== -1 && (this.stack[this.entryDepth] as OpenElement).qname === qname) {
      this.problem(`<${qname}> inside an unclosed <${qname}>: the first ends there`);
      this.popTo(this.entryDepth);
    }
    let scope = this.scope;
    for (let i = 0; i < rawAttrs.length; i += 2) {
      const name = rawAttrs[i] as string;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === this.scope) scope = { prefixes: new Map(this.scope.prefixes), names: new Map(), attributeNames: new Map() };
        scope.prefixes.set(name === 'xmlns' ? '' : name.slice(6), decodeXmlText(rawAttrs[i + 1] as string).trim());
      }
    }
    // every top-level element is a root candidate: junk (a PHP warning in <b>) may come first
    if (this.stack.length === 0) this.initRoot(qname, scope, rawAttrs);
    const parent = this.stack[this.stack.length - 1]?.el ?? null;
    let attrs = NO_ATTRS;
    let base = parent ? parent.base : this.baseUrl;
    let lang = parent ? parent.lang : null;
    for (let i = 0; i < rawAttrs.length; i += 2) {
      const rawName = rawAttrs[i] as string;
      if (rawName === 'xmlns' || rawName.startsWith('xmlns:')) continue;
      if (attrs === NO_ATTRS) attrs = {};
      const name = this.canonicalName(rawName, scope, true);
      const value = decodeXmlText(rawAttrs[i + 1] as string, this.reportProblem);
      attrs[name] = /[\t\n\r\u0080-\u009f]/.test(value) ? repairText(value.replace(/[\t\n\r]/g, ' ')) : value;
      if (name === 'xml:base') base = resolveUrl(value.trim(), base);
      else if (name === 'xml:lang') lang = value.trim() || null;
    }
    const colon = qname.indexOf(':');
    const el: XmlElement = { name: this.canonicalName(qname, scope, false), local: colon === -1 ? qname : qname.slice(colon + 1), attrs, children: [], base, lang };
    const isEntry = this.entryDepth === -1 && (el.name === 'item' || el.name === 'atom:entry' || el.name === 'atom:item');
    if (isEntry) this.entryDepth = this.stack.length;
    else if (parent) parent.children.push(el);
    else {
      this.topLevel.push(el);
      this.rootInfos.push(this.pendingRoot as XmlRootInfo);
    }
    if (selfClosing) {
      if (isEntry) this.finishEntry(el);
      return;
    }
    this.stack.push({ el, qname, scope, isEntry, repair: false, newlines: false });
    this.scope = scope;
  }

  closeTag(qname: string): void {
    if (this.skippedDepth > 0) {
      this.skippedDepth--;
      return;
    }
    const stack = this.stack;
    let i = stack.length - 1;
    if (i >= 0 && (stack[i] as OpenElement).qname === qname) {
      this.popTo(i);
      return;
    }
    const lower = qname.toLowerCase();
    for (i = stack.length - 1; i >= 0; i--) if ((stack[i] as OpenElement).qname.toLowerCase() === lower) break;
    if (i < 0) {
      this.problem(`end tag </${qname}> without a start tag`);
      return;
    }
    this.problem(`mismatched end tag </${qname}>`);
    this.popTo(i);
  }

  text(raw: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (/\S/.test(raw)) this.problem('text outside the root element');
      return;
    }
    // indentation between the elements of a container is never read
    if (STRUCTURAL.has(top.el.name) && !NON_SPACE.test(raw)) return;
    const value = decodeXmlText(raw, this.reportProblem);
    // character references can produce non-ASCII text even from ASCII bytes
    this.pushText(top, value, this.repairNeeded || value.length !== raw.length);
  }

  cdata(value: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    this.pushText(top, value, this.repairNeeded);
  }

  /**
   * Text arrives in pieces wherever a chunk of the stream ends; adjacent pieces are joined into
   * one node, and line-end normalization (XML 1.0 §2.11) and the encoding repair run on whole
   * nodes when the element closes, so the result never depends on where the chunks were cut
   * (a CR LF split across two chunks is still one line end).
   */
  private pushText(top: OpenElement, value: string, mayNeedRepair: boolean): void {
    const children = top.el.children;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += value;
    else children.push(value);
    if (mayNeedRepair) top.repair = true;
    if (value.includes('\r')) top.newlines = true;
  }

  private closeText(open: OpenElement): void {
    if (!open.repair && !open.newlines) return;
    open.el.children = open.el.children.map((child) => {
      if (typeof child !== 'string') return child;
      const text = open.newlines ? child.replace(/\r\n?/g, '\n') : child;
      return open.repair ? repairText(text) : text;
    });
  }

  /** Closes every element still open (called at the end of the document). */
  finish(): void {
    if (this.stack.length > 0) {
      this.problem(`unclosed element <${(this.stack[this.stack.length - 1] as OpenElement).qname}>`);
      this.popTo(0);
    }
  }

  private popTo(index: number): void {
    while (this.stack.length > index) {
      const open = this.stack.pop() as OpenElement;
      this.closeText(open);
      if (open.isEntry) this.finishEntry(open.el);
    }
    this.scope = this.stack[this.stack.length - 1]?.scope ?? this.scope;
    if (this.stack.length === 0) this.scope = { prefixes: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), names: new Map(), attributeNames: new Map() };
  }

  private finishEntry(el: XmlElement): void {
    this.entryDepth = -1;
    this.onEntry(el);
  }

  private initRoot(qname: string, scope: NamespaceScope, rawAttrs: string[]): void {
    const colon = qname.indexOf(':');
    const local = (colon === -1 ? qname : qname.slice(colon + 1)).toLowerCase();
    const namespace = (scope.prefixes.get(colon === -1 ? '' : qname.slice(0, colon)) ?? '').toLowerCase();
    this.rootNamespace = scope.prefixes.get('') ?? '';
    const known = prefixForNamespace(this.rootNamespace);
    this.rootPrefix = known === null || known === '' ? (local === 'feed' ? 'atom' : '') : known;
    let version: string | null = null;
    const declared: string[] = [];
    for (let i = 0; i < rawAttrs.length; i += 2) {
      const name = rawAttrs[i] as string;
      if (name === 'version') version = (rawAttrs[i + 1] as string).trim();
      else if (name === 'xmlns' || name.startsWith('xmlns:')) declared.push((rawAttrs[i + 1] as string).trim().toLowerCase());
    }
    this.pendingRoot = { name: qname, local, namespace, version, declared };
  }

  /** `prefix:local` with the prefix replaced by the canonical one for its namespace. */
  private canonicalName(qname: string, scope: NamespaceScope, isAttribute: boolean): string {
    const cache = isAttribute ? scope.attributeNames : scope.names;
    const cached = cache.get(qname);
    if (cached !== undefined) return cached;
    const colon = qname.indexOf(':');
    const local = (colon === -1 ? qname : qname.slice(colon + 1)).toLowerCase();
    let prefix: string;
    if (colon === -1) {
      prefix = isAttribute ? '' : this.defaultPrefix(scope.prefixes.get('') ?? '');
    } else {
      const given = qname.slice(0, colon);
      const uri = scope.prefixes.get(given);
      if (uri === undefined) {
        this.problem(`undeclared namespace prefix "${given}"`);
        prefix = given.toLowerCase();
      } else {
        prefix = prefixForNamespace(uri) ?? given.toLowerCase();
        if (prefix === '' && !isAttribute) prefix = this.defaultPrefix(uri);
      }
    }
    const name = prefix ? `${prefix}:${local}` : local;
    cache.set(qname, name);
    return name;
  }

  private defaultPrefix(uri: string): string {
    if (uri === this.rootNamespace) return this.rootPrefix;
    const known = prefixForNamespace(uri);
    return known ?? '?';
  }
}
