/**
 * @module model
 * Shared data types and the error catalogue; every stage may import from here.
 */
export type * from './feed.js';
export { errorCodes, TributaryError, HttpStatusError, isTributaryError, redactUrl } from './errors.js';
export type { ErrorCode } from './errors.js';
