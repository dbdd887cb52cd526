/**
 * The store on a worker thread must behave exactly like the store itself: the shared store suite
 * runs against it. It loads the compiled worker, so it runs on the build (dist/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
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
