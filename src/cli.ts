#!/usr/bin/env node
/**
 * @module cli-entry
 * The `tributary` executable.
 */
import { runCli } from './cli/index.js';

// `tributary river | head`: the reader went away; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
