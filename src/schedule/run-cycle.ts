/**
 * @module schedule/run-cycle
 * One refresh cycle: every given feed refreshed, at most `concurrency` at once (the fetcher adds
 * its own per-host limit), with a progress callback and a summary of what happened. A feed whose
 * result cannot even be recorded (the database refused it) counts as failed; the cycle goes on.
 */
import { TributaryError, isTributaryError } from '../model/index.js';
import type { Feed } from '../model/index.js';
import { refreshFeed } from './refresh-feed.js';
import type { RefreshDeps, RefreshOutcome } from './refresh-feed.js';
import type { FeedPatch, FeedResult } from '../store/index.js';

export interface CycleSummary {
  feeds: number;
  ok: number;
  notModified: number;
  failed: number;
  newEntries: number;
  updatedEntries: number;
  elapsedMs: number;
}

export interface CycleOptions {
  /** Feeds refreshed at once; default 16. */
  concurrency?: number;
  onOutcome?: (outcome: RefreshOutcome, done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Refreshes `feeds` and returns the cycle's summary. */
export async function runFetchCycle(deps: RefreshDeps, feeds: readonly Feed[], options: CycleOptions = {}): Promise<CycleSummary> {
  const started = deps.now();
  const summary: CycleSummary = { feeds: feeds.length, ok: 0, notModified: 0, failed: 0, newEntries: 0, updatedEntries: 0, elapsedMs: 0 };
  const recorder = createResultBatcher(deps.store);
  const cycleDeps: RefreshDeps = { ...deps, recordResult: recorder.record };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length && !options.signal?.aborted) {
      const feed = feeds[next++]!;
      const outcome = await refreshFeed(cycleDeps, feed).catch((cause: unknown): RefreshOutcome => ({
        feedId: feed.id,
        url: feed.url,
        status: 'failed',
        inserted: 0,
        updated: 0,
        error: isTributaryError(cause) ? cause : new TributaryError('STORE_FAILED', `${feed.url}: ${String(cause)}`, { url: feed.url, cause }),
      }));
      if (outcome.status === 'ok') summary.ok++;
      else if (outcome.status === 'not-modified') summary.notModified++;
      else summary.failed++;
      summary.newEntries += outcome.inserted;
      summary.updatedEntries += outcome.updated;
      options.onOutcome?.(outcome, ++done, feeds.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 16, feeds.length));
  await Promise.all(Array.from({ length: workers }, worker));
  await recorder.flush();
  summary.elapsedMs = deps.now() - started;
  return summary;
}

/**
 * Feed outcomes written in batches: one store call (one transaction, one message to a store
 * thread) per {@link resultBatchSize} feeds instead of one per feed — most of a steady-state
 * cycle is 304s whose only write is this. A feed's refresh does not wait for its batch; the
 * cycle waits for the last one, and a failed batch fails the cycle.
 */
function createResultBatcher(store: RefreshDeps['store']): { record(id: number, patch: FeedPatch): Promise<void>; flush(): Promise<void> } {
  let batch: FeedResult[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const write = (): void => {
    const results = batch;
    batch = [];
    writing = writing.then(() => store.recordFeedResults(results)).catch((error: unknown) => {
      failure ??= error;
    });
  };
  return {
    async record(id, patch) {
      batch.push({ id, patch });
      if (batch.length >= resultBatchSize) write();
    },
    async flush() {
      if (batch.length > 0) write();
      await writing;
      if (failure) throw failure;
    },
  };
}

const resultBatchSize = 100;
