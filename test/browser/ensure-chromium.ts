/**
 * @module test/browser/ensure-chromium
 * Finds Debian's Chromium for the browser tests, installing it on a fresh machine. Playwright's
 * own browser download cannot work here (no network but the package registries), so the tests
 * drive the distribution's browser through playwright-core.
 */
import { ensureDebianPackage, type PackageLookup } from '../ensure-debian-package.js';

/** Where Debian's `chromium` package puts the browser; `TRIBUTARY_CHROMIUM` overrides it. */
export const chromiumPath = process.env.TRIBUTARY_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's path, or why the browser tests skip. */
export function ensureChromium(): Promise<PackageLookup> {
  return ensureDebianPackage('chromium', chromiumPath, 'browser tests');
}
