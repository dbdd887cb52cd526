/**
 * @module cli/logger
 * Structured logs (pino) on stderr for the long-running commands; level from TRIBUTARY_LOG.
 */
import { pino } from 'pino';
import type { Logger } from 'pino';

export function createLogger(): Logger {
  return pino({ level: process.env.TRIBUTARY_LOG ?? 'info', base: { app: 'tributary' } }, pino.destination(2));
}
