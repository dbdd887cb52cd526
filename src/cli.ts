#!/usr/bin/env -S node --max-old-space-size=1024
/**
 * @module cli-entry
 * The `tributary` executable. The heap limit in the first line is not a limit anyone should hit
 * (a fetch cycle's live data is tens of MB): given any explicit limit, V8 grows the heap far less
 * eagerly than with its default of a quarter of the machine's memory, which keeps a first cycle
 * of thousands of feeds at ~260 MB instead of ~380 MB.
 */
import { runCli } from './cli/index.js';

// `tributary river | head`: the reader went away; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
