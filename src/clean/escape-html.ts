/**
 * @module clean/escape-html
 * Escaping for text and attribute values written back out by the cleaner. Hand-written rather
 * than `entities`' `escapeText`/`escapeAttribute` because the cleaner calls it for every text run
 * and attribute: a regex test first skips the common no-op case, and NUL becomes U+FFFD the way
 * browsers read it, so what we store is what a browser will parse.
 */

const TEXT_SPECIAL = /[&<>\0]/;
const TEXT_REPLACE = /[&<>\0]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\0]/;
const ATTRIBUTE_REPLACE = /[&<>"\0]/g;

const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\0': '\uFFFD',
};

function replaceSpecial(character: string): string {
  return REPLACEMENTS[character] ?? character;
}

/** Escapes `&`, `<` and `>` (and replaces NUL) so the text reads back as the same text. */
export function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(TEXT_REPLACE, replaceSpecial) : text;
}

/** Escapes a value for a double-quoted attribute (`&`, `<`, `>`, `"`; NUL replaced). */
export function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_REPLACE, replaceSpecial) : value;
}
