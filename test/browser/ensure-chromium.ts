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

/**
 * Returns Chromium's path, first running `apt-get install -y chromium` (after `apt-get update`
 * when the package lists are stale) if it is missing and this process may install packages.
 */
export async function ensureChromium(): Promise<ChromiumLookup> {
  if (existsSync(chromiumPath)) return { path: chromiumPath, skip: null };
  if (process.getuid?.() !== 0 || !existsSync(aptGet)) {
    return { path: null, skip: `browser tests skipped: ${chromiumPath} is missing and apt-get cannot install it here (needs root and apt-get)` };
  }
  const install = ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', 'chromium'];
  if (!(await runApt(install))) {
    await runApt(['-o', 'DPkg::Lock::Timeout=600', 'update']);
    await runApt(install);
  }
  if (existsSync(chromiumPath)) return { path: chromiumPath, skip: null };
  return { path: null, skip: `browser tests skipped: apt-get install chromium did not provide ${chromiumPath}` };
}

function runApt(args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(aptGet, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 }, (error) => resolve(!error));
  });
}
