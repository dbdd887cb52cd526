/**
 * @module parse/xml-entities
 * Decodes character and entity references in XML text and attribute values. XML defines five
 * named entities; feeds routinely use HTML ones (`&nbsp;`, `&eacute;`) without declaring them,
 * so every HTML5 name is decoded as a browser would (via `entities`), and the use is reported as
 * a well-formedness problem. Declared entities are never expanded (the DTD is not read).
 */
import { decodeHTML } from 'entities';

/** The character a numeric reference stands for (invalid code points become U+FFFD). C1 code
 * points stay as they are here; `repairText` maps them to windows-1252 after mojibake repair. */
function decodeCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

function isEntityNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** The five XML entities by name, without a table lookup on the hot path. */
function xmlEntity(raw: string, start: number, end: number): string | null {
  const len = end - start;
  const c = raw.charCodeAt(start);
  if (len === 2 && raw.charCodeAt(start + 1) === 116) return c === 108 ? '<' : c === 103 ? '>' : null; // lt gt
  if (len === 3 && c === 97 && raw.startsWith('mp', start + 1)) return '&';
  if (len === 4 && raw.startsWith(c === 113 ? 'quot' : 'apos', start)) return c === 113 ? '"' : "'";
  return null;
}

/**
 * Decodes `&...;` references in raw XML character data. `onProblem` hears about references XML
 * does not define (HTML names, bare `&`); they are decoded leniently, never dropped.
 */
export function decodeXmlText(raw: string, onProblem?: (message: string) => void): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  const parts: string[] = [];
  let last = 0;
  const len = raw.length;
  while (amp !== -1) {
    let i = amp + 1;
    let decoded: string | null = null;
    if (raw.charCodeAt(i) === 35) {
      i++;
      const hex = raw.charCodeAt(i) === 120 || raw.charCodeAt(i) === 88;
      if (hex) i++;
      const start = i;
      let cp = 0;
      for (; i < len && i - start < 8; i++) {
        const d = hex ? hexValue(raw.charCodeAt(i)) : raw.charCodeAt(i) - 48;
        if (d < 0 || d > (hex ? 15 : 9)) break;
        cp = cp * (hex ? 16 : 10) + d;
      }
      if (i > start) {
        decoded = decodeCodePoint(cp);
        if (raw.charCodeAt(i) === 59) i++;
        else onProblem?.('character reference without ";"');
      }
    } else {
      const start = i;
      while (i < len && isEntityNameChar(raw.charCodeAt(i))) i++;
      if (i > start && raw.charCodeAt(i) === 59) {
        decoded = xmlEntity(raw, start, i);
        if (decoded === null) {
          const literal = raw.slice(amp, i + 1);
          decoded = decodeHTML(literal);
          onProblem?.(`undefined entity ${literal}`);
        }
        i++;
      }
    }
    if (decoded === null) {
      onProblem?.('"&" not starting a reference');
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    if (amp > last) parts.push(raw.slice(last, amp));
    parts.push(decoded);
    last = i;
    amp = raw.indexOf('&', i);
  }
  if (last < len) parts.push(raw.slice(last));
  return parts.join('');
}
