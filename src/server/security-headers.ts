/**
 * @module server/security-headers
 * The headers every response carries. Hono's `secureHeaders` sets the well-known ones; the
 * Content-Security-Policy comes from publish so the header and the pages' meta tag state one
 * policy: no scripts at all, styles from the site only, images and media from anywhere (they
 * are the posts' own), frames only from the video hosts.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { contentSecurityPolicy } from '../publish/index.js';

/** Middleware adding CSP, nosniff, no-referrer and framing protection to every response. */
export function createSecurityHeaders(embedHosts: readonly string[] = []): MiddlewareHandler[] {
  const policy = `${contentSecurityPolicy(embedHosts)}; frame-ancestors 'none'`;
  return [
    secureHeaders({
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      // HTTPS policy belongs to the TLS-terminating proxy, not to an app that may run on plain HTTP.
      strictTransportSecurity: false,
      crossOriginResourcePolicy: 'cross-origin',
    }),
    async (c, next) => {
      await next();
      c.res.headers.set('Content-Security-Policy', policy);
    },
  ];
}
