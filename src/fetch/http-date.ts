/**
 * @module fetch/http-date
 * Reads an HTTP-date (RFC 9110 §5.6.7) in any of its three forms. `Date.parse` reads all three,
 * but takes the asctime form (which carries no zone) as local time; HTTP dates are always GMT.
 */

const asctime = /^[a-z]{3} [a-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/i;

/** Epoch ms of an HTTP-date, or null when `text` is not one (bare numbers such as "0" are not). */
export function parseHttpDate(text: string): number | null {
  const value = text.trim();
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(asctime.test(value) ? `${value} GMT` : value);
  return Number.isNaN(at) ? null : at;
}
