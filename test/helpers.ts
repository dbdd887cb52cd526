/**
 * @module test/helpers
 * What the end-to-end tests share: running the built `tributary` binary as a user would, and a
 * static file server on 127.0.0.1 for fixture feeds.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalServer } from '../src/fetch/testdata/local-server.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliPath = join(repoRoot, 'dist', 'bin', 'tributary.mjs');
export const sharedDir = fileURLToPath(new URL('../../shared/', import.meta.url));
export const hasShared = existsSync(join(sharedDir, 'seed-river'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `tributary` binary (dist/bin/tributary.mjs) in `cwd` without blocking the event loop (test servers keep answering). */
export function runTributary(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

/** A fresh temporary folder. */
export function makeTempDir(prefix = 'tributary-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

const contentTypes: Record<string, string> = {
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.xml': 'application/xml',
  '.json': 'application/feed+json',
  '.opml': 'text/x-opml',
};

/** A file server started by {@link serveDirectory} (or the browser tests' `serveFiles`). */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/`. */
  base: string;
  close(): Promise<void>;
}

/** The file under `dir` that a request URL names, never outside `dir`; throws on a malformed escape. */
export function requestedFile(dir: string, url: string): string {
  return join(dir, normalize(decodeURIComponent(new URL(url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
}

/** Serves the files of `dir` on 127.0.0.1 (any free port), with feed content types. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const server = await startLocalServer((request, response) => {
    const file = requestedFile(dir, request.url ?? '/');
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  return { base: `${server.origin}/`, close: () => server.close() };
}

/** Collapses whitespace runs to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export interface TextRiverItem {
  title: string;
  attribution: string;
  content: string;
}

/**
 * Splits `river --format text` output into items: each item is title, blank, attribution, blank,
 * content…, blank; the tagline is the last line.
 */
export function splitTextRiver(text: string): { items: TextRiverItem[]; tagline: string } {
  const lines = text.replace(/\n$/, '').split('\n');
  const tagline = lines[lines.length - 1] ?? '';
  const attributionAt = lines.flatMap((line, index) => (line.startsWith('Post Syndicated from') && lines[index - 1] === '' ? [index] : []));
  const items = attributionAt.map((at, i) => {
    const end = i + 1 < attributionAt.length ? attributionAt[i + 1]! - 3 : lines.length - 2;
    return { title: lines[at - 2] ?? '', attribution: lines[at]!, content: lines.slice(at + 2, end).join('\n') };
  });
  return { items, tagline };
}
