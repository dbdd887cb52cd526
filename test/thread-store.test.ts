/**
 * The store on a worker thread must behave exactly like the store itself: the shared store suite
 * runs against it. It loads the compiled worker, so it runs on the build (dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store, StoreOptions } from '../src/store/index.js';
import { runStoreSuite } from '../src/store/store-suite.js';
import { repoRoot } from './helpers.js';

const distStore = join(repoRoot, 'dist', 'store', 'index.js');
const { openThreadStore } = (await import(distStore)) as { openThreadStore: (url: string, options?: StoreOptions) => Promise<Store> };

const dir = mkdtempSync(join(tmpdir(), 'tributary-thread-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const urls = new WeakMap<Store, string>();
let counter = 0;

async function openAt(url: string): Promise<Store> {
  const store = await openThreadStore(url);
  urls.set(store, url);
  return store;
}

runStoreSuite('sqlite on a worker thread', {
  open: () => openAt(`sqlite:${join(dir, `store-${++counter}.db`)}`),
  reopen: (closed) => openAt(urls.get(closed) ?? ''),
});

const prestart = (await import(join(repoRoot, 'dist', 'store', 'prestart.js'))) as {
  prestartStoreThread: () => void;
  takePrestartedStoreThread: () => unknown;
};

describe('a store thread started early (store/prestart)', () => {
  it('is adopted by the next openThreadStore, which opens the database on it', async () => {
    prestart.prestartStoreThread();
    const store = await openAt(`sqlite:${join(dir, 'prestarted.db')}`);
    expect(prestart.takePrestartedStoreThread()).toBeNull();
    await store.addFeed({ url: 'https://early.example/feed' }, 0);
    expect((await store.allFeeds()).map((feed) => feed.url)).toEqual(['https://early.example/feed']);
    await store.close();
  });

  it('does not keep a process alive when nothing adopts it', () => {
    const script = `import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'store', 'prestart.js')).href)}).then((m) => m.prestartStoreThread());`;
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 });
    expect(child.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
