import { test as base, expect } from '@playwright/test';

/** One Content-Security-Policy violation, as the page's `securitypolicyviolation` event saw it. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source?: string;
  line?: number;
  sample?: string;
}

declare global {
  interface Window {
    __reportCspViolation?: (violation: CspViolation) => void;
  }
}

export interface CspWatch {
  /** Violations seen so far. */
  readonly violations: readonly CspViolation[];
  /** Declares that this test provokes the CSP into blocking a request to `origin`. */
  expectBlockedConnection(origin: string): void;
}

/**
 * Every spec imports `test` and `expect` from here (ESLint refuses `@playwright/test` in specs).
 * Each test runs with a watch on the console's Content-Security-Policy: any violation, in any
 * page or frame of the test, fails the test, and so does a console page served without a CSP
 * (which would make the watch see nothing). A test that provokes a block on purpose says so
 * with `csp.expectBlockedConnection(origin)`.
 */
export const test = base.extend<{ csp: CspWatch }>({
  csp: [
    async ({ context }, use) => {
      const violations: CspViolation[] = [];
      const expectedBlocks = new Set<string>();
      const unprotected: string[] = [];
      await context.exposeBinding('__reportCspViolation', (_source, violation: CspViolation) => {
        violations.push(violation);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__reportCspViolation?.({
            page: event.documentURI,
            directive: event.effectiveDirective,
            blocked: event.blockedURI,
            source: event.sourceFile || undefined,
            line: event.lineNumber || undefined,
            sample: event.sample || undefined,
          });
        });
      });
      context.on('response', (response) => {
        const headers = response.headers();
        if (
          response.request().resourceType() === 'document' &&
          headers['content-type']?.startsWith('text/html') &&
          headers['content-security-policy'] === undefined
        ) {
          unprotected.push(response.url());
        }
      });
      await use({
        violations,
        expectBlockedConnection: (origin) => void expectedBlocks.add(origin),
      });
      const unexpected = violations.filter(
        (v) =>
          !(
            v.directive === 'connect-src' &&
            [...expectedBlocks].some((o) => v.blocked.startsWith(o))
          ),
      );
      expect(unexpected, 'Content-Security-Policy violations').toEqual([]);
      expect(unprotected, 'console pages served without a Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
