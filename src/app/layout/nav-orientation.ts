import { useEffect } from 'react';

function dropOrientation(): void {
  for (const nav of document.querySelectorAll('nav[aria-orientation]')) {
    nav.removeAttribute('aria-orientation');
  }
}

/**
 * Cloudscape's AppLayout (3.0.1383, visual refresh) gives the <nav> of its narrow-screen toolbar
 * `aria-orientation="horizontal"`, which ARIA does not allow on a navigation landmark (axe:
 * aria-allowed-attr, critical, on every page of a phone). No prop turns it off, so the attribute
 * is dropped whenever the layout adds that toolbar (it appears and disappears with the width).
 * Remove this once Cloudscape stops setting it (e2e/accessibility.spec.ts runs at 390 px).
 */
export function useNavigationOrientationFix(): void {
  useEffect(() => {
    dropOrientation();
    const observer = new MutationObserver(dropOrientation);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
