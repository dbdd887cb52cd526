/**
 * @module websub/feed-lock
 * One task at a time per feed for the read-modify-write of its meta: a hub's verification can
 * arrive while a subscription request is being recorded. Never held across a request to a hub
 * (a hub may verify before it answers the POST), only around store reads and writes.
 */

/** Runs `task` after every earlier task of the same feed has settled. */
export type FeedLock = <T>(feedId: number, task: () => Promise<T>) => Promise<T>;

/** Creates an in-process lock keyed by feed id. */
export function createFeedLock(): FeedLock {
  const tails = new Map<number, Promise<unknown>>();
  return async (feedId, task) => {
    const run = (tails.get(feedId) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(feedId, tail);
    try {
      return await run;
    } finally {
      if (tails.get(feedId) === tail) tails.delete(feedId);
    }
  };
}
