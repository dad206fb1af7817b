import Alert from '@cloudscape-design/components/alert';
import type { DeepLink } from './deep-link';

/** What a deep link asked for that the page could not use (a context that does not parse). */
export function DeepLinkWarning({ link }: { link: DeepLink }) {
  return link.contextError ? <Alert type="warning">{link.contextError}</Alert> : null;
}
