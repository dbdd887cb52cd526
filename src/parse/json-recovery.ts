/**
 * @module parse/json-recovery
 * Two things JSON feeds do in the wild besides JSON Feed: a document cut short (a partial
 * download, a size limit) — recovered by closing it after the last complete value, so the items
 * that arrived are kept — and "RSS in JSON" (Dave Winer's rss.js rendering of RSS 2.0,
 * `{"rss": {"channel": {..., "item": [...]}}}`), turned into the JSON Feed shape.
 */

type Json = Record<string, unknown>;

const MAX_ATTEMPTS = 25;

/**
 * Parses JSON that may have been truncated. Returns the value and whether it had to be
 * repaired, or null when nothing could be recovered. One pass records, at each `}`/`]` outside a
 * string, the closers still needed; the latest few cut points are tried, newest first.
 */
export function parseTruncatedJson(text: string): { value: unknown; repaired: boolean } | null {
  try {
    return { value: JSON.parse(text), repaired: false };
  } catch {
    // fall through to repair
  }
  const stack: string[] = [];
  const cuts: Array<{ end: number; closers: string }> = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) stack.push('}');
    else if (c === 91) stack.push(']');
    else if (c === 125 || c === 93) {
      stack.pop();
      if (stack.length > 0) {
        cuts.push({ end: i + 1, closers: stack.slice().reverse().join('') });
        if (cuts.length > MAX_ATTEMPTS * 4) cuts.splice(0, cuts.length - MAX_ATTEMPTS);
      }
    }
  }
  for (let k = cuts.length - 1, tries = 0; k >= 0 && tries < MAX_ATTEMPTS; k--, tries++) {
    const cut = cuts[k] as { end: number; closers: string };
    try {
      return { value: JSON.parse(text.slice(0, cut.end) + cut.closers), repaired: true };
    } catch {
      // try an earlier cut
    }
  }
  return null;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An "RSS in JSON" document as a JSON Feed object, or null when `doc` is not one. */
export function rssJsonToJsonFeed(doc: unknown): Json | null {
  if (!isObject(doc) || !isObject(doc.rss) || !isObject(doc.rss.channel)) return null;
  const channel = doc.rss.channel;
  const items = Array.isArray(channel.item) ? channel.item : isObject(channel.item) ? [channel.item] : [];
  return {
    title: channel.title,
    home_page_url: channel.link,
    description: channel.description,
    language: channel.language,
    items: items.filter(isObject).map((item) => ({
      id: isObject(item.guid) ? item.guid['#value'] ?? item.guid.value : item.guid,
      url: item.link,
      title: item.title,
      content_html: item.description,
      date_published: item.pubDate,
      authors: typeof item.author === 'string' ? [{ name: item.author }] : undefined,
      tags: Array.isArray(item.category) ? item.category : undefined,
    })),
  };
}
