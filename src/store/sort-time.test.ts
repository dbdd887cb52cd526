import { describe, expect, it } from 'vitest';
import { sortTimeOf } from './index.js';

const seen = Date.UTC(2025, 5, 1, 12);
const minute = 60_000;

describe('sortTimeOf', () => {
  const cases: { name: string; published: number | null; expected: number }[] = [
    { name: 'a past date sorts at its date', published: seen - 60 * minute, expected: seen - 60 * minute },
    { name: 'no date sorts when first seen', published: null, expected: seen },
    { name: 'a date a few minutes ahead (clock skew) is kept', published: seen + 9 * minute, expected: seen + 9 * minute },
    { name: 'exactly ten minutes ahead is kept', published: seen + 10 * minute, expected: seen + 10 * minute },
    { name: 'a date further in the future sorts when first seen', published: seen + 11 * minute, expected: seen },
    { name: 'the epoch itself is a date, not a missing one', published: 0, expected: 0 },
  ];
  for (const { name, published, expected } of cases) {
    it(name, () => expect(sortTimeOf(published, seen)).toBe(expected));
  }
});
