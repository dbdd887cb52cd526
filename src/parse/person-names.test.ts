import { describe, expect, it } from 'vitest';
import { isEmailOnly, readPersonName } from './person-names.js';

describe('readPersonName', () => {
  const cases: Array<[string, string | null]> = [
    ['jo@example.com (Jo Smith)', 'Jo Smith'],
    ['Jo Smith <jo@example.com>', 'Jo Smith'],
    ['jo@example.com', 'jo@example.com'],
    ['host@pod.example', 'host@pod.example'],
    ['jo@studio.photography (Jo Smith)', 'Jo Smith'],
    ['Jo Smith <jo@news.online>', 'Jo Smith'],
    ['mailto:jo@example.museum', 'jo@example.museum'],
    ['  Jo   Smith ', 'Jo Smith'],
    ['<b>Jo</b> Smith', 'Jo Smith'],
    ['', null],
  ];
  for (const [raw, expected] of cases) it(`reads "${raw}" as ${expected ?? 'no name'}`, () => expect(readPersonName(raw)).toBe(expected));
});

describe('isEmailOnly', () => {
  it('knows an address with a long top-level domain from a name', () => {
    expect(isEmailOnly('host@pod.example')).toBe(true);
    expect(isEmailOnly('mailto:jo@example.com')).toBe(true);
    expect(isEmailOnly('Jo <jo@example.com>')).toBe(false);
    expect(isEmailOnly('Jo Smith')).toBe(false);
  });
});
