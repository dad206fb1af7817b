import type { OperationHandler } from '../operation';
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

export const KEY_MANAGEMENT_OPERATIONS: Record<string, OperationHandler> = {
  CreateKey: createKey as OperationHandler,
  DescribeKey: describeKey as OperationHandler,
  ListKeys: listKeys as OperationHandler,
  UpdateKeyDescription: updateKeyDescription as OperationHandler,
  EnableKey: enableKey as OperationHandler,
  DisableKey: disableKey as OperationHandler,
  ScheduleKeyDeletion: scheduleKeyDeletion as OperationHandler,
  CancelKeyDeletion: cancelKeyDeletion as OperationHandler,
  CreateAlias: createAlias as OperationHandler,
  UpdateAlias: updateAlias as OperationHandler,
  DeleteAlias: deleteAlias as OperationHandler,
  ListAliases: listAliases as OperationHandler,
  EnableKeyRotation: enableKeyRotation as OperationHandler,
  DisableKeyRotation: disableKeyRotation as OperationHandler,
  GetKeyRotationStatus: getKeyRotationStatus as OperationHandler,
  RotateKeyOnDemand: rotateKeyOnDemand as OperationHandler,
  ListKeyRotations: listKeyRotations as OperationHandler,
  GetKeyPolicy: getKeyPolicy as OperationHandler,
  PutKeyPolicy: putKeyPolicy as OperationHandler,
  ListKeyPolicies: listKeyPolicies as OperationHandler,
  TagResource: tagResource as OperationHandler,
  UntagResource: untagResource as OperationHandler,
  ListResourceTags: listResourceTags as OperationHandler,
};
