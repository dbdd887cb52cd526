/**
 * X-Hub-Signature checking (W3C WebSub §7.1), one row per header shape.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyHubSignature } from './index.js';

const secret = 's3cret-of-the-subscription';
const body = Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>ü</title></feed>');
const hmac = (algorithm: string, key = secret, data: Buffer = body): string => createHmac(algorithm, key).update(data).digest('hex');

const cases: Array<{ name: string; header: string | null | undefined; valid: boolean }> = [
  { name: 'sha1', header: `sha1=${hmac('sha1')}`, valid: true },
  { name: 'sha256', header: `sha256=${hmac('sha256')}`, valid: true },
  { name: 'sha384', header: `sha384=${hmac('sha384')}`, valid: true },
  { name: 'sha512', header: `sha512=${hmac('sha512')}`, valid: true },
  { name: 'upper-case hex digits', header: `sha256=${hmac('sha256').toUpperCase()}`, valid: true },
  { name: 'an upper-case method name', header: `SHA256=${hmac('sha256')}`, valid: true },
  { name: 'surrounding spaces', header: `  sha1=${hmac('sha1')} `, valid: true },
  { name: 'another secret', header: `sha256=${hmac('sha256', 'other secret')}`, valid: false },
  { name: 'another body', header: `sha256=${hmac('sha256', secret, Buffer.from('other'))}`, valid: false },
  { name: 'a digest of the wrong algorithm', header: `sha512=${hmac('sha256')}${hmac('sha256')}`, valid: false },
  { name: 'a sha1 digest labelled sha256', header: `sha256=${hmac('sha1')}`, valid: false },
  { name: 'a truncated digest', header: `sha256=${hmac('sha256').slice(0, 62)}`, valid: false },
  { name: 'an odd number of hex digits', header: `sha256=${hmac('sha256').slice(0, 63)}`, valid: false },
  { name: 'a digest one byte too long', header: `sha256=${hmac('sha256')}00`, valid: false },
  { name: 'non-hex characters', header: `sha256=${'zz'.repeat(32)}`, valid: false },
  { name: 'base64 instead of hex', header: `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`, valid: false },
  { name: 'an algorithm WebSub does not name', header: `md5=${hmac('md5')}`, valid: false },
  { name: 'no method', header: hmac('sha256'), valid: false },
  { name: 'two signatures', header: `sha1=${hmac('sha1')},sha256=${hmac('sha256')}`, valid: false },
  { name: 'an empty header', header: '', valid: false },
  { name: 'no header', header: null, valid: false },
];

describe('verifyHubSignature', () => {
  it.each(cases)('is $valid for $name', ({ header, valid }) => {
    expect(verifyHubSignature(header, body, secret)).toBe(valid);
  });
});
