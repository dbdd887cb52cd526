/**
 * @module parse/testdata/ufp-expect
 * A small evaluator for the `Expect:` lines of the Universal Feed Parser's conformance cases —
 * Python expressions such as `not bozo and entries[0]['link'] == u'http://x/'` — over a view of
 * tributary's ParsedFeed shaped like feedparser's result. Fields tributary does not model
 * (`copyright`, `links`, `*_detail.language`, `encoding`...) make a case "not applicable"
 * rather than failed; text is compared as the agreement check does (HTML flattened to text).
 */
import type { ParsedFeed } from '../../model/feed.js';
import { cleanText, htmlToPlainText } from '../plain-text.js';
import { readPersonName } from '../person-names.js';

/** Thrown when an expression reaches a field tributary's model has no counterpart for. */
export class NotApplicable extends Error {}

class Text {
  constructor(readonly value: string, readonly kind: 'html' | 'plain' | 'person') {}
}
class Version {
  constructor(readonly format: string) {}
}
class Tuple {
  constructor(readonly items: unknown[]) {}
}

const VERSIONS: Record<string, string> = {
  rss090: 'rss09', rss10: 'rss1', rss091u: 'rss2', rss091n: 'rss2', rss092: 'rss2', rss093: 'rss2', rss094: 'rss2',
  rss20: 'rss2', rss: 'rss2', atom10: 'atom10', atom: 'atom10', atom01: 'atom03', atom02: 'atom03', atom03: 'atom03',
  cdf: 'unknown', '': 'unknown', json1: 'json1', json11: 'json1',
};

const TEXT_KEYS = new Set(['title', 'subtitle', 'tagline', 'description', 'summary', 'value']);

/** A dict that knows which of feedparser's keys tributary models; others are not applicable. */
class View {
  constructor(readonly where: string, readonly known: Set<string>, readonly values: Record<string, unknown>) {}
  has(key: string): boolean {
    if (!this.known.has(key)) throw new NotApplicable(`${this.where}['${key}'] is not in tributary's model`);
    return this.values[key] !== undefined && this.values[key] !== null;
  }
  get(key: string): unknown {
    // an element whose text is only markup (`<img>`) has no plain text; feedparser keeps the markup
    if (!this.has(key) && TEXT_KEYS.has(key)) return new Text('', 'html');
    if (!this.has(key)) throw new Error(`KeyError: ${key}`);
    return this.values[key];
  }
}

const text = (value: string | null, kind: Text['kind']): Text | null => (value === null ? null : new Text(value, kind));
const tuple = (d: Date | null): Tuple | null =>
  d === null ? null : new Tuple([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]);

/** feedparser's result shape over a ParsedFeed. */
export function viewOf(feed: ParsedFeed): View {
  const title = text(feed.title, 'plain');
  const subtitle = text(feed.description, 'plain');
  const feedView = new View('feed', new Set(['title', 'title_detail', 'link', 'subtitle', 'subtitle_detail', 'tagline', 'tagline_detail', 'description', 'language']), {
    title, title_detail: new View('title_detail', new Set(['value']), { value: title ?? new Text('', 'plain') }),
    link: feed.link, subtitle, tagline: subtitle, description: subtitle, language: feed.language,
    subtitle_detail: new View('subtitle_detail', new Set(['value']), { value: subtitle ?? new Text('', 'plain') }),
    tagline_detail: new View('tagline_detail', new Set(['value']), { value: subtitle ?? new Text('', 'plain') }),
  });
  const entries = feed.entries.map((e, i) => {
    const t = text(e.title, 'plain');
    const summary = text(e.summary ?? e.content, 'html');
    const author = text(e.author, 'person');
    return new View(`entries[${i}]`, new Set(['title', 'title_detail', 'link', 'id', 'summary', 'summary_detail', 'description', 'content',
      'author', 'author_detail', 'published_parsed', 'updated_parsed', 'issued_parsed', 'modified_parsed', 'tags', 'enclosures', 'category']), {
      title: t, title_detail: new View('title_detail', new Set(['value']), { value: t ?? new Text('', 'plain') }),
      link: e.link, id: e.id, summary, description: summary,
      summary_detail: summary && new View('summary_detail', new Set(['value']), { value: summary }),
      content: e.content === null ? null : [new View('content[0]', new Set(['value']), { value: new Text(e.content, 'html') })],
      author, author_detail: author && new View('author_detail', new Set(['name']), { name: author }),
      published_parsed: tuple(e.published), issued_parsed: tuple(e.published),
      updated_parsed: tuple(e.updated), modified_parsed: tuple(e.updated),
      category: e.categories[0] ?? null,
      tags: e.categories.map((term) => new View('tag', new Set(['term']), { term })),
      enclosures: e.enclosures.map((enc) => new View('enclosure', new Set(['href', 'url', 'type', 'length']),
        { href: enc.url, url: enc.url, type: enc.type, length: enc.length === null ? null : String(enc.length) })),
    });
  });
  return new View('result', new Set(['bozo', 'feed', 'entries', 'version']), { bozo: feed.bozo, feed: feedView, entries, version: new Version(feed.format) });
}

// ---------------------------------------------------------------- expression parsing

type Token = { kind: 'name' | 'num' | 'str' | 'op'; value: string };

function unescapePython(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]+\}|.)/g, (_, e: string) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:([uUbB]?[rR]?)('''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")|(\d+\.\d+|\d+)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-+()[\]{},:.<>*%]))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[2] !== undefined) {
      const q = m[2].startsWith("'''") || m[2].startsWith('"""') ? 3 : 1;
      const body = m[2].slice(q, -q);
      tokens.push({ kind: 'str', value: /[rR]/.test(m[1] ?? '') ? body : unescapePython(body) });
    } else if (m[3] !== undefined) tokens.push({ kind: 'num', value: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'name', value: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'op', value: m[5] });
  }
  if (re.lastIndex < src.trim().length) throw new NotApplicable(`cannot read the expression near "${src.slice(re.lastIndex, re.lastIndex + 20)}"`);
  return tokens;
}

type Node = (env: Env) => unknown;
interface Env {
  root: View;
  /** Probe mode: evaluate both sides of and/or so that every field the expression names is reached. */
  probe?: boolean;
}

function probeBoth(env: Env, ...nodes: Node[]): void {
  for (const node of nodes) {
    try {
      node(env);
    } catch (error) {
      if (error instanceof NotApplicable) throw error;
    }
  }
}

function truthy(v: unknown): boolean {
  if (v instanceof Text) return v.value.length > 0;
  if (v instanceof Tuple) return v.items.length > 0;
  if (v instanceof View) return Object.values(v.values).some((x) => x !== null && x !== undefined);
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== undefined && v !== false && v !== 0 && v !== '';
}

function normalizeExpected(value: string, kind: Text['kind']): string[] {
  if (kind === 'html') return [htmlToPlainText(value), cleanText(value)];
  if (kind === 'person') return [cleanText(value), readPersonName(value) ?? '', htmlToPlainText(value)];
  return [cleanText(value), htmlToPlainText(value)];
}

function equals(a: unknown, b: unknown): boolean {
  if (a instanceof Text && typeof b === 'string') {
    const ours = a.kind === 'html' ? htmlToPlainText(a.value) : cleanText(a.value);
    return normalizeExpected(b, a.kind).includes(ours);
  }
  if (b instanceof Text && typeof a === 'string') return equals(b, a);
  if (a instanceof Text && b instanceof Text) return equals(a, b.kind === 'html' ? b.value : b.value);
  if (a instanceof Version && typeof b === 'string') return (VERSIONS[b] ?? 'unknown') === a.format;
  if (a instanceof Tuple && b instanceof Tuple) return a.items.every((x, i) => equals(x, b.items[i]));
  if (a instanceof Tuple && Array.isArray(b)) return equals(a, new Tuple(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equals(x, b[i]));
  if (a instanceof View || b instanceof View) {
    const [view, other] = a instanceof View ? [a, b] : [b as View, a];
    if (other === null || typeof other !== 'object' || other instanceof View) return false;
    const entries = Object.entries(other as Record<string, unknown>);
    return entries.every(([k, v]) => view.has(k) && equals(view.get(k), v));
  }
  if (typeof a === 'string' && typeof b === 'string') return cleanText(a) === cleanText(b) || a === b;
  return a === b || (a == null && b == null);
}

function index(target: unknown, key: unknown): unknown {
  if (target instanceof View) return target.get(String(key instanceof Text ? key.value : key));
  if (target instanceof Tuple) return target.items[Number(key) < 0 ? target.items.length + Number(key) : Number(key)];
  if (Array.isArray(target)) {
    const i = Number(key) < 0 ? target.length + Number(key) : Number(key);
    if (i >= target.length) throw new Error('IndexError');
    return target[i];
  }
  if (target instanceof Text) return target.value[Number(key)];
  if (target && typeof target === 'object') return (target as Record<string, unknown>)[String(key)];
  throw new Error(`cannot index ${String(target)}`);
}

function contains(container: unknown, item: unknown): boolean {
  if (container instanceof View) return container.has(String(item));
  if (container instanceof Text) return container.value.includes(String(item));
  if (Array.isArray(container)) return container.some((x) => equals(x, item));
  if (typeof container === 'string') return container.includes(String(item));
  return false;
}

/** Parses an Expect line into an evaluable function. */
export function compileExpectation(src: string): Node {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (v: string): boolean => peek()?.kind === 'op' && peek()?.value === v;
  const isName = (v: string): boolean => peek()?.kind === 'name' && peek()?.value === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new NotApplicable(`expected "${v}" in expression`);
    pos++;
  };

  const orExpr = (): Node => {
    let left = andExpr();
    while (isName('or')) {
      pos++;
      const l = left;
      const r = andExpr();
      left = (env) => {
        if (env.probe) probeBoth(env, l, r);
        return truthy(l(env)) ? l(env) : r(env);
      };
    }
    return left;
  };
  const andExpr = (): Node => {
    let left = notExpr();
    while (isName('and')) {
      pos++;
      const l = left;
      const r = notExpr();
      left = (env) => {
        if (env.probe) probeBoth(env, l, r);
        return truthy(l(env)) ? r(env) : false;
      };
    }
    return left;
  };
  const notExpr = (): Node => {
    if (isName('not')) {
      pos++;
      const inner = notExpr();
      return (env) => !truthy(inner(env));
    }
    return comparison();
  };
  const comparison = (): Node => {
    const first = sum();
    const ops: Array<[string, Node]> = [];
    for (;;) {
      if (isOp('==') || isOp('!=')) {
        const op = (tokens[pos++] as Token).value;
        ops.push([op, sum()]);
      } else if (isName('is')) {
        pos++;
        const negate = isName('not');
        if (negate) pos++;
        ops.push([negate ? 'is not' : 'is', sum()]);
      } else if (isName('in')) {
        pos++;
        ops.push(['in', sum()]);
      } else if (isName('not') && tokens[pos + 1]?.value === 'in') {
        pos += 2;
        ops.push(['not in', sum()]);
      } else break;
    }
    if (ops.length === 0) return first;
    return (env) => {
      let left = first(env);
      for (const [op, rightNode] of ops) {
        const right = rightNode(env);
        const ok = op === '==' || op === 'is' ? equals(left, right) : op === '!=' || op === 'is not' ? !equals(left, right)
          : op === 'in' ? contains(right, left instanceof Text ? left.value : left) : !contains(right, left instanceof Text ? left.value : left);
        if (!ok) return false;
        left = right;
      }
      return true;
    };
  };
  const sum = (): Node => {
    let left = unary();
    while (isOp('+')) {
      pos++;
      const l = left;
      const r = unary();
      left = (env) => {
        const a = l(env);
        const b = r(env);
        if (typeof a === 'number' && typeof b === 'number') return a + b;
        return String(a instanceof Text ? a.value : a) + String(b instanceof Text ? b.value : b);
      };
    }
    return left;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      pos++;
      const inner = unary();
      return (env) => -(inner(env) as number);
    }
    return postfix();
  };
  const callMethod = (target: unknown, name: string, args: unknown[]): unknown => {
    if (target instanceof View && name === 'get') return target.has(String(args[0])) ? target.get(String(args[0])) : args[1] ?? null;
    if (target instanceof View && name === 'has_key') return target.has(String(args[0]));
    if (target instanceof View && name === 'keys') throw new NotApplicable('keys() lists fields tributary does not model');
    throw new NotApplicable(`method ${name}() is not supported`);
  };
  const postfix = (): Node => {
    let node = atom();
    for (;;) {
      if (isOp('[')) {
        pos++;
        const key = orExpr();
        expect(']');
        const target = node;
        node = (env) => index(target(env), key(env));
      } else if (isOp('.')) {
        pos++;
        const name = (tokens[pos++] as Token).value;
        const target = node;
        if (isOp('(')) {
          pos++;
          const args: Node[] = [];
          while (!isOp(')')) {
            args.push(orExpr());
            if (isOp(',')) pos++;
          }
          pos++;
          node = (env) => callMethod(target(env), name, args.map((a) => a(env)));
        } else node = (env) => index(target(env), name);
      } else return node;
    }
  };
  const atom = (): Node => {
    const t = tokens[pos++];
    if (!t) throw new NotApplicable('unexpected end of expression');
    if (t.kind === 'str') {
      let value = t.value;
      while (peek()?.kind === 'str') value += (tokens[pos++] as Token).value;
      return () => value;
    }
    if (t.kind === 'num') return () => Number(t.value);
    if (t.kind === 'op' && t.value === '(') {
      const items: Node[] = [];
      let isTuple = false;
      while (!isOp(')')) {
        items.push(orExpr());
        if (isOp(',')) {
          isTuple = true;
          pos++;
        }
      }
      pos++;
      if (!isTuple && items.length === 1) return items[0] as Node;
      return (env) => new Tuple(items.map((i) => i(env)));
    }
    if (t.kind === 'op' && t.value === '[') {
      const items: Node[] = [];
      while (!isOp(']')) {
        items.push(orExpr());
        if (isOp(',')) pos++;
      }
      pos++;
      return (env) => items.map((i) => i(env));
    }
    if (t.kind === 'op' && t.value === '{') {
      const pairs: Array<[Node, Node]> = [];
      while (!isOp('}')) {
        const k = orExpr();
        expect(':');
        pairs.push([k, orExpr()]);
        if (isOp(',')) pos++;
      }
      pos++;
      return (env) => Object.fromEntries(pairs.map(([k, v]) => [String(k(env)), v(env)]));
    }
    if (t.kind === 'name') {
      switch (t.value) {
        case 'None': return () => null;
        case 'True': return () => true;
        case 'False': return () => false;
        case 'bozo': return (env) => env.root.get('bozo');
        case 'feed': return (env) => env.root.get('feed');
        case 'entries': return (env) => env.root.get('entries');
        case 'version': return (env) => env.root.get('version');
        case 'len': case 'ord': case 'str': case 'int': case 'float': case 'tuple': case 'list': {
          expect('(');
          const arg = orExpr();
          expect(')');
          return (env) => {
            const v = arg(env);
            const raw = v instanceof Text ? v.value : v;
            if (t.value === 'len') return Array.isArray(raw) ? raw.length : raw instanceof Tuple ? raw.items.length : String(raw).length;
            if (t.value === 'ord') return String(raw).codePointAt(0);
            throw new NotApplicable(`${t.value}() is not supported`);
          };
        }
        default:
          throw new NotApplicable(`"${t.value}" is not in tributary's model`);
      }
    }
    throw new NotApplicable(`unexpected "${t.value}"`);
  };

  const node = orExpr();
  if (pos < tokens.length) throw new NotApplicable(`cannot read the expression after "${tokens[pos - 1]?.value ?? ''}"`);
  return node;
}

/** Evaluates an Expect line: true/false, or throws NotApplicable when it names an unmodelled field. */
export function evaluateExpectation(src: string, feed: ParsedFeed): boolean {
  const node = compileExpectation(src);
  const root = viewOf(feed);
  probeBoth({ root, probe: true }, node);
  try {
    return truthy(node({ root }));
  } catch (error) {
    if (error instanceof NotApplicable) throw error;
    return false;
  }
}
