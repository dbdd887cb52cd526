/**
 * @module cli/context
 * What every command starts from: the global options, the configuration read once, and — for the
 * commands that need them — the store and the fetcher, closed together at the end.
 */
import { loadConfig } from '../config/index.js';
import type { Config } from '../config/index.js';
import { createFetcher } from '../fetch/index.js';
import type { Fetcher } from '../fetch/index.js';
import type { RefreshDeps } from '../schedule/index.js';
import { openStore, openThreadStore } from '../store/index.js';
import type { Store } from '../store/index.js';

export interface GlobalOptions {
  config: string;
  db: string;
  allowPrivate: boolean;
  /** True when --config was given explicitly: then a missing file is an error. */
  configExplicit: boolean;
}

export interface CommandContext {
  config: Readonly<Config>;
  store: Store;
  close(): Promise<void>;
}

/** Reads the config file (the default path may be missing: defaults apply). */
export async function readConfig(globals: GlobalOptions): Promise<Readonly<Config>> {
  return loadConfig(globals.config, { optional: !globals.configExplicit });
}

/**
 * Opens the store and registers the config file's feeds in it. `threaded` puts the store on a
 * worker thread, for the commands that fetch (database work then runs beside parsing and cleaning).
 */
export async function openContext(globals: GlobalOptions, config?: Readonly<Config>, { threaded = false } = {}): Promise<CommandContext> {
  const resolved = config ?? (await readConfig(globals));
  const store = threaded ? await openThreadStore(globals.db) : await openStore(globals.db);
  for (const feed of resolved.feeds) {
    if (!(await store.findFeedByUrl(feed.url))) await store.addFeed({ url: feed.url, title: feed.title ?? null }, Date.now());
  }
  return { config: resolved, store, close: () => store.close() };
}

/** Runs `action` with an opened context and closes it afterwards, whatever happens. */
export async function withContext<T>(globals: GlobalOptions, action: (context: CommandContext) => Promise<T>): Promise<T> {
  const context = await openContext(globals);
  try {
    return await action(context);
  } finally {
    await context.close();
  }
}

/** The fetcher configured from the config and the --allow-private flag. */
export function fetcherFor(config: Readonly<Config>, globals: Pick<GlobalOptions, 'allowPrivate'>): Fetcher {
  return createFetcher({
    userAgent: config.fetch.userAgent,
    connectTimeoutMs: config.fetch.connectTimeoutMs,
    headersTimeoutMs: config.fetch.headersTimeoutMs,
    idleBodyTimeoutMs: config.fetch.idleBodyTimeoutMs,
    totalTimeoutMs: config.fetch.totalTimeoutMs,
    maxBodyBytes: config.fetch.maxBodyBytes,
    maxRedirects: config.fetch.maxRedirects,
    perHostConcurrency: config.fetch.perHostConcurrency,
    allowPrivate: globals.allowPrivate ? true : config.fetch.allowPrivate,
  });
}

/** Everything a refresh needs, from a context. */
export function refreshDepsFor(context: CommandContext, fetcher: Fetcher): RefreshDeps {
  const { schedule, clean } = context.config;
  return {
    store: context.store,
    fetcher,
    now: Date.now,
    bounds: { minIntervalMs: schedule.minIntervalMinutes * 60_000, maxIntervalMs: schedule.maxIntervalMinutes * 60_000 },
    embeds: clean.embeds,
  };
}
