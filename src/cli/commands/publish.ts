/**
 * @module cli/commands/publish
 * `river`, `build` and `serve`: the river as text/JSON/HTML, as a static site, and live with the
 * scheduler running beside the web server.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { TributaryError } from '../../model/index.js';
import { buildSite, isFailingFeed, loadTheme, renderRiverHtml, renderRiverJson, renderRiverText } from '../../publish/index.js';
import { startScheduler } from '../../schedule/index.js';
import { createApp, startServer } from '../../server/index.js';
import { fetcherFor, openContext, refreshDepsFor, withContext } from '../context.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import type { Fetcher } from '../../fetch/index.js';
import { createLogger } from '../logger.js';
import { webSubFor } from '../websub.js';
import { feedHealthJson } from '../feed-health.js';
import { webSubMountPath } from '../../websub/index.js';

export function registerPublishCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('river')
    .description('print the river exactly as the site shows it')
    .option('--page <n>', 'page number (1 is the newest)', positiveInt, 1)
    .option('--format <format>', 'text, json or html', 'text')
    .action(async (options: { page: number; format: string }) => {
      if (!['text', 'json', 'html'].includes(options.format)) {
        throw new TributaryError('CONFIG_INVALID', `--format must be text, json or html, not ${options.format}`);
      }
      await withContext(globals(), async (context) => {
        const { site } = context.config;
        const page = await context.store.river({ page: options.page, pageSize: site.pageSize });
        if (options.format === 'json') console.log(JSON.stringify(renderRiverJson(page, site)));
        else if (options.format === 'text') process.stdout.write(renderRiverText(page, site));
        else process.stdout.write(renderRiverHtml(await loadTheme(site), page, site));
      });
    });

  program
    .command('build')
    .description('write the river as a static site')
    .option('--out <dir>', 'output folder', 'site')
    .action(async (options: { out: string }) => {
      await withContext(globals(), async (context) => {
        const outDir = resolve(options.out);
        const result = await buildSite(context.store, context.config.site, outDir, { embedHosts: context.config.clean.embeds });
        console.log(`wrote ${result.files} files (${result.pages} pages) to ${outDir}`);
      });
    });

  program
    .command('serve')
    .description('run the scheduler and the web server')
    .option('--port <n>', 'port to listen on (0: any free port)', portNumber, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: { port: number; host: string }) => {
      const context = await openContext(globals(), undefined, { threaded: true });
      await serveRiver(context, fetcherFor(context.config, globals()), options);
    });
}

/** Runs the scheduler and the web server until SIGINT/SIGTERM, then closes everything. */
export async function serveRiver(context: CommandContext, fetcher: Fetcher, options: { port: number; host: string; tickMs?: number }): Promise<void> {
  const logger = createLogger();
  const theme = await loadTheme(context.config.site);
  const plainDeps = refreshDepsFor(context, fetcher);
  const websub = webSubFor(context, fetcher, plainDeps, logger);
  const app = createApp(context.store, context.config.site, theme, {
    embedHosts: context.config.clean.embeds,
    status: () => feedHealth(context.store, context.config.site.failingAfterHours * 3_600_000),
    onError: (error) => logger.error({ err: error }, 'request failed'),
  });
  if (websub) app.route(webSubMountPath, websub.routes);
  const server = await startServer(app, { host: options.host, port: options.port });
  const scheduler = startScheduler(websub ? { ...plainDeps, websub } : plainDeps, {
    concurrency: context.config.fetch.concurrency,
    tickMs: options.tickMs,
    onOutcome(outcome) {
      if (outcome.error) logger.warn({ feedId: outcome.feedId, feedUrl: outcome.url, code: outcome.error.code }, outcome.error.message);
    },
    onCycle(summary) {
      logger.info(summary, 'fetch cycle done');
    },
    onError(error) {
      logger.error({ err: error }, 'fetch cycle could not run');
    },
  });
  // Leases are checked every ten minutes (one meta read per feed), not on every scheduler tick.
  const renewal = websub ? setInterval(() => void websub.renewDue(), 10 * 60_000) : null;
  void websub?.renewDue();
  logger.info({ url: server.url, websub: Boolean(websub) }, `serving the river at ${server.url}`);
  console.log(`tributary: serving the river at ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (renewal) clearInterval(renewal);
  await server.close();
  await scheduler.stop();
  await websub?.whenIdle();
  await fetcher.close();
  await context.close();
}

/** The health summary served at /status: counts and every feed's last outcome. */
async function feedHealth(store: CommandContext['store'], failingAfterMs: number): Promise<object> {
  const feeds = await store.listFeeds();
  const now = Date.now();
  return {
    feeds: feeds.length,
    erroring: feeds.filter((feed) => feed.lastStatus === 'error').length,
    failing: feeds.filter((feed) => isFailingFeed(feed, now, failingAfterMs)).length,
    disabled: feeds.filter((feed) => feed.disabled).length,
    entries: feeds.reduce((sum, feed) => sum + feed.entryCount, 0),
    sources: feeds.map((feed) => feedHealthJson(feed, now, failingAfterMs)),
  };
}

export function portNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new TributaryError('CONFIG_INVALID', `expected a port number, got ${value}`);
  return number;
}

export function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new TributaryError('CONFIG_INVALID', `expected a positive whole number, got ${value}`);
  return number;
}
