import {
  CancelKeyDeletionCommand,
  CreateGrantCommand,
  DeleteImportedKeyMaterialCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  ImportKeyMaterialCommand,
  ReplicateKeyCommand,
  RevokeGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
  UpdatePrimaryRegionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import type { Command } from '@smithy/types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refreshKey } from '../../../kms/api/describe-key';
import { kmsKeys } from '../../../kms/query-keys';
import { useKmsClient } from '../../../session/SessionProvider';

/*
 * The changes the key pages make to one key, each with what it makes stale. A change takes the
 * SDK command's own input; once KMS accepts it, the key is described again (state, description,
 * dates, also in the key table) or the list it changed is fetched again.
 */

/** What a change to a key can make stale. */
type Stale = 'metadata' | 'rotation-status' | 'rotations' | 'materials' | 'grants' | 'tags';

const STALE_LISTS = {
  'rotation-status': kmsKeys.rotationStatus,
  rotations: kmsKeys.rotations,
  materials: kmsKeys.materials,
  grants: kmsKeys.grants,
  tags: kmsKeys.tags,
};

type OutputOf<C> =
  // The output is the command's fourth type parameter; `any` matches the others.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  C extends Command<any, any, any, infer O, any> ? O : never;

/**
 * A mutation that sends one key's command and refreshes what it made stale. `keep` picks what of
 * the answer the page may hold (all of it unless said).
 */
function useKeyChange<I extends { KeyId: string | undefined }, C extends object, R = OutputOf<C>>(
  SdkCommand: new (input: I) => C,
  stale: Stale[],
  keep: (answer: OutputOf<C>) => R = (answer) => answer as unknown as R,
) {
  const kms = useKmsClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: I) =>
      // The commands are the SDK's own; `send` takes any of them and answers its output.
      keep(
        (await kms.send(new SdkCommand(input) as Parameters<KMSClient['send']>[0])) as OutputOf<C>,
      ),
    onSuccess: (_, { KeyId }) =>
      Promise.all(
        stale.map((what) =>
          what === 'metadata'
            ? refreshKey(queryClient, kms, KeyId ?? '')
            : queryClient.invalidateQueries({ queryKey: STALE_LISTS[what](KeyId ?? '') }),
        ),
      ),
  });
}

export const useEnableKey = () => useKeyChange(EnableKeyCommand, ['metadata']);
export const useDisableKey = () => useKeyChange(DisableKeyCommand, ['metadata']);
/** Cancelling leaves the key Disabled, as in AWS; it must be enabled to be used again. */
export const useCancelKeyDeletion = () => useKeyChange(CancelKeyDeletionCommand, ['metadata']);
export const useScheduleKeyDeletion = () => useKeyChange(ScheduleKeyDeletionCommand, ['metadata']);
export const useUpdateKeyDescription = () =>
  useKeyChange(UpdateKeyDescriptionCommand, ['metadata']);
export const useEnableKeyRotation = () =>
  useKeyChange(EnableKeyRotationCommand, ['rotation-status']);
export const useDisableKeyRotation = () =>
  useKeyChange(DisableKeyRotationCommand, ['rotation-status']);
export const useRotateKeyOnDemand = () =>
  useKeyChange(RotateKeyOnDemandCommand, ['rotations', 'materials', 'rotation-status', 'metadata']);
/** Importing or deleting key material changes the key's state and its key materials. */
export const useImportKeyMaterial = () =>
  useKeyChange(ImportKeyMaterialCommand, ['materials', 'metadata'], ({ KeyMaterialId }) => ({
    KeyMaterialId,
  }));
export const useDeleteImportedKeyMaterial = () =>
  useKeyChange(DeleteImportedKeyMaterialCommand, ['materials', 'metadata']);
/** The grant token in CreateGrant's answer only speeds up eventual consistency: it is not kept. */
export const useCreateGrant = () =>
  useKeyChange(CreateGrantCommand, ['grants'], ({ GrantId }) => ({ GrantId }));
export const useRevokeGrant = () => useKeyChange(RevokeGrantCommand, ['grants']);
/** TagResource adds tags, or replaces the value of existing tag keys. */
export const useTagResource = () => useKeyChange(TagResourceCommand, ['tags']);
export const useUntagResource = () => useKeyChange(UntagResourceCommand, ['tags']);
/**
 * Sent to the primary key's Region; the primary's MultiRegionConfiguration then lists the replica.
 * Without a Policy, KMS gives the replica the default key policy (it never copies the primary's).
 * ReplicaPolicy in the answer is not kept.
 */
export const useReplicateKey = () =>
  useKeyChange(ReplicateKeyCommand, ['metadata'], ({ ReplicaKeyMetadata }) => ({
    ReplicaKeyMetadata,
  }));
/** Sent to the current primary's Region; the key there becomes a replica. */
export const useUpdatePrimaryRegion = () => useKeyChange(UpdatePrimaryRegionCommand, ['metadata']);

/** AWS's bounds for ScheduleKeyDeletion's waiting period. */
export const MIN_PENDING_DAYS = 7;
export const MAX_PENDING_DAYS = 30;

/** AWS's bounds for RotationPeriodInDays. */
export const MIN_ROTATION_DAYS = 90;
export const MAX_ROTATION_DAYS = 2560;
