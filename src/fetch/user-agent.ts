/**
 * @module fetch/user-agent
 * The User-Agent tributary sends: it names the program, its version and where to read about it,
 * so a feed's owner can see who polls them (and how to complain).
 */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    // Same relative path from src/fetch and from dist/fetch.
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** `tributary/<version> (+https://github.com/tributary-aggregator/tributary)`. */
export const defaultUserAgent = `tributary/${readVersion()} (+https://github.com/tributary-aggregator/tributary)`;
