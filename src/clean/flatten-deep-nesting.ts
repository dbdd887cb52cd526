/**
 * @module clean/flatten-deep-nesting
 * Bounds how deep the markup handed to htmlparser2 nests. htmlparser2 keeps its open elements in
 * an array it grows with `unshift` and searches with `indexOf`, so each tag costs time in
 * proportion to the depth: 100,000 nested `<div>`s (under 1 MB) take seconds, 10 MB would take
 * hours — one hostile entry would stall a fetch cycle. Browsers cap the depth too (Blink at 512)
 * and attach deeper elements to the element at the cap, keeping their text; this does the same
 * on the source text, before parsing: past MAX_DEPTH open elements, a start tag and its end tag
 * are cut out and the content between them stays.
 *
 * Own scanner, not a parser: it only has to count open elements well enough for real markup
 * (void elements, the end tags HTML implies — `<li>` closes an open `<li>`, `<tr>` an open
 * `<td>` —, comments, raw text of script/style)
 * and it only removes tags, never adds any, so its output is safe to sanitize whatever its input.
 * Real content never gets near the cap (the deepest entry of the shared corpus nests 14 levels);
 * a document with fewer than MAX_DEPTH `<` is returned at once.
 */

import { PARAGRAPH_CLOSERS } from './allow-list.js';

export const MAX_DEPTH = 512;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'image', 'keygen']);
/**
 * The open elements a start tag closes when one of them is the current element (HTML's implied
 * end tags), besides an open `<p>`, which every one of the cleaner's PARAGRAPH_CLOSERS closes.
 */
const IMPLIED_CLOSE = new Map<string, Set<string>>([
  ['li', new Set(['li'])], ['dt', new Set(['dt', 'dd'])], ['dd', new Set(['dt', 'dd'])],
  ['tr', new Set(['tr', 'td', 'th'])], ['td', new Set(['td', 'th'])], ['th', new Set(['td', 'th'])],
  ['thead', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])], ['tbody', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])],
  ['tfoot', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])], ['option', new Set(['option'])], ['optgroup', new Set(['option', 'optgroup'])],
  ['rb', new Set(['rb', 'rt', 'rp'])], ['rt', new Set(['rb', 'rt', 'rp'])], ['rp', new Set(['rb', 'rt', 'rp'])],
]);
const NONE = new Set<string>();

/** Whether starting `name` implies the end of the open element `current`. */
function closesCurrent(name: string, current: string): boolean {
  return (current === 'p' && PARAGRAPH_CLOSERS.has(name)) || (IMPLIED_CLOSE.get(name) ?? NONE).has(current);
}
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

function countOf(text: string, char: string, atLeast: number): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1 && n < atLeast; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/** The index just past the `>` that ends the tag starting at `start`, quotes respected; -1 if none. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** `html` with the start and end tags of elements nested deeper than MAX_DEPTH removed. */
export function flattenDeepNesting(html: string): string {
  if (countOf(html, '<', MAX_DEPTH) < MAX_DEPTH) return html;
  const open: string[] = [];
  const cutOpen = new Map<string, number>();
  const kept: string[] = [];
  let keptFrom = 0;
  const cut = (from: number, to: number): void => {
    kept.push(html.slice(keptFrom, from));
    keptFrom = to;
  };
  for (let at = html.indexOf('<'); at !== -1 && at < html.length; ) {
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      at = close === -1 ? -1 : html.indexOf('<', close + 3);
      continue;
    }
    const closing = html[at + 1] === '/';
    const name = /^[A-Za-z][^\s/>]*/.exec(html.slice(at + (closing ? 2 : 1), at + 66))?.[0]?.toLowerCase();
    const end = tagEnd(html, at);
    if (end === -1) break;
    if (!name) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    if (closing) {
      const cutCount = cutOpen.get(name) ?? 0;
      if (cutCount > 0) {
        cutOpen.set(name, cutCount - 1);
        cut(at, end);
      } else {
        const index = open.lastIndexOf(name);
        if (index !== -1) open.length = index;
      }
    } else if (!VOID.has(name) && html[end - 2] !== '/') {
      while (open.length > 0 && closesCurrent(name, open[open.length - 1] as string)) open.pop();
      if (open.length >= MAX_DEPTH) {
        cutOpen.set(name, (cutOpen.get(name) ?? 0) + 1);
        cut(at, end);
      } else {
        open.push(name);
        if (RAW_TEXT.has(name)) {
          const closeTag = new RegExp(`</${name}`, 'ig');
          closeTag.lastIndex = end;
          at = closeTag.exec(html)?.index ?? -1;
          continue;
        }
      }
    }
    at = html.indexOf('<', end);
  }
  if (keptFrom === 0) return html;
  kept.push(html.slice(keptFrom));
  return kept.join('');
}
