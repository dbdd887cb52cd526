/**
 * @module parse/plain-text
 * Turning feed markup into the one-line plain text used for titles, authors and excerpts. The
 * rules are those of the agreement check (tools/parse_agreement.py): drop comments and
 * script/style, every tag becomes a space, HTML5 entities are decoded, Unicode NFC, whitespace
 * (including NBSP and the other Unicode spaces) collapses to one space.
 */
import { decodeHTML } from 'entities';
import { stripMarkup } from './strip-markup.js';

const SPACES = String.raw`\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
// Runs of whitespace, and single whitespace other than a space: a lone space (most of them) is
// left as it is instead of being replaced by itself, which halves the cost of collapsing.
const WHITESPACE_TO_COLLAPSE = new RegExp(`[ ${SPACES}]{2,}|[${SPACES}]`, 'g');
// Characters that NFC may change (Unicode NFC_Quick_Check No/Maybe, by block, generously):
// combining marks, Indic and other Brahmic signs, Hangul jamo, Greek extended, a few singletons.
const NFC_RANGES = [
  [0x300, 0x36f], [0x374], [0x37e], [0x387], [0x591, 0x5c7], [0x610, 0x61a], [0x64b, 0x65f], [0x670], [0x6d6, 0x6ed],
  [0x900, 0xdff], [0xe30, 0xfff], [0x1000, 0x11ff], [0x1b00, 0x1bff], [0x1dc0, 0x1fff], [0x2000, 0x2001], [0x20d0, 0x20ff],
  [0x2126], [0x212a, 0x212b], [0x2329, 0x232a], [0x2adc], [0x3099, 0x309a], [0xf900, 0xfaff], [0xfb1d, 0xfb4f], [0xd834], [0xd87e],
];
const hex = (n: number): string => `\\u${n.toString(16).padStart(4, '0')}`;
const MAY_CHANGE_UNDER_NFC = new RegExp(`[${NFC_RANGES.map(([a, b]) => (b ? `${hex(a as number)}-${hex(b)}` : hex(a as number))).join('')}]`);

// Control characters that are not whitespace: C0 but tab/LF/VT/FF/CR, DEL, C1 but NEL. What
// survives decoding (a raw U+0001, the five C1 codes windows-1252 leaves undefined) is noise in a
// title, and a terminal reads U+009D and U+0090 as the start of an escape sequence.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** NFC, control characters dropped, whitespace runs collapsed to one space, trimmed. */
export function cleanText(text: string): string {
  let normalized = MAY_CHANGE_UNDER_NFC.test(text) ? text.normalize('NFC') : text;
  if (CONTROL.test(normalized)) normalized = normalized.replace(CONTROLS, '');
  return normalized.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** Flattens HTML to one collapsed line: tags become spaces, entities are decoded. */
export function htmlToPlainText(html: string): string {
  let text = stripMarkup(html);
  if (text.includes('&')) text = decodeHTML(text);
  return cleanText(text);
}

/**
 * The first `max` code points of htmlToPlainText(html), a space at the cut dropped — without
 * flattening all of a long article: a growing prefix of the HTML is converted until it yields
 * comfortably more text than needed. The prefix never ends inside a tag, a comment or a
 * script/style element, so the text it gives is a prefix of the whole document's text.
 */
export function htmlToPlainTextPrefix(html: string, max: number): string {
  for (let length = Math.max(2048, max * 8); ; length *= 2) {
    if (length >= html.length) return truncateText(htmlToPlainText(html), max);
    let cut = length;
    const lastOpen = html.lastIndexOf('<', cut);
    if (lastOpen > html.lastIndexOf('>', cut)) cut = lastOpen;
    const prefix = html.slice(0, cut);
    const lower = prefix.toLowerCase();
    const opensUnclosed = lower.lastIndexOf('<!--') > lower.lastIndexOf('-->')
      || lower.lastIndexOf('<script') > lower.lastIndexOf('</script') || lower.lastIndexOf('<style') > lower.lastIndexOf('</style');
    if (opensUnclosed) continue;
    const text = htmlToPlainText(prefix);
    // the last word may be cut (or an entity split); demand a margin beyond `max`
    if (text.length > max * 2 + 64) return truncateText(text, max);
  }
}

/** The first `max` code points of `text`, a space left at the cut dropped. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  for (let count = 0; count < max && units < text.length; count++) {
    const cp = text.codePointAt(units) as number;
    units += cp > 0xffff ? 2 : 1;
  }
  return text.slice(0, units).replace(/ +$/, '');
}

/** Escapes plain text into HTML (for text/plain bodies). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const HTML_ELEMENTS = new Set(
  ('a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite code col ' +
    'colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source fieldset figcaption ' +
    'figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m map menu meter ' +
    'multicol nav nextid noscript ol optgroup option output p pre progress q s samp section select small sound source ' +
    'spacer span strike strong sub sup table tbody td textarea tfoot th thead time tr tt u ul var video').split(' '),
);

/**
 * Guesses whether nominally plain text (an RSS title) is really HTML: it must have an end tag
 * or an entity, and only common HTML elements and entities. Conservative on purpose: a false
 * positive would eat text like `a <b> c`. Same heuristic as the Universal Feed Parser.
 */
export function looksLikeHtml(text: string): boolean {
  if (!text.includes('<') && !text.includes('&')) return false;
  if (!/<\/\w+>/.test(text) && !/&#?\w+;/.test(text)) return false;
  for (const m of text.matchAll(/<\/?(\w+)/g)) if (!HTML_ELEMENTS.has((m[1] as string).toLowerCase())) return false;
  for (const m of text.matchAll(/&(\w+);/g)) if (decodeHTML(`&${m[1] as string};`) === `&${m[1] as string};`) return false;
  return true;
}

const MOJIBAKE_HINT = /[\u00c2-\u00f4][\u0080-\u00bf]/;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
const C1 = /[\u0080-\u009f]/g;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Windows-1252 meanings of the C1 control characters, as HTML5 maps them. */
const C1_TO_CP1252: Record<string, string> = {
  '\u0080': '\u20ac', '\u0082': '\u201a', '\u0083': '\u0192', '\u0084': '\u201e', '\u0085': '\u2026', '\u0086': '\u2020',
  '\u0087': '\u2021', '\u0088': '\u02c6', '\u0089': '\u2030', '\u008a': '\u0160', '\u008b': '\u2039', '\u008c': '\u0152',
  '\u008e': '\u017d', '\u0091': '\u2018', '\u0092': '\u2019', '\u0093': '\u201c', '\u0094': '\u201d', '\u0095': '\u2022',
  '\u0096': '\u2013', '\u0097': '\u2014', '\u0098': '\u02dc', '\u0099': '\u2122', '\u009a': '\u0161', '\u009b': '\u203a',
  '\u009c': '\u0153', '\u009e': '\u017e', '\u009f': '\u0178',
};

const CP1252_BYTES = new Map(Object.entries(C1_TO_CP1252).map(([c1, char]) => [char, c1.charCodeAt(0)]));
const CONTINUATION = `\\u0080-\\u00bf${Object.values(C1_TO_CP1252).join('')}`;
/**
 * One UTF-8 character read as windows-1252: a lead byte's character (Â–ß for two bytes, â for
 * the three-byte punctuation — “ ” ’ – — … € ™ — that most mojibake is made of) and its
 * continuation bytes' characters (0x80–0xBF: Latin-1 symbols, C1, windows-1252 punctuation).
 * Other three- and four-byte leads are ordinary letters (é, ï) too often to risk.
 */
const MOJIBAKE_SEQUENCE = new RegExp(`[\\u00c2-\\u00df][${CONTINUATION}]|\\u00e2[${CONTINUATION}]{2}`, 'g');

/**
 * What any repair below needs: a C1 character, or a lead character followed by a continuation
 * one. Accented text without either (nearly all of it) is scanned once and left alone.
 */
const REPAIR_NEEDED = new RegExp(`[\\u0080-\\u009f]|[\\u00c2-\\u00f4][${CONTINUATION}]`);

/** Each mojibake sequence that decodes to one valid UTF-8 character, replaced by it. */
function repairSequences(text: string): string {
  return text.replace(MOJIBAKE_SEQUENCE, (sequence) => {
    const bytes = Uint8Array.from(sequence, (char) => CP1252_BYTES.get(char) ?? char.charCodeAt(0));
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return sequence;
    }
  });
}

/**
 * Repairs two common encoding accidents in character data. Text that was UTF-8, got read as
 * ISO-8859-1 or windows-1252 and written out as UTF-8 again: "KÃ¤lte" → "Kälte" (the whole
 * node when every character fits in Latin-1 and the bytes form valid UTF-8, which legitimate
 * Latin-1 text almost never does, as the Universal Feed Parser does), and sequence by sequence
 * where the node also holds real characters ("you’ll get â€œservedâ€\u009d" → "you’ll get
 * “served”", which the reference leaves as it is). Then C1 control characters, which in feeds
 * are always windows-1252 punctuation mislabelled (U+0092 → ’).
 */
export function repairText(text: string): string {
  if (!REPAIR_NEEDED.test(text)) return text;
  let out = text;
  if (MOJIBAKE_HINT.test(out) && !BEYOND_LATIN1.test(out)) {
    try {
      out = strictUtf8.decode(Buffer.from(out, 'latin1'));
    } catch {
      // not double-encoded as a whole; sequences may still be
    }
  }
  if (out === text) out = repairSequences(out);
  return out.replace(C1, (c) => C1_TO_CP1252[c] ?? c);
}
