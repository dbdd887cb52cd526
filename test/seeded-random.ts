/**
 * @module test/seeded-random
 * A small deterministic PRNG (mulberry32) for the invariant tests that mutate inputs at random:
 * the same seed gives the same inputs, so a failure reproduces.
 */

/** A generator of numbers in [0, 1) from `seed`. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
