/**
 * @module server
 * The live web app (`tributary serve`): Hono routes over the publish stage, run on Node.
 */
export type { AppOptions } from './app.js';
export { createApp } from './app.js';
export type { RunningServer } from './start-server.js';
export { startServer } from './start-server.js';
