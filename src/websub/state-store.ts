/**
 * @module websub/state-store
 * Reads and changes a feed's WebSub state in the store's meta JSON, one change at a time per feed
 * (see feed-lock), keeping the meta's other keys and writing only when something changed (the
 * refresh chain asks on every poll, usually to find nothing to do).
 */
import type { Store } from '../store/index.js';
import { createFeedLock } from './feed-lock.js';
import { readWebSubState, writeWebSubState } from './subscription-state.js';
import type { WebSubState } from './subscription-state.js';

/** A change to one feed's state: the new state and what to tell the caller. */
export type StateChange<T> = (state: WebSubState, now: number) => { state: WebSubState; result: T };

export interface StateStore {
  /** The feed's state; null when there is no such feed. */
  read(feedId: number): Promise<WebSubState | null>;
  /** Applies `change` under the feed's lock; null when there is no such feed. */
  update<T>(feedId: number, change: StateChange<T>): Promise<T | null>;
}

/** Creates a state store over `store`'s feed meta. */
export function createStateStore(store: Pick<Store, 'getFeedMeta' | 'setFeedMeta'>, now: () => number): StateStore {
  const lock = createFeedLock();
  return {
    async read(feedId) {
      const meta = await store.getFeedMeta(feedId);
      return meta === null ? null : readWebSubState(meta);
    },
    update(feedId, change) {
      return lock(feedId, async () => {
        const meta = await store.getFeedMeta(feedId);
        if (meta === null) return null;
        const { state, result } = change(readWebSubState(meta), now());
        const next = writeWebSubState(meta, state);
        if (JSON.stringify(next) !== JSON.stringify(meta)) await store.setFeedMeta(feedId, next);
        return result;
      });
    },
  };
}
