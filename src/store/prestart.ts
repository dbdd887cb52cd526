/**
 * @module store/prestart
 * Starts the store's worker thread before the CLI has finished loading. A one-shot command such
 * as `tributary fetch` spends ~0.3 s loading node and its bundle, then waited ~0.13 s more for the
 * store thread (its own bundle, the SQLite addon, the database); started here first, the thread
 * boots on the other core while the main bundle loads, and {@link openThreadStore} adopts it. The
 * thread then waits for the database URL. Unadopted, it does not keep the process alive.
 *
 * This module must stay tiny: it is what the executable loads before everything else.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

// Every compiled module sits two folders below the package root (dist/store/, dist/bin/), so this
// finds the compiled worker from the bundle and from the plain build alike; the bundled worker
// (scripts/bundle-cli.mjs) starts faster when it is there.
const bundledWorkerUrl = new URL('../store/store-worker.bundle.mjs', import.meta.url);
export const storeWorkerUrl = existsSync(bundledWorkerUrl) ? bundledWorkerUrl : new URL('../store/store-worker.js', import.meta.url);

/**
 * A small young generation: the thread's garbage (cloned batches of entries) is short-lived, and
 * the default 48 MB semi-spaces would only add to the process's peak memory.
 */
export const storeWorkerLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };

/** What a started-early thread is told once the database is known. */
export interface OpenStoreMessage {
  open: { url: string; options: unknown };
}

let prestarted: { worker: Worker; failed: boolean } | null = null;

/** Starts the store thread now, to be adopted by the next openThreadStore. */
export function prestartStoreThread(): void {
  if (prestarted) return;
  const worker = new Worker(storeWorkerUrl, { workerData: { deferred: true }, resourceLimits: storeWorkerLimits });
  const state = { worker, failed: false };
  // A thread that cannot start is replaced by a fresh one when adopted (whose failure is reported).
  worker.once('error', () => (state.failed = true));
  worker.once('exit', () => (state.failed = true));
  worker.unref();
  prestarted = state;
}

/** The thread started by prestartStoreThread, if it is still alive and nobody took it yet. */
export function takePrestartedStoreThread(): Worker | null {
  const state = prestarted;
  prestarted = null;
  if (!state || state.failed) return null;
  state.worker.ref();
  return state.worker;
}
