/**
 * @module cli/commands/fetch
 * `fetch`: one refresh cycle, with a progress bar on a terminal and a one-line summary. Feeds that
 * fail are recorded on the feed (see `tributary feeds`); the exit code is non-zero only when the
 * cycle itself could not run.
 */
import type { Command } from 'commander';
import { runFetchCycle } from '../../schedule/index.js';
import { fetcherFor, openContext, refreshDepsFor } from '../context.js';
import type { GlobalOptions } from '../context.js';
import { createCycleProgress } from '../progress.js';

export function registerFetchCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('fetch')
    .description('run one refresh cycle of every due feed')
    .option('--all', 'refresh every feed, due or not')
    .action(async (options: { all?: boolean }) => {
      const context = await openContext(globals(), undefined, { threaded: true });
      const fetcher = fetcherFor(context.config, globals());
      try {
        const deps = refreshDepsFor(context, fetcher);
        const feeds = options.all ? (await context.store.allFeeds()).filter((feed) => !feed.disabled) : await context.store.dueFeeds(Date.now());
        const progress = createCycleProgress(feeds.length);
        const summary = await runFetchCycle(deps, feeds, {
          concurrency: context.config.fetch.concurrency,
          onOutcome(outcome, done, total) {
            progress.update(outcome, done, total);
            if (outcome.error && !process.stderr.isTTY) console.error(`failed ${outcome.url}: ${outcome.error.message}`);
          },
        });
        progress.stop();
        console.log(
          `${summary.feeds} feeds: ${summary.ok} ok, ${summary.notModified} not modified, ${summary.failed} failed; ` +
            `${summary.newEntries} new entries, ${summary.updatedEntries} updated (${(summary.elapsedMs / 1000).toFixed(1)} s)`,
        );
      } finally {
        await fetcher.close();
        await context.close();
      }
    });
}
