/**
 * @module cli
 * The `tributary` command line: global options, then one module per group of commands. Errors
 * raised on purpose (TributaryError) print as one line; anything else prints its stack.
 */
import { Command } from 'commander';
import { isTributaryError } from '../model/index.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerFetchCommand } from './commands/fetch.js';
import { registerParseCommand } from './commands/parse.js';
import { registerPublishCommands } from './commands/publish.js';
import { registerSubscriptionCommands } from './commands/subscriptions.js';
import type { GlobalOptions } from './context.js';

export const version = '0.1.0';

/** Builds the program (separate from running it, for tests). */
export function createProgram(): Command {
  const program = new Command('tributary')
    .description('a feed aggregator: many feeds in, one river out')
    .version(version)
    .option('--config <file>', 'configuration file', './tributary.yaml')
    .option('--db <url>', 'database: sqlite:PATH (or postgres://…)', 'sqlite:./tributary.db')
    .option('--allow-private', 'allow feeds on loopback and private addresses', false)
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  const globals = (): GlobalOptions => {
    const options = program.opts<{ config: string; db: string; allowPrivate: boolean }>();
    return { ...options, configExplicit: program.getOptionValueSource('config') !== 'default' };
  };
  registerSubscriptionCommands(program, globals);
  registerFetchCommand(program, globals);
  registerPublishCommands(program, globals);
  registerParseCommand(program, globals);
  registerDemoCommand(program, globals);
  return program;
}

/** Runs the CLI with `argv`; returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (isTributaryError(error) || isSystemError(error)) console.error(`tributary: ${error.message}`);
    else console.error(error);
    return 1;
  }
}

/**
 * A failure of the operating system (a path that is a file, no permission, a full disk): its
 * message already names the call and the path, so the user gets that one line, not a stack.
 */
function isSystemError(error: unknown): error is Error {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string' && /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException).code));
}
