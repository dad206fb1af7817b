import { useQuery } from '@tanstack/react-query';
import { findLastUse } from '../../../kms/events/key-activity';
import { useSession } from '../../../session/SessionProvider';

/**
 * The key's newest successful use in the event history (this Region, 90 days), for the
 * deletion dialog: pages are read newest first only until one is found.
 */
export function useKeyLastUse(keyArn: string | undefined) {
  const { clients, id } = useSession();
  return useQuery({
    queryKey: ['keys', 'last-use', id, keyArn] as const,
    queryFn: async ({ signal }) =>
      findLastUse(await clients.cloudTrail(), keyArn ?? '', new Date(), signal),
    enabled: keyArn !== undefined,
    retry: false,
    staleTime: 0,
  });
}
