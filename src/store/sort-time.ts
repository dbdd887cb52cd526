/**
 * @module store/sort-time
 * The river's sort key. A pure function so the store, tests and any re-sort agree on it.
 */

/** How far in the future a published date may be and still count (clock skew between hosts). */
export const FUTURE_SKEW_MS = 10 * 60 * 1000;

/**
 * The time an entry sorts at: its published date, unless it has none or claims a date more than
 * ten minutes after tributary first saw it — then the moment it was first seen.
 */
export function sortTimeOf(published: number | null, firstSeenAt: number): number {
  return published != null && published <= firstSeenAt + FUTURE_SKEW_MS ? published : firstSeenAt;
}
