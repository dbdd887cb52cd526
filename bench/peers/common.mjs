// Shared pieces of the peer adapters (bench/peers/*.mjs): each adapter maps one feed library's
// output onto the `tributary parse --json` contract, so tools/parse_agreement.py and
// bench/parse.mjs can compare the libraries on equal terms. Text goes through tributary's own
// htmlToPlainText (the agreement check's html_to_text), so no peer is penalised for layout.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const { htmlToPlainText } = await import(new URL('../../dist/parse/index.js', import.meta.url).href);

const first = (...values) => values.find((v) => v !== undefined && v !== null && v !== '') ?? null;

/** A string out of a library value (string, number, {value}, {#text}, {_text}, [first]). */
export function str(value) {
  if (value == null) return null;
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === 'object') return str(first(value.value, value['#text'], value._text, value._, value.name, value.href));
  const s = String(value);
  return s.trim() ? s : null;
}

/** Plain text: HTML flattened (tags to spaces, entities decoded), whitespace collapsed. */
export function plain(value) {
  const s = str(value);
  return s ? htmlToPlainText(s) || null : null;
}

/** Text of the entry body, at most 300 code points. */
export function body(value) {
  const text = plain(value);
  return text ? [...text].slice(0, 300).join('').replace(/ +$/, '') || null : null;
}

/** A date-ish value as `YYYY-MM-DDTHH:MM:SSZ`, via Date when the library left a string. */
export function utc(value) {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export { first };

/**
 * Runs an adapter as a batch peer: paths on stdin, one contract JSON a line with `file`.
 * An adapter is `{ name, parse(bytes) → the library's own result, toContract(result) }`.
 */
export async function runBatchIfMain(metaUrl, adapter) {
  if (process.argv[1] !== fileURLToPath(metaUrl)) return;
  for await (const line of createInterface({ input: process.stdin })) {
    const file = line.trim();
    if (!file) continue;
    let out;
    try {
      out = adapter.toContract(await adapter.parse(readFileSync(file)));
    } catch (error) {
      out = { ok: false, error: String(error?.message ?? error).split('\n')[0], threw: true };
    }
    process.stdout.write(JSON.stringify({ ...out, file }) + '\n');
  }
}
