import type { OperationRegistry } from '../operation';
import { cancelKeyDeletion } from './cancel-key-deletion';
import { createAlias } from './create-alias';
import { createKey } from './create-key';
import { deleteAlias } from './delete-alias';
import { describeKey } from './describe-key';
import { disableKey } from './disable-key';
import { disableKeyRotation } from './disable-key-rotation';
import { enableKey } from './enable-key';
import { enableKeyRotation } from './enable-key-rotation';
import { getKeyPolicy } from './get-key-policy';
import { getKeyRotationStatus } from './get-key-rotation-status';
import { listAliases } from './list-aliases';
import { listKeyPolicies } from './list-key-policies';
import { listKeyRotations } from './list-key-rotations';
import { listKeys } from './list-keys';
import { listResourceTags } from './list-resource-tags';
import { putKeyPolicy } from './put-key-policy';
import { rotateKeyOnDemand } from './rotate-key-on-demand';
import { scheduleKeyDeletion } from './schedule-key-deletion';
import { tagResource } from './tag-resource';
import { untagResource } from './untag-resource';
import { updateAlias } from './update-alias';
import { updateKeyDescription } from './update-key-description';

export const KEY_MANAGEMENT_OPERATIONS = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
  UpdateKeyDescription: updateKeyDescription,
  EnableKey: enableKey,
  DisableKey: disableKey,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  CreateAlias: createAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  EnableKeyRotation: enableKeyRotation,
  DisableKeyRotation: disableKeyRotation,
  GetKeyRotationStatus: getKeyRotationStatus,
  RotateKeyOnDemand: rotateKeyOnDemand,
  ListKeyRotations: listKeyRotations,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListKeyPolicies: listKeyPolicies,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListResourceTags: listResourceTags,
} satisfies OperationRegistry;
