/**
 * @module test/browser/browser
 * Driving Debian's Chromium with playwright-core: one headless browser per test file (Playwright
 * gives each launch a fresh temporary profile), contexts that keep every request on 127.0.0.1,
 * and a watch on each page that collects what a user would call a broken page — console errors,
 * uncaught exceptions, Content-Security-Policy refusals — and any sign that a script ran.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium from `executablePath`. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs, timeout: 30_000 });
}

/** Hosts the XSS payloads name as where stolen data would go; no request may ever reach them. */
export const markerHosts = new Set(['evil.example', 'tracker.example', 'e']);

/** What happened in a context: requests that left 127.0.0.1 (all refused), by URL. */
export interface ContextLog {
  outside: string[];
}

/**
 * A browser context whose requests are served only from 127.0.0.1 (anything else is aborted and
 * logged), with a trap that records calls of alert/confirm/prompt/print into `window.__xss` and
 * CSP violation events into `window.__csp`. The trap is an init script, so it runs even where
 * the page's CSP forbids every script.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; log: ContextLog }> {
  const context = await browser.newContext(options);
  const log: ContextLog = { outside: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    log.outside.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      const original = w[name] as (...args: unknown[]) => unknown;
      w[name] = function trapped(this: unknown, ...args: unknown[]) {
        w.__xss = `${name}(${args.map(String).join(', ')})`;
        return original.apply(this, args);
      };
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = (w.__csp ??= []) as string[];
      list.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { context, log };
}

/** What went wrong on one page. */
export interface PageWatch {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** CSP refusals Chromium reported on the console. */
  csp: string[];
  /** Dialogs a script opened (dismissed at once). */
  dialogs: string[];
}

/** Starts collecting `page`'s console errors, exceptions, CSP refusals and dialogs. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], csp: [], dialogs: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (/Refused to|Content Security Policy/i.test(text)) watch.csp.push(text);
    else if (message.type() === 'error') watch.errors.push(text);
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return watch;
}

/** The trap's findings on the current document: a script call and CSP violation events. */
export async function readTrap(page: Page): Promise<{ xss: string | null; csp: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: string; __csp?: string[] };
    return { xss: w.__xss ?? null, csp: w.__csp ?? [] };
  });
}
