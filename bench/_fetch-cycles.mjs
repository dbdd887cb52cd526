// Helper of bench/fetch.mjs (files starting with _ are not benchmarks of their own): two fetch cycles in ONE process, the way `tributary serve` runs them
// (the scheduler's cycles share a warm process: JIT-compiled code, open connections). Runs the
// first cycle, tells the parent (which then changes 10 % of the farm) and waits for a line on
// stdin, runs the steady cycle, and prints both summaries as JSON lines.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { createConfig } = await import(join(dist, 'config/index.js'));
const { createFetcher } = await import(join(dist, 'fetch/index.js'));
const { openThreadStore } = await import(join(dist, 'store/index.js'));
const { runFetchCycle } = await import(join(dist, 'schedule/index.js'));

const [dbPath, concurrency] = process.argv.slice(2);
const config = createConfig({ fetch: { concurrency: Number(concurrency) } });
const store = await openThreadStore(`sqlite:${dbPath}`);
const fetcher = createFetcher({ allowPrivate: true, perHostConcurrency: config.fetch.perHostConcurrency });
const deps = { store, fetcher, now: Date.now, bounds: { minIntervalMs: 15 * 60_000, maxIntervalMs: 24 * 3_600_000 } };
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

for (const label of ['first', 'steady']) {
  const feeds = await store.allFeeds();
  const cpu = process.cpuUsage();
  const summary = await runFetchCycle(deps, feeds, { concurrency: config.fetch.concurrency });
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ label, ...summary, cpuSeconds: (used.user + used.system) / 1e6 }));
  if (label === 'first') await lines.next();
}
await fetcher.close();
await store.close();
process.exit(0);
