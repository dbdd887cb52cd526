/**
 * @module fetch/host-limiter
 * A counting semaphore per host, so one fetcher never has more than N requests in flight to the
 * same server however many feeds it hosts (planets often carry dozens of feeds from one blog
 * host). Waiters are served first-come first-served; an aborted waiter leaves the queue.
 * Hand-written: it is twenty lines, and undici's per-origin `connections` cap would queue inside
 * the dispatcher where the total timeout is already running.
 */

/** Releases a slot taken with `acquire`; calling it twice is harmless. */
export type ReleaseSlot = () => void;

export interface HostLimiter {
  /** Waits for a free slot for `host`; rejects with the signal's reason if it aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<ReleaseSlot>;
}

interface HostQueue {
  active: number;
  waiting: Array<() => void>;
}

/** Creates a limiter allowing `perHost` concurrent holders per host key. */
export function createHostLimiter(perHost: number): HostLimiter {
  const hosts = new Map<string, HostQueue>();

  const releaseFor = (host: string, queue: HostQueue): ReleaseSlot => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.waiting.shift();
      if (next) next();
      else if (--queue.active === 0) hosts.delete(host);
    };
  };

  return {
    acquire(host, signal) {
      signal?.throwIfAborted();
      let queue = hosts.get(host);
      if (!queue) {
        queue = { active: 0, waiting: [] };
        hosts.set(host, queue);
      }
      if (queue.active < perHost) {
        queue.active++;
        return Promise.resolve(releaseFor(host, queue));
      }
      const hostQueue = queue;
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const onAbort = (): void => {
          const index = hostQueue.waiting.indexOf(grant);
          if (index >= 0) hostQueue.waiting.splice(index, 1);
          reject(signal?.reason);
        };
        // A released slot passes straight to the next waiter: `active` stays the same.
        const grant = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaseFor(host, hostQueue));
        };
        hostQueue.waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
