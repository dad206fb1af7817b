import { useQuery } from '@tanstack/react-query';
import type { ExplainRequest } from '../../../kms/events/explain-link';
import { lookupEventsPage } from '../../../kms/events/lookup';
import type { TrailEvent } from '../../../kms/events/trail-event';
import { useSession } from '../../../session/SessionProvider';

/**
 * The denied event an Explain link names, read again from CloudTrail by its EventId: its
 * AccessDenied message (which policy type decided) and request are what the explanation
 * starts from; the link itself carries only the question. Undefined without an event id.
 */
export function useRecordedDenial(request: ExplainRequest | undefined) {
  const { clients, id } = useSession();
  const eventId = request?.eventId;
  return useQuery({
    queryKey: ['permissions', 'recorded-denial', id, eventId] as const,
    queryFn: async ({ signal }): Promise<TrailEvent | null> => {
      const page = await lookupEventsPage(
        await clients.cloudTrail(),
        { attribute: { key: 'EventId', value: eventId ?? '' } },
        undefined,
        signal,
      );
      return page.events[0] ?? null;
    },
    enabled: eventId !== undefined,
    retry: false,
    staleTime: Infinity,
  });
}
