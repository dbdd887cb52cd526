/**
 * @module schedule
 * Deciding when each feed is polled and running refresh cycles (one for `fetch`, continuously
 * for `serve`).
 */
export { nextPollAt, nextRetryAt } from './next-poll.js';
export type { ScheduleBounds, SuccessFacts } from './next-poll.js';
export { entryGuid, fingerprintEntry, toEntryInput } from './entry-input.js';
export type { EntryFingerprint, EntryInputOptions } from './entry-input.js';
export { ingestFeedBody, refreshFeed } from './refresh-feed.js';
export type { RefreshDeps, RefreshOutcome } from './refresh-feed.js';
export { runFetchCycle } from './run-cycle.js';
export type { CycleOptions, CycleSummary } from './run-cycle.js';
export { startScheduler } from './scheduler.js';
export type { Scheduler, SchedulerOptions } from './scheduler.js';
