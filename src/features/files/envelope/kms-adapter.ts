import type { AwsEsdkKMSInterface } from './aws-crypto';
import {
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';

/** What the SDK's KMS keyring calls: generateDataKey, encrypt and decrypt, each returning a promise. */
export type EsdkKmsClient = AwsEsdkKMSInterface;

export type KmsOperation = 'GenerateDataKey' | 'Encrypt' | 'Decrypt';

export interface KmsCallRecord {
  operation: KmsOperation;
  keyId: string;
  /** Set when KMS (or the network) failed; the SDK hides decrypt failures behind its own message. */
  error?: unknown;
}

export interface AdapterOptions {
  /** Cancelling the job aborts the request in flight. */
  signal?: AbortSignal;
  onCall?: (record: KmsCallRecord) => void;
}

/**
 * The keyring's three KMS methods over the session's KMSClient, so every call is signed with the
 * session's credentials, goes through its retry and throttling handling, and is counted. (Passing
 * the aggregated `KMS` client would pull every KMS command into this page's chunk.)
 */
export function createKmsAdapter(kms: KMSClient, { signal, onCall }: AdapterOptions = {}) {
  async function call<T>(operation: KmsOperation, keyId: string, send: () => Promise<T>) {
    try {
      const answer = await send();
      onCall?.({ operation, keyId });
      return answer;
    } catch (error) {
      onCall?.({ operation, keyId, error });
      throw error;
    }
  }
  const adapter: EsdkKmsClient = {
    generateDataKey: (input) =>
      call('GenerateDataKey', input.KeyId, () =>
        kms.send(new GenerateDataKeyCommand(input), { abortSignal: signal }),
      ),
    encrypt: (input) =>
      call('Encrypt', input.KeyId, () =>
        kms.send(new EncryptCommand(input), { abortSignal: signal }),
      ),
    decrypt: (input) =>
      call('Decrypt', input.KeyId ?? '', () =>
        kms.send(new DecryptCommand(input), { abortSignal: signal }),
      ),
  };
  return adapter;
}
