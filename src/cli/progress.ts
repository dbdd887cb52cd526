/**
 * @module cli/progress
 * A progress bar for long cycles when stderr is a terminal (cli-progress); silent otherwise, so
 * scripts and logs get only the summary line.
 */
import cliProgress from 'cli-progress';
import type { RefreshOutcome } from '../schedule/index.js';

export interface CycleProgress {
  update(outcome: RefreshOutcome, done: number, total: number): void;
  stop(): void;
}

/** A progress display for `total` feeds on stderr (a no-op when stderr is not a TTY). */
export function createCycleProgress(total: number, stream: NodeJS.WriteStream = process.stderr): CycleProgress {
  if (!stream.isTTY || total === 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: 'fetching [{bar}] {value}/{total} feeds | {failed} failed | {entries} new entries', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let failed = 0;
  let entries = 0;
  bar.start(total, 0, { failed, entries });
  return {
    update(outcome, done) {
      if (outcome.status === 'failed') failed++;
      entries += outcome.inserted;
      bar.update(done, { failed, entries });
    },
    stop() {
      bar.stop();
    },
  };
}
