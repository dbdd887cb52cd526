/**
 * @module test/browser/river-site
 * A river made by the real pipeline, as a user would make it: fixture feeds served on
 * 127.0.0.1, `tributary --allow-private import` of their OPML, `fetch`, `build`, and `serve
 * --port 0` running in the background. The browser tests then look at both the live site and
 * the static build (served by a plain file server, so only the pages' own meta CSP applies).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cliPath, makeTempDir, runTributary } from '../helpers.js';
import { serveFiles } from './static-server.js';
import type { StaticServer } from '../helpers.js';

/** A fixture feed: its path on the fixture server and the title the OPML gives it. */
export interface FixtureFeed {
  path: string;
  title: string;
}

/** What a river site is made from; `files` gets the fixture server's base URL. */
export interface RiverSiteSpec {
  files(base: string): Record<string, string>;
  feeds: readonly FixtureFeed[];
  /** The tributary.yaml to run with. */
  config: string;
}

/** A running river: the live app, the static build, and the fixture feeds. */
export interface RiverSite {
  /** Working folder (tributary.yaml, the database, `site/`). */
  dir: string;
  /** The fixture server's base URL. */
  fixtures: string;
  /** `tributary serve` (ends in '/'). */
  live: string;
  /** The `build` output on a static file server (ends in '/'). */
  built: string;
  /** What `fetch` printed. */
  fetchOutput: string;
  close(): Promise<void>;
}

const servingLine = /serving the river at (http:\/\/[\d.:]+\/)/;

/** Runs the pipeline over `spec` and starts the live and static sites. */
export async function startRiverSite(spec: RiverSiteSpec): Promise<RiverSite> {
  const closers: Array<() => Promise<void>> = [];
  const close = async (): Promise<void> => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const fixtureDir = await makeTempDir('tributary-fixtures-');
    const fixtures = await serveFiles(fixtureDir);
    closers.push(fixtures.close);
    for (const [path, body] of Object.entries(spec.files(fixtures.base))) {
      await mkdir(dirname(join(fixtureDir, path)), { recursive: true });
      await writeFile(join(fixtureDir, path), body);
    }

    const dir = await makeTempDir('tributary-browser-');
    await writeFile(join(dir, 'tributary.yaml'), spec.config);
    await writeFile(join(dir, 'feeds.opml'), opmlOf(spec.feeds, fixtures.base));
    await run(['--allow-private', 'import', 'feeds.opml'], dir);
    const fetched = await run(['--allow-private', 'fetch'], dir);
    await run(['build', '--out', 'site'], dir);
    const built: StaticServer = await serveFiles(join(dir, 'site'));
    closers.push(built.close);
    const live = await startServe(dir);
    closers.push(live.close);
    return { dir, fixtures: fixtures.base, live: live.url, built: built.base, fetchOutput: fetched, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function run(args: string[], dir: string): Promise<string> {
  const result = await runTributary(args, dir);
  if (result.code !== 0) throw new Error(`tributary ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

function opmlOf(feeds: readonly FixtureFeed[], base: string): string {
  const outlines = feeds.map((feed) => `    <outline type="rss" text="${escapeXml(feed.title)}" xmlUrl="${escapeXml(base + feed.path)}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head><title>Fixtures</title></head>\n  <body>\n${outlines.join('\n')}\n  </body>\n</opml>\n`;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Starts `tributary serve --port 0` and waits for the URL it prints. */
function startServe(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, [cliPath, '--allow-private', 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = (): Promise<void> => stopChild(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`tributary serve printed no URL within 20 s: ${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = servingLine.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({ url: match[1]!, close: stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tributary serve exited ${code}: ${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
