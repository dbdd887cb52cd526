/**
 * @module test/ensure-debian-package
 * Finds a file a Debian package provides (Chromium for the browser tests, python3-feedparser for
 * the agreement test), installing the package with apt-get on a fresh machine — CI starts from
 * one. When it is missing and cannot be installed (not root, no apt-get), the caller skips and
 * says why instead of failing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The file to use, or why there is none. */
export type PackageLookup = { path: string; skip: null } | { path: null; skip: string };

const aptGet = '/usr/bin/apt-get';
const flock = '/usr/bin/flock';

/**
 * Returns `path`, first running `apt-get install -y <pkg>` (after `apt-get update` when the
 * package lists are stale) if `path` is missing and this process may install packages. Test
 * files run in parallel: the install runs under flock(1), and a waiter finds it done.
 * `what` names the tests for the skip message ("browser tests").
 */
export async function ensureDebianPackage(pkg: string, path: string, what: string): Promise<PackageLookup> {
  if (existsSync(path)) return { path, skip: null };
  if (process.getuid?.() !== 0 || !existsSync(aptGet)) {
    return { path: null, skip: `${what} skipped: ${path} is missing and apt-get cannot install ${pkg} here (needs root and apt-get)` };
  }
  const apt = `${aptGet} -o DPkg::Lock::Timeout=600`;
  const script = `test -e ${path} || ${apt} install -y ${pkg} || { ${apt} update && ${apt} install -y ${pkg}; }`;
  const lockFile = `/tmp/tributary-${pkg}-install.lock`;
  const [command, args] = existsSync(flock) ? [flock, [lockFile, '/bin/sh', '-c', script]] : ['/bin/sh', ['-c', script]];
  console.warn(`${what}: installing Debian's ${pkg} (${path} is missing)…`);
  await new Promise<void>((resolve) => {
    execFile(command, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 }, () => resolve());
  });
  if (existsSync(path)) return { path, skip: null };
  return { path: null, skip: `${what} skipped: apt-get install ${pkg} did not provide ${path}` };
}
