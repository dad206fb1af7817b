import type { MessageType, SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import type { KeyRecord } from '../store/records';
import {
  MESSAGE_TYPE_ENUM,
  requireMessageFits,
  requireSigningAlgorithm,
  SIGNING_ALGORITHM_ENUM,
} from './algorithms';
import { PLAINTEXT_RULE, readGrantTokens, sensitiveBytes } from './crypto-validation';
import { readDryRun, type DryRunOptions } from './dry-run';
import { requireEnabled, requireUsage, resolveKey } from './key-lookup';
import type { MessageType as SupportedMessageType, SigningAlgorithm } from './keys';
import type { OperationContext } from './operation';
import type { InputValidator } from './validation';
import { KEY_ID_RULE } from './validation';

/** What Sign and Verify share: their members, and the key checks in KMS's order. */
export interface SigningRequest {
  key: KeyRecord;
  message: Buffer;
  messageType: SupportedMessageType;
  algorithm: SigningAlgorithm;
  dryRun: DryRunOptions;
}

export interface SigningMembers {
  keyId: string;
  message: Uint8Array;
  messageType: MessageType;
  algorithm: SigningAlgorithmSpec;
  grantTokens?: string[];
  dryRun: DryRunOptions;
}

/** Call v.done() after any further members, then signingKey(). */
export function readSigningMembers(v: InputValidator, input: object): SigningMembers {
  const keyId = v.string('KeyId', KEY_ID_RULE);
  const message = sensitiveBytes(v, input, 'Message', { required: true, ...PLAINTEXT_RULE });
  const messageType = v.string('MessageType', { enum: MESSAGE_TYPE_ENUM }) ?? 'RAW';
  const algorithm = v.string('SigningAlgorithm', {
    required: true,
    // KMS lets SYMMETRIC_DEFAULT through its enum check and rejects it against the key spec.
    check: (value) =>
      value === 'SYMMETRIC_DEFAULT' || (SIGNING_ALGORITHM_ENUM as readonly string[]).includes(value)
        ? undefined
        : `Member must satisfy enum value set: [${SIGNING_ALGORITHM_ENUM.join(', ')}]`,
  });
  const grantTokens = readGrantTokens(v);
  const dryRun = readDryRun(v);
  return {
    keyId,
    message,
    messageType: messageType as MessageType,
    algorithm: algorithm as SigningAlgorithmSpec,
    grantTokens,
    dryRun,
  };
}

export function signingKey(
  ctx: OperationContext,
  members: SigningMembers,
  action: 'kms:Sign' | 'kms:Verify',
  operation: 'Sign' | 'Verify',
): SigningRequest {
  const { key, requestAlias } = resolveKey(ctx, members.keyId);
  ctx.authorize({
    action,
    key,
    requestAlias,
    grantTokens: members.grantTokens,
    conditionKeys: {
      'kms:SigningAlgorithm': members.algorithm,
      'kms:MessageType': members.messageType,
    },
  });
  requireUsage(key, 'SIGN_VERIFY', operation);
  requireEnabled(key);
  requireSigningAlgorithm(key, members.algorithm);
  requireMessageFits(members.algorithm, members.messageType, members.message, key);
  return {
    key,
    message: Buffer.from(members.message),
    messageType: members.messageType as SupportedMessageType,
    algorithm: members.algorithm as SigningAlgorithm,
    dryRun: members.dryRun,
  };
}
