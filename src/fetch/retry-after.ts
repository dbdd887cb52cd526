/**
 * @module fetch/retry-after
 * Reads Retry-After (RFC 9110 §10.2.3), which a 429 or 503 uses to say when to come back: either
 * delay-seconds or an HTTP-date. The clock is a parameter so the maths is testable.
 */
import { parseHttpDate } from './http-date.js';

/** Returns how many milliseconds to wait from `now` (epoch ms), 0 for a date in the past, null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text);
  return at == null ? null : Math.max(0, at - now);
}
