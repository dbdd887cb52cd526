// Bundles the compiled CLI (dist/cli.js) and its pure-JS dependencies into one file,
// dist/bin/tributary.mjs. Loading one file instead of ~700 modules (Kysely alone is 280) cuts the
// start of every command from ~0.8 s to ~0.3 s, which is most of a steady-state fetch cycle.
// better-sqlite3 stays external (a native addon). The bundle sits two levels below the package
// root, like every compiled module, so paths computed from import.meta.url (themes, package.json)
// stay the same.
//
// The store's worker thread (dist/store/store-worker.js) is bundled the same way, beside it, as
// store-worker.bundle.mjs: the fetch commands start it, and it would otherwise load Kysely's
// modules one by one while the main thread waits for it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  banner: { js: "import { createRequire as __tributaryCreateRequire } from 'node:module';\nconst require = __tributaryCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
};

// The chunks' names carry a hash: start from an empty folder so no stale chunk is left beside them.
rmSync('dist/bin', { recursive: true, force: true });
// Split at the entry's dynamic import: dist/bin/tributary.mjs is the small entry (it starts the
// store thread, see src/store/prestart.ts), the CLI a chunk beside it in the same folder.
await build({
  ...common,
  entryPoints: { tributary: 'dist/cli.js' },
  outdir: 'dist/bin',
  splitting: true,
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
});
await build({ ...common, entryPoints: ['dist/store/store-worker.js'], outfile: 'dist/store/store-worker.bundle.mjs' });
