import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../model/feed.js';
import { decodeDocument } from './decode-document.js';
import { parseFeed } from './index.js';
import { evaluateExpectation, NotApplicable } from './testdata/ufp-expect.js';

// The Universal Feed Parser's conformance cases, each judged by its own `Expect:` line mapped
// onto tributary's model. The outcome of every case is checked in (testdata/ufp-expectations.json)
// so a regression shows as a changed line; `UPDATE_UFP=1 npx vitest run src/parse/ufp` rewrites it.

const ufpDir = fileURLToPath(new URL('../../../shared/corpus/ufp/', import.meta.url));
const expectationsFile = fileURLToPath(new URL('./testdata/ufp-expectations.json', import.meta.url));
const present = existsSync(ufpDir);

function listCases(dir: string, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = `${dir}${name}`;
    if (statSync(path).isDirectory()) return listCases(`${path}/`, `${prefix}${name}/`);
    return name === 'LICENSE' ? [] : [`${prefix}${name}`];
  });
}

interface UfpCase { expect: string | null; headers: Record<string, string> }

function readCase(bytes: Buffer): UfpCase {
  const text = decodeDocument(bytes).text;
  const json = /"__TEST__"\s*:\s*"([^"]*)"/.exec(text);
  const comment = json ? json[1] as string : /<!--([\s\S]*?)-->/.exec(text)?.[1] ?? '';
  const headers: Record<string, string> = {};
  for (const m of comment.matchAll(/^\s*Header:\s*([\w-]+):\s*(.*)$/gm)) headers[(m[1] as string).toLowerCase()] = (m[2] as string).trim();
  const expectMatch = /Expect:\s*([\s\S]*?)(?:-->|$)/.exec(comment);
  return { expect: expectMatch ? (expectMatch[1] as string).trim() : null, headers };
}

const EMPTY: ParsedFeed = {
  format: 'unknown', title: null, link: null, description: null, language: null, iconUrl: null, selfUrl: null, hubs: [],
  pollHints: { ttlMinutes: null, updatePeriod: null, updateFrequency: null, skipHours: [], skipDays: [] },
  bozo: true, bozoMessage: 'not a feed', entries: [],
};

/**
 * Cases where tributary deliberately differs from the reference (each explained in
 * docs/parser.md), or that assume what the parser is never given (the test server's URL).
 */
const DELIBERATE: Array<[RegExp, string]> = [
  [/^entities\/(lang|rang)\.xml$/, 'HTML5 entity values (&lang; is U+27E8), not HTML 4'],
  [/_crazy\.xml$|xml_(malicious|unclosed)_comment|script_nested_cdata|item_description_not_a_doctype/, 'expects the reference sanitizer\'s re-serialised markup; sanitizing is the clean stage\'s job'],
  [/_docuri\.xml$|headers_content_location-(relative|unsafe)/, 'resolves against the URL of the reference\'s test server, which the parser is not given'],
  [/http_entry_id_base_/, 'ids are kept as written, never resolved as URLs (an id must not change with the feed URL)'],
  [/atom10\/entry_category_term/, 'categories show the human-readable label when there is one (RFC 4287 §4.2.2.3)'],
  [/item_(description_and_summary|summary_and_description)/, 'a second summary element does not replace content (reference promotes it to content)'],
  [/item_madeup_tags_element/, 'a made-up <tags> element is not a category list'],
  [/bozo_linenoise/, 'expects mojibake kept as is; tributary repairs double-encoded UTF-8'],
  [/http_content_language/, 'the Content-Language header is not passed to the parser'],
  [/entry_content_src/, 'out-of-line content (src) is not fetched, and the model has no field for its URL'],
];

/** 'pass', 'fail' or 'n/a: why'. */
function runCase(file: string): string {
  const deliberate = DELIBERATE.find(([re]) => re.test(file));
  if (deliberate) return `n/a: ${deliberate[1]}`;
  const bytes = readFileSync(`${ufpDir}${file}`);
  const ufp = readCase(bytes);
  if (!ufp.expect) return 'n/a: no Expect line';
  let feed: ParsedFeed;
  try {
    feed = parseFeed(bytes, { contentType: ufp.headers['content-type'] ?? null, baseUrl: ufp.headers['content-location'] ?? null });
  } catch {
    feed = EMPTY;
  }
  try {
    return evaluateExpectation(ufp.expect, feed) ? 'pass' : 'fail';
  } catch (error) {
    if (error instanceof NotApplicable) return `n/a: ${error.message}`;
    throw error;
  }
}

describe.skipIf(!present)('Universal Feed Parser conformance cases (/work/shared/corpus/ufp)', () => {
  const files = present ? listCases(ufpDir) : [];
  const results: Record<string, string> = {};
  for (const file of files) results[file] = runCase(file);

  it('passes at least 95% of the cases that apply to tributary', () => {
    const outcomes = Object.values(results);
    const applicable = outcomes.filter((r) => !r.startsWith('n/a'));
    const passed = applicable.filter((r) => r === 'pass').length;
    console.log(`UFP conformance: ${passed}/${applicable.length} applicable cases pass (${(100 * passed / applicable.length).toFixed(1)}%), ${outcomes.length - applicable.length} not applicable`);
    expect(passed / applicable.length).toBeGreaterThanOrEqual(0.95);
  });

  it('matches the checked-in outcome of every case (a changed line is a regression or a fix)', () => {
    if (process.env.UPDATE_UFP) writeFileSync(expectationsFile, JSON.stringify(results, null, 1) + '\n');
    const recorded = JSON.parse(readFileSync(expectationsFile, 'utf8')) as Record<string, string>;
    expect(results).toEqual(recorded);
  });
});
