/**
 * @module store/store-worker
 * The worker-thread side of {@link openThreadStore}: opens the real store and answers one
 * message per Store call. Errors travel back as their code and message (a TributaryError is
 * rebuilt on the other side).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isTributaryError } from '../model/index.js';
import { openStore } from './open-store.js';
import type { OpenStoreMessage } from './prestart.js';
import type { Store, StoreOptions } from './store-types.js';

export interface StoreCall {
  id: number;
  method: keyof Store;
  args: unknown[];
}

export type StoreReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string | null; message: string; url: string | null } };

const port = parentPort!;
const given = workerData as { url: string; options: StoreOptions } | { deferred: true };

// Started early (store/prestart), the thread learns its database from the first message.
if ('deferred' in given) port.once('message', ({ open }: OpenStoreMessage) => start(open.url, open.options as StoreOptions));
else start(given.url, given.options);

function start(url: string, options: StoreOptions): void {
  openStore(url, options).then(
    (store) => {
      port.postMessage({ id: 0, ok: true, value: store.engine } satisfies StoreReply);
      port.on('message', (call: StoreCall) => {
        const method = store[call.method] as (...args: unknown[]) => Promise<unknown>;
        method.apply(store, call.args).then(
          (value) => port.postMessage({ id: call.id, ok: true, value } satisfies StoreReply),
          (error: unknown) => port.postMessage({ id: call.id, ok: false, error: describe(error) } satisfies StoreReply),
        );
      });
    },
    (error: unknown) => port.postMessage({ id: 0, ok: false, error: describe(error) } satisfies StoreReply),
  );
}

function describe(error: unknown): { code: string | null; message: string; url: string | null } {
  if (isTributaryError(error)) return { code: error.code, message: error.message, url: error.url };
  return { code: null, message: error instanceof Error ? error.message : String(error), url: null };
}
