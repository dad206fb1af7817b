/**
 * Endpoints this page's Content-Security-Policy kept it from calling (`connect-src`). A blocked
 * fetch fails exactly like an unreachable endpoint ("Failed to fetch"); only the page's
 * `securitypolicyviolation` events tell the two apart, so they are recorded here from the first
 * sign-in on.
 */
const blocked: string[] = [];
let watching = false;

function watch(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective !== 'connect-src') return;
    try {
      blocked.push(new URL(event.blockedURI).origin);
    } catch {
      // Not a URL (an inline report): nothing the sign-in could have sent.
    }
  });
}

/** Starts watching (once) and returns a mark for `blockedSince`. */
export function markConnectBlocks(): number {
  watch();
  return blocked.length;
}

/** Origins blocked since `mark`, after letting already queued violation events arrive. */
export async function blockedSince(mark: number): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return [...new Set(blocked.slice(mark))];
}

/** A sign-in whose requests the page's CSP refused to send. */
export class EndpointBlockedError extends Error {
  override name = 'EndpointBlockedByContentSecurityPolicy';
  constructor(readonly origins: string[]) {
    super(
      `Refused to connect to ${origins.join(', ')}: not allowed by this page's Content-Security-Policy (connect-src).`,
    );
  }
}
