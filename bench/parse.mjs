#!/usr/bin/env node
// Parser throughput: every real corpus feed (kind=real in /work/shared/corpus/index.tsv), read
// into memory once, parsed in one process by tributary and by each peer library
// (bench/peers/*.mjs). tributary gets the raw bytes (encoding detection is part of the work);
// peers get the bytes too and decode them as UTF-8 themselves, as their users would.
// Prints MB/s and files/s per parser (median of the timed rounds), then the memory check:
// a generated 50 MB feed and a 100,000-item feed parsed in a child process, peak RSS vs size.
//
// Usage: node bench/parse.mjs [--rounds N] [--only NAME] [--no-memory] [--json FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);

if (args[0] === '--memory-child') {
  await measureMemoryChild(args[1]);
  process.exit(0);
}
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(option('--rounds', 5));
const only = option('--only', null);
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

if (!existsSync(`${corpus}index.tsv`)) {
  console.log(`parse bench: ${corpus}index.tsv not found (the shared corpus is absent); nothing to measure`);
  process.exit(0);
}

const rows = readFileSync(`${corpus}index.tsv`, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
const files = rows.filter((r) => r[1] === 'real').map((r) => readFileSync(corpus + r[0]));
const totalBytes = files.reduce((sum, b) => sum + b.length, 0);

const peerNames = ['tributary', 'feedsmith', 'rss-parser', 'rowanmanning', 'extractus'];
const peers = [];
for (const name of peerNames) {
  if (only && only !== name) continue;
  peers.push((await import(`./peers/${name}.mjs`)).default);
}

/** One pass over the corpus; the timed runs call only the library (no contract mapping). */
async function parseAll(peer, count = false) {
  let entries = 0;
  let failures = 0;
  for (const bytes of files) {
    try {
      const result = await peer.parse(bytes);
      if (!count) continue;
      const contract = peer.toContract(result);
      if (contract.ok) entries += contract.entries.length;
      else failures++;
    } catch {
      failures++;
    }
  }
  return { entries, failures };
}

// Rounds are interleaved (every parser once per round) so that a busy machine slows all of
// them alike; each parser's median round is reported, and its best.
const counts = new Map();
const times = new Map(peers.map((peer) => [peer, []]));
for (const peer of peers) {
  counts.set(peer, await parseAll(peer, true)); // also the JIT warm-up
  await parseAll(peer);
}
for (let i = 0; i < rounds; i++) {
  for (const peer of peers) {
    const start = process.hrtime.bigint();
    await parseAll(peer);
    times.get(peer).push(Number(process.hrtime.bigint() - start) / 1e9);
  }
}
const results = peers.map((peer) => {
  const sorted = times.get(peer).sort((a, b) => a - b);
  const seconds = sorted[Math.floor(sorted.length / 2)];
  return { name: peer.name, seconds, mbPerSecond: totalBytes / 1e6 / seconds, filesPerSecond: files.length / seconds, best: totalBytes / 1e6 / sorted[0], ...counts.get(peer) };
});

console.log(`parse bench: ${files.length} real feeds, ${(totalBytes / 1e6).toFixed(1)} MB, median of ${rounds} rounds`);
console.log(`machine: ${os.cpus()[0]?.model ?? '?'} (${os.cpus().length} cpus), node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('parser                         MB/s    files/s  best MB/s   entries  failed');
const fastestPeer = Math.max(...results.filter((r) => r.name !== 'tributary').map((r) => r.mbPerSecond));
for (const r of results) {
  console.log(`${r.name.padEnd(28)} ${r.mbPerSecond.toFixed(1).padStart(7)} ${r.filesPerSecond.toFixed(0).padStart(10)} ${r.best.toFixed(1).padStart(10)} ${String(r.entries).padStart(9)} ${String(r.failures).padStart(7)}`);
}
const ours = results.find((r) => r.name === 'tributary');
if (ours && Number.isFinite(fastestPeer)) console.log(`tributary / fastest peer: ${(ours.mbPerSecond / fastestPeer).toFixed(2)}x`);

const memory = [];
if (!flag('--no-memory') && (!only || only === 'tributary')) {
  const dir = mkdtempSync(`${os.tmpdir()}/tributary-parse-bench-`);
  try {
    for (const shape of ['large-50mb', 'items-100k']) {
      const file = `${dir}/${shape}.xml`;
      writeFileSync(file, generateFeed(shape));
      for (const mode of ['stream', 'whole']) {
        const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--memory-child', `${shape}:${mode}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 20 });
        memory.push(JSON.parse(out.trim().split('\n').pop()));
      }
      memory.push(measureCli(shape, file));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('memory (child process per document; peak = max RSS minus the RSS before the parse; cli = the whole `tributary parse FILE --json` process, Node itself included):');
  for (const m of memory) {
    const over = m.mode === 'cli' ? 'the whole process' : 'over the empty process';
    console.log(`  ${m.shape.padEnd(11)} ${m.mode.padEnd(7)} ${(m.bytes / 1e6).toFixed(1)} MB, ${m.entries} entries, ${m.seconds.toFixed(2)} s, peak RSS ${m.mode === 'cli' ? '' : '+'}${(m.peakBytes / 1e6).toFixed(0)} MB ${over} = ${m.ratio.toFixed(2)}x the document`);
  }
}

const jsonFile = option('--json', null);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ date: new Date().toISOString(), files: files.length, bytes: totalBytes, results, memory }, null, 1));

/** A synthetic ~50 MB feed: 4,000 long items (12 KB of HTML each), or 100,000 items of ~500 bytes. */
function generateFeed(shape) {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench feed</title><link>https://bench.example/</link>\n'];
  const items = shape === 'items-100k' ? 100_000 : 4_000;
  const paragraph = '<p>Ünïcödé text with an <a href="https://bench.example/x?a=1&amp;b=2">escaped link</a> and “quotes” — lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n';
  const body = shape === 'items-100k' ? `&lt;p&gt;${'A short item body &amp;amp; more, as a summary would read. '.repeat(4)}&lt;/p&gt;` : `<![CDATA[${paragraph.repeat(70)}]]>`;
  for (let i = 0; i < items; i++) {
    parts.push(`<item><title>Item ${i} &#8211; bench</title><link>https://bench.example/items/${i}</link><guid isPermaLink="false">bench-${i}</guid><dc:creator>Writer ${i % 50}</dc:creator><pubDate>Mon, 02 May 2022 10:${String(i % 60).padStart(2, '0')}:00 +0000</pubDate><description>${shape === 'items-100k' ? body : 'Summary of item ' + i}</description>${shape === 'items-100k' ? '' : `<content:encoded>${body}</content:encoded>`}</item>\n`);
  }
  parts.push('</channel></rss>\n');
  return Buffer.from(parts.join(''));
}

/**
 * `tributary parse FILE --json` as a user runs it, its output thrown away: the peak RSS of the
 * whole process (Node's own ~40 MB included), read when it exits.
 */
function measureCli(shape, file) {
  const bin = fileURLToPath(new URL('../dist/bin/tributary.mjs', import.meta.url));
  const wrapper = `process.argv = [process.argv[0], ${JSON.stringify(bin)}, 'parse', ${JSON.stringify(file)}, '--json'];
    const started = process.hrtime.bigint();
    process.on('exit', () => process.stderr.write('\\n' + JSON.stringify({ peak: process.resourceUsage().maxRSS * 1024, seconds: Number(process.hrtime.bigint() - started) / 1e9 }) + '\\n'));
    await import(${JSON.stringify(bin)});`;
  const result = spawnSync(process.execPath, ['--max-old-space-size=1024', '--input-type=module', '-e', wrapper], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const { peak, seconds } = JSON.parse(result.stderr.trim().split('\n').pop());
  const bytes = statSync(file).size;
  const entries = shape === 'items-100k' ? 100_000 : 4_000;
  return { shape, mode: 'cli', bytes, entries, seconds, peakBytes: peak, ratio: peak / bytes };
}

/**
 * In a fresh process: parse the document and report the peak RSS over the idle process.
 * `whole`: the file read into memory and given to parseFeed (the document counts against the
 * peak). `stream`: read 64 KB at a time into createFeedParser, as the fetcher hands over a body
 * while it arrives (the whole document is never in memory).
 */
async function measureMemoryChild(spec) {
  const [shape, mode, file] = spec.split(':');
  const { createFeedParser, parseFeed } = await import(new URL('../dist/parse/index.js', import.meta.url).href);
  parseFeed('<rss version="2.0"><channel><item><title>warm</title></item></channel></rss>');
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  const bytes = statSync(file).size;
  const start = process.hrtime.bigint();
  let feed;
  if (mode === 'whole') feed = parseFeed(readFileSync(file));
  else {
    const parser = createFeedParser();
    const chunk = Buffer.alloc(65_536);
    const fd = openSync(file, 'r');
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) parser.write(chunk.subarray(0, n));
    closeSync(fd);
    feed = parser.end();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = process.resourceUsage().maxRSS * 1024;
  const peakBytes = Math.max(0, peak - baseline);
  console.log(JSON.stringify({ shape, mode, bytes, entries: feed.entries.length, seconds, peakBytes, ratio: peakBytes / bytes }));
}
