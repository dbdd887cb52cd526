/**
 * @module cli/logger
 * Structured logs (pino) on stderr for the long-running commands; level from TRIBUTARY_LOG.
 */
import { destination, pino } from 'pino';
import type { Logger } from 'pino';

export function createLogger(): Logger {
  return pino({ level: process.env.TRIBUTARY_LOG ?? 'info', base: { app: 'tributary' } }, destination(2));
}
