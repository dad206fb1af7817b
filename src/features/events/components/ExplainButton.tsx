import Button from '@cloudscape-design/components/button';
import { explainLink } from '../../../kms/events/explain-link';
import { denialQuestion, type TrailEvent } from '../../../kms/events/trail-event';
import { useFollow } from '../../../ui/navigation';

/**
 * "Explain" on a denied event: opens the Permissions page on the event's principal, action, key
 * and encryption context. Nothing for events that were not denied.
 */
export function ExplainButton({
  event,
  variant = 'normal',
}: {
  event: TrailEvent;
  variant?: 'normal' | 'inline-link';
}) {
  const follow = useFollow();
  const question = denialQuestion(event);
  if (!question) return null;
  const href = explainLink(question, event);
  return (
    <Button
      variant={variant}
      href={href}
      onFollow={follow}
      ariaLabel={`Explain why ${question.action} was denied to ${event.principal.label}`}
    >
      Explain
    </Button>
  );
}
