/**
 * @module schedule/scheduler
 * The continuous loop behind `serve`: every tick, the feeds that are due are refreshed; the loop
 * sleeps until the next tick or until stopped. One cycle at a time, so a slow cycle delays the
 * next instead of piling up.
 */
import { runFetchCycle } from './run-cycle.js';
import type { CycleOptions, CycleSummary } from './run-cycle.js';
import type { RefreshDeps } from './refresh-feed.js';

export interface SchedulerOptions extends Omit<CycleOptions, 'signal'> {
  /** How often the scheduler looks for due feeds; default 30 s. */
  tickMs?: number;
  /** At most this many due feeds per cycle; default 1000. */
  batchSize?: number;
  onCycle?: (summary: CycleSummary) => void;
  onError?: (error: unknown) => void;
}

export interface Scheduler {
  /** Runs a cycle now (waits for a running one first). */
  runNow(): Promise<CycleSummary>;
  stop(): Promise<void>;
}

/** Starts polling due feeds in the background. */
export function startScheduler(deps: RefreshDeps, options: SchedulerOptions = {}): Scheduler {
  const controller = new AbortController();
  const tickMs = options.tickMs ?? 30_000;
  let running: Promise<CycleSummary> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const cycle = async (): Promise<CycleSummary> => {
    const due = await deps.store.dueFeeds(deps.now(), options.batchSize ?? 1000);
    const summary = await runFetchCycle(deps, due, { ...options, signal: controller.signal });
    if (due.length > 0) options.onCycle?.(summary);
    return summary;
  };
  const runNow = async (): Promise<CycleSummary> => {
    while (running) await running.catch(() => undefined);
    running = cycle().finally(() => {
      running = null;
    });
    return running;
  };
  const loop = (): void => {
    if (controller.signal.aborted) return;
    runNow()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!controller.signal.aborted) timer = setTimeout(loop, tickMs);
      });
  };
  loop();
  return {
    runNow,
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
