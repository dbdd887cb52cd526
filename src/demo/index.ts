/**
 * @module demo
 * The built-in demo: a few feeds of every kind, served on loopback, so `npm start` shows a real
 * river with no network and no database server.
 */
export { startDemoServer } from './demo-server.js';
export type { DemoServer } from './demo-server.js';
export { demoDocuments } from './demo-feeds.js';
export type { DemoDocument } from './demo-feeds.js';
