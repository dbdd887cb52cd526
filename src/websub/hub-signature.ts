/**
 * @module websub/hub-signature
 * Checks the `X-Hub-Signature` of a content distribution (W3C WebSub §7.1): `method=hex`, an
 * HMAC of the raw body keyed with the subscription's secret, method one of the §7.1.1 names.
 * node:crypto computes the HMAC and compares in constant time; the header grammar is one line.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** §7.1.1 recognised algorithm names, with their digest length in bytes. */
const digestBytes: Readonly<Record<string, number>> = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };

/** True when `header` is a well-formed signature of `body` with `secret`; false when missing, malformed or wrong. */
export function verifyHubSignature(header: string | null | undefined, body: Buffer, secret: string): boolean {
  const match = /^\s*([a-z0-9]+)=([0-9a-f]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const method = match[1]!.toLowerCase();
  const size = digestBytes[method];
  if (size === undefined || match[2]!.length !== size * 2) return false;
  const expected = createHmac(method, secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}
