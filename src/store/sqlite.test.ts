import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from './index.js';
import type { Store } from './index.js';
import { runStoreSuite } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'tributary-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const urls = new WeakMap<Store, string>();
let counter = 0;

async function openAt(url: string): Promise<Store> {
  const store = await openStore(url);
  urls.set(store, url);
  return store;
}

runStoreSuite('sqlite', {
  open: () => openAt(`sqlite:${join(dir, `store-${++counter}.db`)}`),
  reopen: (closed) => openAt(urls.get(closed) ?? ''),
});
