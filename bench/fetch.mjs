#!/usr/bin/env node
// Fetch benchmark: a feed farm on loopback, served by nginx, fetched by tributary (and, with
// --peers, by newsboat and a python3-feedparser loop over the same farm).
//
//   npm run bench -- fetch [--n 2000,10000] [--peers] [--concurrency 64] [--keep]
//
// The farm: N distinct feeds made from the real XML feeds of ../shared/corpus/real/ (each copy
// at its own URL, its guids and links made unique to the copy), served by nginx with ETag,
// Last-Modified, gzip and keep-alive, spread over 127.0.0.1 … 127.0.0.100. The first cycle
// fetches everything (all 200); then one new item is put at the top of 10% of the feeds and a
// steady-state cycle runs (200 for the changed feeds, 304 for the rest). For each cycle:
// feeds/s, new entries/s, peak RSS of the process tree, and the 200/304 counts from nginx's log.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'bin', 'tributary.mjs');
const corpus = join(here, '..', '..', 'shared', 'corpus', 'real');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const sizes = String(option('n', '2000,10000')).split(',').map(Number);
const withPeers = args.includes('--peers');
const keep = args.includes('--keep');
const concurrency = Number(option('concurrency', '64'));
const hosts = 100;

if (!existsSync(corpus)) {
  console.log(`bench fetch: skipped — ${corpus} is absent (the farm is made from the real corpus feeds)`);
  process.exit(0);
}
for (const tool of ['nginx', '/usr/bin/time']) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`]);
  } catch {
    console.log(`bench fetch: needs ${tool} (apt-get install -y nginx time)`);
    process.exit(2);
  }
}

const sources = readdirSync(corpus)
  .filter((name) => !name.endsWith('.json'))
  .map((name) => readFileSync(join(corpus, name)))
  .filter((bytes) => !bytes.subarray(0, 64).toString('latin1').trimStart().startsWith('{'));

/** A copy of a corpus feed whose guids, ids and links are unique to copy `k` (bytes kept as they are). */
function uniqueCopy(bytes, k) {
  const text = bytes.toString('latin1');
  return Buffer.from(
    text
      .replace(/(<(?:\w+:)?guid\b[^>]*>)\s*([^<\s][^<]*?)\s*(<\/(?:\w+:)?guid>)/g, (_, open, value, close) => `${open}${value}#copy${k}${close}`)
      .replace(/(<(?:\w+:)?id>)\s*([^<\s][^<]*?)\s*(<\/(?:\w+:)?id>)/g, (_, open, value, close) => `${open}${value}#copy${k}${close}`)
      .replace(/(<(?:\w+:)?link>)\s*(https?:[^<\s]*)\s*(<\/(?:\w+:)?link>)/g, (_, open, value, close) => `${open}${value}#copy${k}${close}`)
      .replace(/(<(?:\w+:)?link\b[^>]*\bhref=")(https?:[^"]*)(")/g, (_, open, value, close) => `${open}${value}#copy${k}${close}`),
    'latin1',
  );
}

/** The feed with one new item/entry before its first one (same prefix as the existing ones). */
function withNewItem(bytes, k) {
  const text = bytes.toString('latin1');
  const match = /<((?:\w+:)?)(item|entry)[\s>]/.exec(text);
  if (!match) return null;
  const [, prefix, kind] = match;
  const now = new Date();
  const item =
    kind === 'item'
      ? `<${prefix}item><${prefix}title>Bench new item ${k}</${prefix}title><${prefix}link>http://bench.example/new/${k}</${prefix}link><${prefix}guid>bench-new-${k}</${prefix}guid><${prefix}pubDate>${now.toUTCString()}</${prefix}pubDate><${prefix}description>A new item for the steady-state cycle.</${prefix}description></${prefix}item>`
      : `<${prefix}entry><${prefix}title>Bench new entry ${k}</${prefix}title><${prefix}link href="http://bench.example/new/${k}"/><${prefix}id>bench-new-${k}</${prefix}id><${prefix}updated>${now.toISOString()}</${prefix}updated><${prefix}summary>A new entry for the steady-state cycle.</${prefix}summary></${prefix}entry>`;
  return Buffer.from(text.slice(0, match.index) + item + text.slice(match.index), 'latin1');
}

function nginxConfig(dir, port) {
  const listens = Array.from({ length: hosts }, (_, i) => `    listen 127.0.0.${i + 1}:${port};`).join('\n');
  return `user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  types { application/rss+xml xml; }
  default_type application/xml;
  log_format bench '$status';
  access_log ${dir}/access.log bench;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  sendfile on; keepalive_timeout 65; keepalive_requests 1000000;
  gzip on; gzip_min_length 256; gzip_types application/xml application/rss+xml application/atom+xml text/xml;
  etag on;
  server {
${listens}
    root ${dir}/farm;
  }
}
`;
}

function statusCounts(dir) {
  const log = existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8') : '';
  const counts = {};
  for (const line of log.split('\n')) if (line) counts[line] = (counts[line] ?? 0) + 1;
  return counts;
}

function delta(after, before) {
  const out = {};
  for (const [status, count] of Object.entries(after)) if (count - (before[status] ?? 0)) out[status] = count - (before[status] ?? 0);
  return out;
}

/** Runs a command under /usr/bin/time; returns seconds, peak RSS (MB) of the process tree and stdout. */
function timed(command, commandArgs, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', command, ...commandArgs], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
      const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr);
      const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : null;
      if (code !== 0) reject(new Error(`${command} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ seconds, cpuSeconds, rssMb: rss, stdout, stderr });
    });
  });
}

function urlOf(port, i) {
  return `http://127.0.0.${(i % hosts) + 1}:${port}/f/${i}.xml`;
}

async function runFarm(n) {
  const dir = mkdtempSync(join(tmpdir(), `tributary-farm-${n}-`));
  mkdirSync(join(dir, 'farm', 'f'), { recursive: true });
  mkdirSync(join(dir, 'tmp'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'farm', 'f', `${i}.xml`), uniqueCopy(sources[i % sources.length], i));
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port));
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' });
  await new Promise((resolve) => setTimeout(resolve, 500));

  const opml = `<?xml version="1.0"?><opml version="2.0"><body>${Array.from({ length: n }, (_, i) => `<outline type="rss" text="farm ${i}" xmlUrl="${urlOf(port, i)}"/>`).join('')}</body></opml>`;
  writeFileSync(join(dir, 'farm.opml'), opml);
  writeFileSync(join(dir, 'tributary.yaml'), `fetch:\n  concurrency: ${concurrency}\n  perHostConcurrency: 2\n  allowPrivate: ["127.0.0.0/8"]\n`);
  execFileSync(process.execPath, [cli, 'import', 'farm.opml'], { cwd: dir });

  const results = { n, tributary: {}, peers: {} };
  const cycle = async (label, fetchArgs) => {
    const before = statusCounts(dir);
    // The bin itself, as a user runs it (its first line sets the node flags).
    const run = await timed(cli, ['fetch', ...fetchArgs], dir);
    const statuses = delta(statusCounts(dir), before);
    const summary = /(\d+) feeds: (\d+) ok, (\d+) not modified, (\d+) failed; (\d+) new entries/.exec(run.stdout);
    const [feeds, ok, notModified, failed, newEntries] = summary ? summary.slice(1).map(Number) : [0, 0, 0, 0, 0];
    results.tributary[label] = {
      seconds: run.seconds, cpuSeconds: run.cpuSeconds, cycleSeconds: Number(/\(([\d.]+) s\)/.exec(run.stdout)?.[1] ?? NaN), feeds, ok, notModified, failed, newEntries,
      feedsPerSecond: feeds / run.seconds, entriesPerSecond: newEntries / run.seconds, peakRssMb: run.rssMb, nginx: statuses,
    };
    console.log(`tributary ${label.padEnd(7)} N=${n}: ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds?.toFixed(2)} s), ${(feeds / run.seconds).toFixed(0)} feeds/s, ${newEntries} new entries (${(newEntries / run.seconds).toFixed(0)}/s), ${failed} failed, peak RSS ${run.rssMb.toFixed(0)} MB, nginx ${JSON.stringify(statuses)}`);
  };
  const changeTenPercent = (tag) => {
    let changed = 0;
    for (let i = 0; i < n && changed < n / 10; i += 1) {
      if (i % 10 !== 0) continue;
      const path = join(dir, 'farm', 'f', `${i}.xml`);
      const next = withNewItem(readFileSync(path), `${tag}-${i}`);
      if (next) {
        writeFileSync(path, next);
        changed++;
      }
    }
    return changed;
  };

  try {
    await cycle('first', []);
    const changed = changeTenPercent('t');
    console.log(`changed ${changed} feeds (one new item at the top of each)`);
    await cycle('steady', ['--all']);
    await warmCycles();
    if (withPeers) await runPeers(dir, port, n, results);
  } finally {
    nginx.kill('SIGTERM');
    await new Promise((resolve) => nginx.on('exit', resolve));
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
  return results;

  // The same two cycles inside one long-lived process, as `tributary serve` runs them.
  async function warmCycles() {
    rmSync(join(dir, 'warm.db'), { force: true });
    execFileSync(process.execPath, [cli, '--db', 'sqlite:warm.db', 'import', 'farm.opml'], { cwd: dir });
    const before = statusCounts(dir);
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, '--max-old-space-size=1024', join(here, '_fetch-cycles.mjs'), join(dir, 'warm.db'), String(concurrency)], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const summaries = [];
    let pending = '';
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        pending += chunk;
        let newline;
        while ((newline = pending.indexOf('\n')) !== -1) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          const summary = JSON.parse(line);
          summaries.push(summary);
          if (summary.label === 'first') {
            changeTenPercent('w');
            child.stdin.write('go\n');
          }
        }
      });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`warm cycles exited ${code}: ${stderr.slice(-400)}`))));
    });
    const rss = Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
    for (const summary of summaries) {
      const seconds = summary.elapsedMs / 1000;
      results.tributary[`warm ${summary.label}`] = { seconds, cpuSeconds: summary.cpuSeconds, feeds: summary.feeds, ok: summary.ok, notModified: summary.notModified, failed: summary.failed, newEntries: summary.newEntries, feedsPerSecond: summary.feeds / seconds, entriesPerSecond: summary.newEntries / seconds, peakRssMb: rss };
      console.log(`tributary warm ${summary.label.padEnd(7)} N=${n}: ${seconds.toFixed(2)} s (CPU ${summary.cpuSeconds.toFixed(2)} s), ${(summary.feeds / seconds).toFixed(0)} feeds/s, ${summary.newEntries} new entries, ${summary.failed} failed, ok ${summary.ok}, 304 ${summary.notModified}`);
    }
    console.log(`tributary warm    N=${n}: peak RSS ${rss.toFixed(0)} MB, nginx ${JSON.stringify(delta(statusCounts(dir), before))}`);
  }

  async function runPeers() {
    // newsboat: reload-threads 8; it sends conditional requests only from its third reload of a
    // fresh cache, so it is primed twice before the measured steady cycle.
    writeFileSync(join(dir, 'urls'), Array.from({ length: n }, (_, i) => urlOf(port, i)).join('\n') + '\n');
    writeFileSync(join(dir, 'newsboat.conf'), 'reload-threads 8\nsuppress-first-reload yes\nshow-read-feeds yes\n');
    const newsboat = () => timed('newsboat', ['-x', 'reload', '-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'newsboat.conf')], dir, { HOME: dir });
    for (const label of ['cold', 'prime']) {
      const before = statusCounts(dir);
      const run = await newsboat();
      results.peers[`newsboat ${label}`] = { seconds: run.seconds, feedsPerSecond: n / run.seconds, peakRssMb: run.rssMb, nginx: delta(statusCounts(dir), before) };
      console.log(`newsboat ${label} N=${n}: ${run.seconds.toFixed(1)} s, ${(n / run.seconds).toFixed(0)} feeds/s, peak RSS ${run.rssMb.toFixed(0)} MB, nginx ${JSON.stringify(results.peers[`newsboat ${label}`].nginx)}`);
    }
    changeTenPercent('nb');
    {
      const before = statusCounts(dir);
      const run = await newsboat();
      results.peers['newsboat steady'] = { seconds: run.seconds, feedsPerSecond: n / run.seconds, peakRssMb: run.rssMb, nginx: delta(statusCounts(dir), before) };
      console.log(`newsboat steady N=${n}: ${run.seconds.toFixed(1)} s, ${(n / run.seconds).toFixed(0)} feeds/s, peak RSS ${run.rssMb.toFixed(0)} MB, nginx ${JSON.stringify(results.peers['newsboat steady'].nginx)}`);
    }
    // python3-feedparser loop with conditional GET at the same concurrency, storing nothing.
    writeFileSync(join(dir, 'fp.py'), feedparserLoop);
    for (const label of ['cold', 'steady']) {
      if (label === 'steady') changeTenPercent('fp');
      const before = statusCounts(dir);
      const run = await timed('/usr/bin/python3', [join(dir, 'fp.py'), join(dir, 'urls'), join(dir, 'fp-state.json'), String(concurrency)], dir);
      results.peers[`feedparser ${label}`] = { seconds: run.seconds, feedsPerSecond: n / run.seconds, peakRssMb: run.rssMb, nginx: delta(statusCounts(dir), before) };
      console.log(`feedparser ${label} N=${n}: ${run.seconds.toFixed(1)} s, ${(n / run.seconds).toFixed(0)} feeds/s, peak RSS ${run.rssMb.toFixed(0)} MB, nginx ${JSON.stringify(results.peers[`feedparser ${label}`].nginx)}`);
    }
  }
}

const feedparserLoop = `
import concurrent.futures, json, os, sys, feedparser
urls = [u.strip() for u in open(sys.argv[1]) if u.strip()]
state_path, workers = sys.argv[2], int(sys.argv[3])
state = json.load(open(state_path)) if os.path.exists(state_path) else {}
def one(url):
    s = state.get(url, {})
    d = feedparser.parse(url, etag=s.get('etag'), modified=s.get('modified'))
    return url, {'etag': d.get('etag'), 'modified': d.get('modified')}, len(d.entries)
with concurrent.futures.ThreadPoolExecutor(workers) as ex:
    for url, s, _ in ex.map(one, urls):
        state[url] = s
json.dump(state, open(state_path, 'w'))
`;

const all = [];
for (const n of sizes) all.push(await runFarm(n));
const out = join(here, 'results', `fetch-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), concurrency, results: all }, null, 1));
console.log(`results written to ${out}`);
