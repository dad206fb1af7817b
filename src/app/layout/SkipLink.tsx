import type { ReactNode } from 'react';
import './skip-link.css';

const MAIN_CONTENT_ID = 'main-content';

/**
 * "Skip to main content": keyboard users reach the page itself without tabbing through the header
 * and the navigation first. Focus moves in place; the URL keeps no fragment (the router would
 * treat one as a new location).
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}

/** Where the skip link lands: wraps the page content. */
export function SkipLinkTarget({ children }: { children: ReactNode }) {
  return (
    <div id={MAIN_CONTENT_ID} tabIndex={-1} className="skip-link-target">
      {children}
    </div>
  );
}
