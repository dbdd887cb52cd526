/**
 * @module store/store-errors
 * Turns whatever a database driver throws into a TributaryError('STORE_FAILED') with a one-line
 * message, keeping the original as `cause`; tributary's own errors pass through unchanged.
 */
import { TributaryError, redactUrl } from '../model/index.js';

function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]?.trim() || 'unknown error';
}

/** The error to throw for a failed store operation `action` (e.g. "add feed https://…"). */
export function toStoreError(error: unknown, action: string, database: string, url: string | null = null): TributaryError {
  if (error instanceof TributaryError) return error;
  return new TributaryError('STORE_FAILED', `Store ${redactUrl(database)} could not ${action}: ${firstLineOf(error)}`, {
    url,
    cause: error,
  });
}

/** Runs `operation`, converting its failure with {@link toStoreError}. */
export async function guardStoreCall<T>(
  database: string,
  action: string,
  url: string | null,
  operation: () => Promise<T>,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error, action, database, url);
  }
}
