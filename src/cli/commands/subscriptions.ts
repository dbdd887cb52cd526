/**
 * @module cli/commands/subscriptions
 * `init`, `add`, `remove`, `feeds`, `import`, `export`: managing the subscription list.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { starterConfigYaml } from '../../config/index.js';
import type { FeedSummary } from '../../model/index.js';
import { TributaryError } from '../../model/index.js';
import { isFailingFeed, opmlDocument } from '../../publish/index.js';
import { importSubscriptions, normalizeFeedUrl, parseOpml } from '../../subscribe/index.js';
import { fetcherFor, refreshDepsFor, withContext } from '../context.js';
import { createLogger } from '../logger.js';
import { webSubFor } from '../websub.js';
import { feedHealthJson, isoTime } from '../feed-health.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { discoverFeeds } from '../../fetch/index.js';

export function registerSubscriptionCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('init [dir]')
    .description('write a commented tributary.yaml to start from')
    .action(async (dir: string | undefined) => {
      const folder = dir ?? '.';
      await mkdir(folder, { recursive: true });
      const path = join(folder, 'tributary.yaml');
      if (existsSync(path)) throw new TributaryError('CONFIG_INVALID', `${path} already exists; not overwriting it`);
      await writeFile(path, starterConfigYaml());
      console.log(`wrote ${path}`);
    });

  program
    .command('add <url>')
    .description('subscribe to a feed')
    .option('--title <title>', 'title to show instead of the feed’s own')
    .option('--no-discover', 'add the URL as it is, without fetching it to find the feed')
    .action(async (url: string, options: { title?: string; discover: boolean }) => {
      await withContext(globals(), async (context) => {
        const feedUrl = options.discover ? await discoverFeedUrl(context, globals(), normalizeFeedUrl(url)) : normalizeFeedUrl(url);
        const feed = await context.store.addFeed({ url: feedUrl, title: options.title?.trim() || null }, Date.now());
        console.log(`added ${feed.url}`);
      });
    });

  program
    .command('remove <url>')
    .description('unsubscribe from a feed and delete its entries')
    .action(async (url: string) => {
      await withContext(globals(), async (context) => {
        const feed = (await context.store.findFeedByUrl(url)) ?? (await context.store.findFeedByUrl(normalizeFeedUrl(url)));
        if (!feed) throw new TributaryError('FEED_NOT_FOUND', `not subscribed: ${url}`, { url });
        await unsubscribeFromHub(context, globals(), feed.id);
        await context.store.removeFeed(feed.url);
        console.log(`removed ${feed.url}`);
      });
    });

  program
    .command('feeds')
    .description('list subscriptions: URL, title, last status, entries, next poll')
    .option('--json', 'one JSON object per line per feed')
    .action(async (options: { json?: boolean }) => {
      await withContext(globals(), async (context) => {
        const failingAfter = context.config.site.failingAfterHours * 3_600_000;
        const now = Date.now();
        for (const feed of await context.store.listFeeds()) {
          console.log(options.json ? JSON.stringify(feedHealthJson(feed, now, failingAfter)) : feedLine(feed, isFailingFeed(feed, now, failingAfter)));
        }
      });
    });

  program
    .command('import <file>')
    .description('subscribe to every feed of an OPML file')
    .action(async (file: string) => {
      const subscriptions = parseOpml(await readFile(file, 'utf8'));
      await withContext(globals(), async (context) => {
        const result = await importSubscriptions(context.store, subscriptions, Date.now());
        for (const { url, error } of result.invalid) console.error(`skipped ${url}: ${error}`);
        console.log(`imported ${result.added} feeds (${result.existing} already subscribed, ${result.invalid.length} skipped)`);
      });
    });

  program
    .command('export')
    .description('print the subscriptions as OPML 2.0')
    .action(async () => {
      await withContext(globals(), async (context) => {
        process.stdout.write(opmlDocument(await context.store.listFeeds(), context.config.site, new Date()));
      });
    });
}

/** The feed behind what the user typed (a feed, a site's page, a YouTube channel); other candidates are listed. */
async function discoverFeedUrl(context: CommandContext, globals: GlobalOptions, url: string): Promise<string> {
  const fetcher = fetcherFor(context.config, globals);
  try {
    const [first, ...others] = await discoverFeeds(fetcher, url);
    if (!first) throw new TributaryError('PARSE_NOT_A_FEED', `no feed found at ${url}`, { url });
    if (first.url !== url) console.log(`found ${first.url}${first.title ? ` (${first.title})` : ''} via ${first.via}`);
    for (const other of others) console.log(`  also: ${other.url}${other.title ? ` (${other.title})` : ''}`);
    return first.url;
  } finally {
    await fetcher.close();
  }
}

/** A feed pushed by a WebSub hub is unsubscribed before it is removed (best effort, never fails). */
async function unsubscribeFromHub(context: CommandContext, globals: GlobalOptions, feedId: number): Promise<void> {
  if (!context.config.site.baseUrl) return;
  const fetcher = fetcherFor(context.config, globals);
  try {
    const websub = webSubFor(context, fetcher, refreshDepsFor(context, fetcher), createLogger());
    await websub?.unsubscribe(feedId);
  } finally {
    await fetcher.close();
  }
}

function feedStatus(feed: FeedSummary, failing: boolean): string {
  if (feed.disabled) return `disabled: ${feed.disabledReason ?? ''}`.trim();
  if (feed.lastStatus === 'error') return `${failing ? 'FAILING' : 'error'} ${feed.errorCode ?? ''}: ${feed.errorMessage ?? ''}`;
  return feed.lastStatus;
}

/** One human line: URL, title, last status, entries, next poll. */
function feedLine(feed: FeedSummary, failing: boolean): string {
  return [feed.url, feed.title ?? '-', feedStatus(feed, failing), `${feed.entryCount} entries`, `next ${isoTime(feed.nextPollAt) ?? '-'}`].join('\t');
}
