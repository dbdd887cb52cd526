/**
 * @module store/well-formed-text
 * Text as the database keeps it. UTF-8 cannot hold a lone UTF-16 surrogate (a JSON feed can
 * escape one, "\ud800"), so each is stored as U+FFFD: sqlite-engine.ts replaces them before
 * binding, the PostgreSQL driver encodes through Buffer.from, which does the same. Code that
 * compares its own strings with ones read back (entry guids) applies the same rule first.
 */

const loneSurrogate = /\p{Cs}/u;
const loneSurrogates = /\p{Cs}/gu;

/** True when `value` is a string holding a lone surrogate. */
export function isIllFormedText(value: unknown): value is string {
  return typeof value === 'string' && loneSurrogate.test(value);
}

/** `text` with each lone surrogate replaced by U+FFFD, as it reads back from the database. */
export function toWellFormedText(text: string): string {
  return isIllFormedText(text) ? text.replace(loneSurrogates, '\ufffd') : text;
}
