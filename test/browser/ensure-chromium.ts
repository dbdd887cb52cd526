/**
 * @module test/browser/ensure-chromium
 * Finds Debian's Chromium for the browser tests, installing it with apt-get on a fresh machine
 * (CI starts from one). Playwright's own browser download cannot work here (no network but the
 * package registries), so the tests drive the distribution's browser through playwright-core.
 * When Chromium is missing and cannot be installed (not root, no apt-get), the tests skip and
 * say why instead of failing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser; `TRIBUTARY_CHROMIUM` overrides it. */
export const chromiumPath = process.env.TRIBUTARY_CHROMIUM ?? '/usr/bin/chromium';

/** The browser to drive, or why there is none. */
export type ChromiumLookup = { path: string; skip: null } | { path: null; skip: string };

const aptGet = '/usr/bin/apt-get';
const flock = '/usr/bin/flock';
const lockFile = '/tmp/tributary-chromium-install.lock';

/**
 * Returns Chromium's path, first running `apt-get install -y chromium` (after `apt-get update`
 * when the package lists are stale) if it is missing and this process may install packages.
 * Test files run in parallel: the install runs under flock(1), and a waiter finds it done.
 */
export async function ensureChromium(): Promise<ChromiumLookup> {
  if (existsSync(chromiumPath)) return { path: chromiumPath, skip: null };
  if (process.getuid?.() !== 0 || !existsSync(aptGet)) {
    return { path: null, skip: `browser tests skipped: ${chromiumPath} is missing and apt-get cannot install it here (needs root and apt-get)` };
  }
  const apt = `${aptGet} -o DPkg::Lock::Timeout=600`;
  const script = `test -x ${chromiumPath} || ${apt} install -y chromium || { ${apt} update && ${apt} install -y chromium; }`;
  const [command, args] = existsSync(flock) ? [flock, [lockFile, '/bin/sh', '-c', script]] : ['/bin/sh', ['-c', script]];
  console.warn(`browser tests: installing Debian's chromium (${chromiumPath} is missing)…`);
  await new Promise<void>((resolve) => {
    execFile(command, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 }, () => resolve());
  });
  if (existsSync(chromiumPath)) return { path: chromiumPath, skip: null };
  return { path: null, skip: `browser tests skipped: apt-get install chromium did not provide ${chromiumPath}` };
}
