#!/usr/bin/env node
// Benchmark entry point: `npm run bench` runs every benchmark, `npm run bench -- NAME [args]`
// one of them (bench/NAME.mjs). Benchmarks import the compiled code in dist/ (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here).filter((file) => file.endsWith('.mjs') && !file.startsWith('_')).map((file) => file.slice(0, -4)).sort();
const [name, ...args] = process.argv.slice(2);
if (!existsSync(join(here, '..', 'dist', 'bin', 'tributary.mjs'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const names = name ? [name] : available;
for (const bench of names) {
  if (!available.includes(bench)) {
    console.error(`bench: no benchmark named ${bench} (have: ${available.join(', ')})`);
    process.exit(2);
  }
  console.log(`\n=== bench ${bench} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, `${bench}.mjs`), ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
