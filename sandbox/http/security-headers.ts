import type { ServerResponse } from 'node:http';

/**
 * Endpoints the console may call besides its own origin, when nothing else is configured: AWS's
 * regional endpoints (KMS, STS, Cognito; `*.` matches any depth of subdomain in CSP) and
 * emulators on this machine (another sandbox, LocalStack, moto). CSP has no syntax for IPv6
 * literals, so `[::1]` cannot be listed.
 */
export const DEFAULT_CONNECT_SOURCES: readonly string[] = [
  'https://*.amazonaws.com',
  'https://*.amazonaws.com.cn',
  'http://localhost:*',
  'http://127.0.0.1:*',
];

/**
 * The Content-Security-Policy of the console pages. Scripts, styles, fonts and images come only
 * from the console's own origin (the build inlines nothing; Ace runs with `useStrictCSP`);
 * `data:` images are Cloudscape's inline SVG icons in CSS. Nothing may frame the console, so a
 * hostile page cannot overlay "Schedule deletion" with its own UI.
 */
export function consoleContentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** For answers that are not console pages (API responses, JWKS, the plain-text banner). */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries: no MIME sniffing, no framing, no Referer leaking URLs. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // frame-ancestors supersedes this where CSP is understood; older browsers read only this.
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
}
