/**
 * @module cli/commands/demo
 * `demo`: the first thing a newcomer runs. Serves the built-in demo feeds on loopback, fetches
 * them into a fresh SQLite file and serves the river — no network, no database server.
 */
import { mkdir, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { createConfig } from '../../config/index.js';
import { startDemoServer } from '../../demo/index.js';
import { runFetchCycle } from '../../schedule/index.js';
import { fetcherFor, openContext, refreshDepsFor } from '../context.js';
import type { GlobalOptions } from '../context.js';
import { portNumber, serveRiver } from './publish.js';

const demoDbPath = '.tributary-demo/demo.db';

export function registerDemoCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description('serve built-in demo feeds on loopback, fetch them and serve the river')
    .option('--port <n>', 'port of the river site (0: any free port)', portNumber, 8080)
    .option('--host <host>', 'address of the river site', '127.0.0.1')
    .action(async (options: { port: number; host: string }) => {
      const feeds = await startDemoServer();
      await mkdir('.tributary-demo', { recursive: true });
      await rm(demoDbPath, { force: true });
      await rm(`${demoDbPath}-wal`, { force: true });
      await rm(`${demoDbPath}-shm`, { force: true });
      const config = createConfig({
        site: { title: 'Tributary demo', tagline: 'Five little feeds, one river', pageSize: 10 },
        fetch: { allowPrivate: ['127.0.0.1'] },
        schedule: { minIntervalMinutes: 1, maxIntervalMinutes: 5 },
        feeds: feeds.feeds,
      });
      const context = await openContext({ ...globals(), db: `sqlite:${demoDbPath}` }, config, { threaded: true });
      const fetcher = fetcherFor(config, { allowPrivate: false });
      const summary = await runFetchCycle(refreshDepsFor(context, fetcher), await context.store.allFeeds());
      console.log(`demo: fetched ${summary.feeds} feeds from ${feeds.base} (${summary.newEntries} entries, ${summary.failed} failed) into ${demoDbPath}`);
      try {
        await serveRiver(context, fetcher, options);
      } finally {
        await feeds.close();
      }
    });
}
