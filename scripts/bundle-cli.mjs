// Bundles the compiled CLI (dist/cli.js) and its pure-JS dependencies into one file,
// dist/bin/tributary.mjs. Loading one file instead of ~700 modules (Kysely alone is 280) cuts the
// start of every command from ~0.8 s to ~0.3 s, which is most of a steady-state fetch cycle.
// better-sqlite3 stays external (a native addon). The bundle sits two levels below the package
// root, like every compiled module, so paths computed from import.meta.url (themes, package.json)
// stay the same.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli.js'],
  outfile: 'dist/bin/tributary.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  banner: { js: "import { createRequire as __tributaryCreateRequire } from 'node:module';\nconst require = __tributaryCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
