/**
 * @module store/thread-store
 * The Store on a worker thread. SQLite is synchronous: with the store on the main thread, every
 * insert (and its full-text indexing, the costliest part of storing an entry) stops fetching,
 * parsing and cleaning. On a worker thread the database work runs beside them, on the second
 * core — a first fetch cycle's throughput is bound by the busier of the two threads instead of
 * their sum. Calls and results cross as structured clones (plain data: feeds, entries, pages).
 */
import { Worker } from 'node:worker_threads';
import { TributaryError, errorCodes } from '../model/index.js';
import type { ErrorCode } from '../model/index.js';
import { storeWorkerLimits, storeWorkerUrl, takePrestartedStoreThread } from './prestart.js';
import type { OpenStoreMessage } from './prestart.js';
import type { StoreCall, StoreReply } from './store-worker.js';
import type { Store, StoreEngine, StoreOptions } from './store-types.js';

/** Opens the store named by `url` on a worker thread; same semantics as openStore. */
export async function openThreadStore(url: string, options: StoreOptions = {}): Promise<Store> {
  // A thread started early (store/prestart) is told the database now; otherwise one starts here.
  const prestarted = takePrestartedStoreThread();
  const worker = prestarted ?? new Worker(storeWorkerUrl, { workerData: { url, options }, resourceLimits: storeWorkerLimits });
  if (prestarted) prestarted.postMessage({ open: { url, options } } satisfies OpenStoreMessage);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let closed = false;

  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const engine = await new Promise<StoreEngine>((resolve, reject) => {
    pending.set(0, { resolve: (value) => resolve(value as StoreEngine), reject });
    worker.on('message', (reply: StoreReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(rebuildError(reply.error));
    });
    worker.on('error', (error) => failAll(new TributaryError('STORE_FAILED', `store thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => failAll(new TributaryError('STORE_FAILED', `store thread exited (${code})`)));
  });

  const call = (method: keyof Store, args: unknown[]): Promise<never> => {
    if (closed) return Promise.reject(new TributaryError('STORE_FAILED', 'the store is closed'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies StoreCall);
    });
  };
  const proxy = (method: keyof Store) => (...args: unknown[]) => call(method, args);

  return {
    engine,
    async close() {
      if (closed) return;
      await call('close', []);
      closed = true;
      await worker.terminate();
    },
    addFeed: proxy('addFeed'),
    removeFeed: proxy('removeFeed'),
    getFeed: proxy('getFeed'),
    findFeedByUrl: proxy('findFeedByUrl'),
    listFeeds: proxy('listFeeds'),
    dueFeeds: proxy('dueFeeds'),
    allFeeds: proxy('allFeeds'),
    updateFeed: proxy('updateFeed'),
    recordFeedResults: proxy('recordFeedResults'),
    getFeedMeta: proxy('getFeedMeta'),
    setFeedMeta: proxy('setFeedMeta'),
    entryHashes: proxy('entryHashes'),
    upsertEntries: proxy('upsertEntries'),
    river: proxy('river'),
    getEntry: proxy('getEntry'),
  };
}

function rebuildError(error: { code: string | null; message: string; url: string | null }): Error {
  if (error.code && error.code in errorCodes) return new TributaryError(error.code as ErrorCode, error.message, { url: error.url });
  return new TributaryError('STORE_FAILED', error.message, { url: error.url });
}
