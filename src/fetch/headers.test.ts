import { describe, expect, it } from 'vitest';
import { readCacheLifetime } from './cache-lifetime.js';
import { conditionalHeaders, parseRetryAfter } from './index.js';
import { parseLinkHeader } from './link-header.js';

describe('conditionalHeaders', () => {
  const cases = [
    { name: 'both validators', etag: '"abc"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT', expected: { 'if-none-match': '"abc"', 'if-modified-since': 'Tue, 01 Apr 2025 10:00:00 GMT' } },
    { name: 'a weak ETag only', etag: 'W/"abc"', lastModified: null, expected: { 'if-none-match': 'W/"abc"' } },
    { name: 'nothing stored', etag: null, lastModified: undefined, expected: {} },
    { name: 'blank values', etag: '  ', lastModified: '', expected: {} },
  ];
  it.each(cases)('sends $name', ({ etag, lastModified, expected }) => {
    expect(conditionalHeaders(etag, lastModified)).toEqual(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 3, 1, 12, 0, 0);
  const cases: Array<{ name: string; value: string | null; expected: number | null }> = [
    { name: 'delay-seconds', value: '120', expected: 120_000 },
    { name: 'zero seconds', value: '0', expected: 0 },
    { name: 'an IMF-fixdate', value: 'Tue, 01 Apr 2025 12:01:30 GMT', expected: 90_000 },
    { name: 'an obsolete RFC 850 date', value: 'Tuesday, 01-Apr-25 12:00:10 GMT', expected: 10_000 },
    { name: 'an asctime date (always GMT)', value: 'Tue Apr  1 12:00:05 2025', expected: 5_000 },
    { name: 'a date in the past', value: 'Tue, 01 Apr 2025 11:00:00 GMT', expected: 0 },
    { name: 'a negative number', value: '-5', expected: null },
    { name: 'a fraction', value: '1.5', expected: null },
    { name: 'garbage', value: 'soon', expected: null },
    { name: 'absence', value: null, expected: null },
  ];
  it.each(cases)('reads $name', ({ value, expected }) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('readCacheLifetime', () => {
  const cases = [
    { name: 'max-age among other directives', cacheControl: 'public, max-age=3600, must-revalidate', expires: null, expected: { maxAgeSeconds: 3600, expiresAt: null } },
    { name: 's-maxage alone (not ours)', cacheControl: 's-maxage=60', expires: null, expected: { maxAgeSeconds: null, expiresAt: null } },
    { name: 'an Expires date', cacheControl: null, expires: 'Wed, 02 Apr 2025 10:00:00 GMT', expected: { maxAgeSeconds: null, expiresAt: Date.UTC(2025, 3, 2, 10) } },
    { name: 'Expires: 0', cacheControl: 'no-cache', expires: '0', expected: { maxAgeSeconds: null, expiresAt: null } },
  ];
  it.each(cases)('reads $name', ({ cacheControl, expires, expected }) => {
    expect(readCacheLifetime(cacheControl, expires)).toEqual(expected);
  });
});

describe('parseLinkHeader', () => {
  const cases = [
    { name: 'hub and self in one header', values: ['<https://hub.example/>; rel="hub", <https://site.example/feed>; rel="self"'], expected: { hubUrls: ['https://hub.example/'], selfUrl: 'https://site.example/feed' } },
    { name: 'several rels in one link', values: ['<https://site.example/feed>; rel="self alternate"'], expected: { hubUrls: [], selfUrl: 'https://site.example/feed' } },
    { name: 'a relative target', values: ['</hub>; rel=hub'], expected: { hubUrls: ['https://base.example/hub'], selfUrl: null } },
    { name: 'a comma inside a quoted parameter', values: ['<https://a.example/>; title="a, b"; rel="hub"'], expected: { hubUrls: ['https://a.example/'], selfUrl: null } },
    { name: 'unrelated relations', values: ['<https://x.example/>; rel="preload"'], expected: { hubUrls: [], selfUrl: null } },
  ];
  it.each(cases)('reads $name', ({ values, expected }) => {
    expect(parseLinkHeader(values, 'https://base.example/feed')).toEqual(expected);
  });
});
