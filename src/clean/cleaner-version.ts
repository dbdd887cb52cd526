/**
 * @module clean/cleaner-version
 * Stored entries remember which cleaner produced their HTML: the refresh chain skips cleaning an
 * entry whose source is unchanged since it was stored, so a change to the cleaner's rules must
 * change this string for entries to be cleaned again on their next fetch.
 */
export const cleanerVersion = '2026-11-25.1';
