/**
 * @module subscribe/normalize-url
 * What a user types is not always a URL: `example.org/feed` or `feed://…` are meant as http(s).
 */
import { TributaryError } from '../model/index.js';

/** Turns user input into an absolute http(s) URL, or throws FETCH_BAD_URL. */
export function normalizeFeedUrl(input: string): string {
  let text = input.trim();
  if (/^feed:\/\//i.test(text)) text = `https://${text.slice(7)}`;
  else if (/^feed:/i.test(text)) text = text.slice(5);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TributaryError('FETCH_BAD_URL', `not a URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TributaryError('FETCH_BAD_URL', `only http and https feeds can be fetched: ${input}`, { url: input });
  }
  url.hash = '';
  return url.toString();
}
