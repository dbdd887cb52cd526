/**
 * @module parse/xml-entities
 * Decodes character and entity references in XML text and attribute values. XML defines five
 * named entities; feeds routinely use HTML ones (`&nbsp;`, `&eacute;`) without declaring them,
 * so every HTML5 name is decoded as a browser would (via `entities`), and the use is reported as
 * a well-formedness problem. Declared entities are never expanded (the DTD is not read).
 */
import { decodeHTML } from 'entities';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Windows-1252 meanings of C1 code points, as HTML5 (and the Universal Feed Parser) map them. */
const C1_TO_CP1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

/** The character a numeric reference stands for (invalid code points become U+FFFD). */
export function decodeCodePoint(cp: number): string {
  if (cp >= 0x80 && cp <= 0x9f) return String.fromCodePoint(C1_TO_CP1252[cp] ?? cp);
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

function isEntityNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * Decodes `&...;` references in raw XML character data. `onProblem` hears about references XML
 * does not define (HTML names, bare `&`); they are decoded leniently, never dropped.
 */
export function decodeXmlText(raw: string, onProblem?: (message: string) => void): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
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
      while (i < len && (hex ? /[0-9a-fA-F]/.test(raw[i] as string) : raw.charCodeAt(i) >= 48 && raw.charCodeAt(i) <= 57)) i++;
      if (i > start && i - start < 9) {
        decoded = decodeCodePoint(parseInt(raw.slice(start, i), hex ? 16 : 10));
        if (raw.charCodeAt(i) === 59) i++;
        else onProblem?.('character reference without ";"');
      }
    } else {
      const start = i;
      while (i < len && isEntityNameChar(raw.charCodeAt(i))) i++;
      if (i > start && raw.charCodeAt(i) === 59) {
        const name = raw.slice(start, i);
        i++;
        decoded = XML_ENTITIES[name] ?? null;
        if (decoded === null) {
          const literal = `&${name};`;
          decoded = decodeHTML(literal);
          onProblem?.(`undefined entity ${literal}`);
        }
      }
    }
    if (decoded === null) {
      onProblem?.('"&" not starting a reference');
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    out += raw.slice(last, amp) + decoded;
    last = i;
    amp = raw.indexOf('&', i);
  }
  return out + raw.slice(last);
}
