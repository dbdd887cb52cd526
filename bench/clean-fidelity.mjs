// Fidelity of tributary's entry cleaner over the shared real-world corpus: the share of the
// source's images, links, code blocks, tables and figures that survive cleaning, and why the
// others were dropped. Usage: npm run build && node bench/clean-fidelity.mjs [--list]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { isPixelTracker, sanitizeEntryHtml } from '../dist/clean/index.js';
import { loadCorpusEntries } from './clean.mjs';

const KINDS = { img: 'images', a: 'links', pre: 'code blocks', table: 'tables', figure: 'figures' };
const DROPPED_CONTAINERS = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'object', 'applet', 'iframe', 'noembed', 'noframes',
  'title', 'textarea', 'select', 'button', 'head', 'option',
]);
const SAFE_SCHEME = /^(?:https?|mailto|tel|sms|ftp|sftp|magnet|xmpp|ircs?|news|nntp|gemini|geo|webcal|feed|matrix|bitcoin):/i;

/** The entry's base URL when it is an absolute http(s) URL (the cleaner ignores any other). */
function httpBase(base) {
  try {
    return /^https?:$/.test(new URL(base).protocol) ? base : null;
  } catch {
    return null;
  }
}

/** Why the cleaner should drop this element on purpose, or null when it ought to survive. */
function expectedDrop(name, attributes, containers, links, base) {
  if (containers > 0) return `inside a dropped element (script, svg, noscript, iframe…)`;
  if (name === 'a') {
    if (links > 0) return 'link nested in a link';
    const href = (attributes.href ?? '').trim();
    if (href === '' || href === '#') return 'link without a target';
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !SAFE_SCHEME.test(href)) return `link with a refused scheme (${href.split(':')[0].toLowerCase()}:)`;
    try {
      new URL(href, httpBase(base) ?? 'https://tributary.invalid/');
    } catch {
      return 'link with an unparsable URL (the browser could not follow it either)';
    }
  }
  if (name === 'img') {
    const raw = attributes['data-src'] ?? attributes['data-lazy-src'] ?? attributes['data-original'] ?? attributes.src ?? '';
    if (raw.trim() === '' && !attributes.srcset && !attributes['data-srcset']) return 'image without a source';
    let src = raw.trim();
    try {
      src = new URL(src, httpBase(base) ?? undefined).href;
    } catch {
      /* relative without base: judged as written */
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^(?:https?:|data:image\/(?:png|gif|jpeg|webp|avif)[;,])/i.test(src)) return 'image with a refused scheme';
    if (isPixelTracker({ src, width: attributes.width, height: attributes.height, style: attributes.style })) return 'tracking pixel, feed ad or share-button image';
  }
  return null;
}

function countSource(html, base, tally, droppedElements) {
  let containers = 0;
  let links = 0;
  const stack = [];
  // Links and figures are judged when they close, once we know whether anything visible was in them.
  const open = [];
  const record = (kind, reason) => {
    tally[kind].source++;
    if (reason) tally[kind].reasons[reason] = (tally[kind].reasons[reason] ?? 0) + 1;
    else tally[kind].expected++;
  };
  const markVisible = () => {
    for (const item of open) if (item) item.visible = true;
  };
  new Parser(
    {
      onopentag(name, attributes) {
        const kind = KINDS[name];
        const counted = kind && (name !== 'a' || attributes.href !== undefined);
        const reason = counted ? expectedDrop(name, attributes, containers, links, base) : null;
        if (name === 'a' || name === 'figure') open.push(counted ? { kind, reason, visible: false, trackers: 0, iframes: 0 } : null);
        else if (counted) record(kind, reason);
        if (containers === 0 && name === 'img') {
          if (reason === null) markVisible();
          else for (const item of open) if (item) item.trackers++;
        }
        if (containers === 0 && (name === 'iframe' || name === 'object' || name === 'embed')) for (const item of open) if (item) item.iframes++;
        if (containers === 0 && (DROPPED_CONTAINERS.has(name) || ['embed', 'form', 'input', 'frame', 'style'].includes(name))) {
          droppedElements[name] = (droppedElements[name] ?? 0) + 1;
        }
        stack.push(name);
        if (DROPPED_CONTAINERS.has(name)) containers++;
        if (name === 'a') links++;
      },
      ontext(text) {
        if (containers === 0 && /\S/.test(text)) markVisible();
      },
      onclosetag() {
        const name = stack.pop();
        if (DROPPED_CONTAINERS.has(name)) containers--;
        if (name === 'a') links--;
        if (name !== 'a' && name !== 'figure') return;
        const item = open.pop();
        if (!item) return;
        let reason = item.reason;
        if (reason === null && !item.visible) {
          if (item.iframes > 0) reason = `${item.kind} holding only a refused embed (iframe/object)`;
          else if (item.trackers > 0) reason = `${item.kind} holding only a tracking/ad image`;
          else reason = `empty ${item.kind} (nothing visible inside)`;
        }
        record(item.kind, reason);
      },
    },
    { decodeEntities: true },
  ).end(html);
}

function countCleaned(html) {
  const counts = Object.fromEntries(Object.values(KINDS).map((kind) => [kind, 0]));
  new Parser({
    onopentag(name, attributes) {
      const kind = KINDS[name];
      if (kind && (name !== 'a' || attributes.href !== undefined)) counts[kind]++;
    },
  }).end(html);
  return counts;
}

async function main() {
  if (!existsSync(fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url)))) {
    console.log('skipped: /work/shared/corpus/real is absent');
    return;
  }
  const list = process.argv.includes('--list');
  const entries = await loadCorpusEntries();
  const droppedElements = {};
  let keptIframes = 0;
  const cleaned = new Map();
  const cleanedHtml = (entry) => {
    if (!cleaned.has(entry)) cleaned.set(entry, sanitizeEntryHtml(entry.html, { baseUrl: entry.baseUrl }));
    return cleaned.get(entry);
  };
  const tally = Object.fromEntries(Object.values(KINDS).map((kind) => [kind, { source: 0, expected: 0, kept: 0, keptCapped: 0, reasons: {}, lost: [] }]));
  for (const entry of entries) {
    const before = Object.fromEntries(Object.entries(tally).map(([kind, t]) => [kind, t.expected]));
    countSource(entry.html, entry.baseUrl, tally, droppedElements);
    keptIframes += (cleanedHtml(entry).match(/<iframe /g) ?? []).length;
    for (const [kind, count] of Object.entries(countCleaned(cleanedHtml(entry)))) {
      tally[kind].kept += count;
      const expected = tally[kind].expected - before[kind];
      tally[kind].keptCapped += Math.min(count, expected);
      if (count < expected) tally[kind].lost.push(`${entry.file}: ${expected - count} of ${expected}`);
    }
  }
  console.log(`${entries.length} entries with HTML`);
  console.log('| element | in source | kept | kept / source | dropped on purpose | kept / (source − on purpose) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  let keptAll = 0;
  let expectedAll = 0;
  for (const [kind, t] of Object.entries(tally)) {
    const onPurpose = t.source - t.expected;
    keptAll += t.keptCapped;
    expectedAll += t.expected;
    const share = (value, total) => (total === 0 ? '–' : `${((100 * value) / total).toFixed(2)} %`);
    console.log(`| ${kind} | ${t.source} | ${t.kept} | ${share(t.kept, t.source)} | ${onPurpose} | ${share(t.keptCapped, t.expected)} |`);
  }
  console.log('(kept may exceed the source where a link is reopened inside a block, as browsers do; the last column counts each entry at most up to its source count)');
  console.log(`\nall five kinds, excluding deliberate drops: ${((100 * keptAll) / expectedAll).toFixed(2)} % kept`);
  const dropped = Object.entries(droppedElements).sort((a, b) => b[1] - a[1]);
  const math = droppedElements.math ?? 0;
  delete droppedElements.math;
  console.log(`  MathML formulas written as their TeX annotation, alttext or text: ${math}`);
  console.log(`  elements dropped with their content (outermost only): ${dropped.filter(([name]) => name !== 'math').map(([name, count]) => `${name} × ${count}`).join(', ')}`);
  console.log(`  iframes kept (allowed video players): ${keptIframes}`);
  for (const [kind, t] of Object.entries(tally)) {
    for (const [reason, count] of Object.entries(t.reasons)) console.log(`  dropped on purpose, ${kind}: ${reason} × ${count}`);
    if (t.lost.length > 0) console.log(`  ${kind} lost unexpectedly in ${t.lost.length} entries${list ? `:\n    ${t.lost.join('\n    ')}` : ' (--list to see them)'}`);
  }
}

await main();
