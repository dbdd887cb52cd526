#!/usr/bin/env -S node --max-old-space-size=1024
/**
 * @module cli-entry
 * The `tributary` executable. The heap limit in the first line is not a limit anyone should hit
 * (a fetch cycle's live data is tens of MB): given any explicit limit, V8 grows the heap far less
 * eagerly than with its default of a quarter of the machine's memory, which keeps a first cycle
 * of thousands of feeds at ~260 MB instead of ~380 MB.
 *
 * The commands that put the store on its own thread get that thread started first, and the rest
 * of the CLI is imported after (a chunk of its own in the bundle), so both load at once.
 */
import { prestartStoreThread } from './store/prestart.js';

/** Commands that open the store on a worker thread (`openContext(..., { threaded: true })`). */
const threadedCommands = new Set(['fetch', 'serve', 'demo']);

const args = process.argv.slice(2);
if (args.some((arg) => threadedCommands.has(arg))) prestartStoreThread();

// `tributary river | head`: the reader went away; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { runCli } = await import('./cli/index.js');
process.exitCode = await runCli(args);
