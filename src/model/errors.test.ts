import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HttpStatusError, TributaryError, errorCodes, isTributaryError, redactUrl } from './index.js';

describe('the error catalogue', () => {
  const page = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  for (const code of Object.keys(errorCodes)) {
    it(`documents ${code} in docs/errors.md`, () => {
      expect(page).toContain(`| \`${code}\` |`);
    });
  }

  it('strips credentials from the URL in messages and fields', () => {
    const error = new HttpStatusError(401, 'https://user:secret@example.org/feed');
    expect(error.message).toBe('HTTP 401 from https://example.org/feed');
    expect(error.url).toBe('https://example.org/feed');
    expect(error.code).toBe('FETCH_HTTP_STATUS');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('gives 410 its own code and keeps Retry-After', () => {
    expect(new HttpStatusError(410, 'https://example.org/').code).toBe('FETCH_GONE');
    expect(new HttpStatusError(429, 'https://example.org/', 5000).retryAfterMs).toBe(5000);
    expect(isTributaryError(new TributaryError('SSRF_BLOCKED', 'x'), 'SSRF_BLOCKED')).toBe(true);
    expect(isTributaryError(new Error('x'))).toBe(false);
  });
});
