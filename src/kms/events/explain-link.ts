import { contextParameter, parseContextText } from '../../bytes/encryption-context';
import type { DenialQuestion } from './trail-event';

/**
 * "Explain" on a denied event opens the Permissions page on the event's question: the
 * principal, the action, the key and the encryption context it was denied. The link carries
 * only what the event record already shows (no secrets): `keyId` and `context` as every page
 * takes them, plus `principal`, `action` and the event it came from.
 */
export function explainLink(
  question: DenialQuestion,
  event: { eventId: string; time: Date },
): string {
  const params = new URLSearchParams();
  if (question.keyArn) params.set('keyId', question.keyArn);
  const context = contextParameter(question.encryptionContext);
  if (context) params.set('context', context);
  params.set('principal', question.principalArn);
  params.set('action', question.action);
  if (event.eventId) params.set('eventId', event.eventId);
  if (!Number.isNaN(event.time.getTime())) params.set('eventTime', event.time.toISOString());
  return `/permissions?${params.toString()}`;
}

/** The question an Explain link asks, as the Permissions page reads it back. */
export interface ExplainRequest {
  principalArn: string;
  action: string;
  keyId?: string;
  encryptionContext?: Record<string, string>;
  eventId?: string;
  eventTime?: Date;
}

/** Undefined unless the URL names both a principal and an action. */
export function readExplainRequest(params: URLSearchParams): ExplainRequest | undefined {
  const principalArn = params.get('principal')?.trim();
  const action = params.get('action')?.trim();
  if (!principalArn || !action) return undefined;
  const keyId = params.get('keyId')?.trim();
  const contextText = params.get('context');
  const parsed = contextText ? parseContextText(contextText) : undefined;
  const eventId = params.get('eventId')?.trim();
  const eventTime = params.get('eventTime');
  const time = eventTime ? new Date(eventTime) : undefined;
  return {
    principalArn,
    action,
    ...(keyId ? { keyId } : {}),
    ...(parsed?.ok && parsed.rows.length > 0
      ? { encryptionContext: Object.fromEntries(parsed.rows.map((r) => [r.key, r.value])) }
      : {}),
    ...(eventId ? { eventId } : {}),
    ...(time && !Number.isNaN(time.getTime()) ? { eventTime: time } : {}),
  };
}
