import {
  CreateAliasCommand,
  CreateKeyCommand,
  GetPublicKeyCommand,
  KMSClient,
  ReplicateKeyCommand,
  type KeySpec,
  type KeyUsageType,
} from '@aws-sdk/client-kms';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { ADMIN_ACCESS_KEY } from './sign-in';

/** A Node-side client as the demo admin IAM user, for test setup (the UI is what is tested). */
export function adminKms(baseURL: string): KMSClient {
  return new KMSClient({ region: 'us-east-1', endpoint: baseURL, credentials: ADMIN_ACCESS_KEY });
}

export async function createKey(kms: KMSClient, description: string): Promise<string> {
  const answer = await kms.send(new CreateKeyCommand({ Description: description }));
  return answer.KeyMetadata!.KeyId!;
}

/** A multi-Region primary key in the client's Region with a replica in `replicaRegion`: its id. */
export async function replicatedKey(
  kms: KMSClient,
  replicaRegion: string,
  description?: string,
): Promise<string> {
  const { KeyMetadata } = await kms.send(
    new CreateKeyCommand({ MultiRegion: true, Description: description }),
  );
  const keyId = KeyMetadata!.KeyId!;
  await kms.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: replicaRegion }));
  return keyId;
}

export async function createAlias(kms: KMSClient, aliasName: string, keyId: string): Promise<void> {
  await kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
}

/** An asymmetric key with a fresh alias (test setup), and its public key as GetPublicKey gives it. */
export async function asymmetricKey(
  baseURL: string,
  KeySpec: KeySpec,
  KeyUsage: KeyUsageType,
  name: string,
): Promise<{ alias: string; publicKey: KeyObject }> {
  const kms = adminKms(baseURL);
  try {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage }));
    const alias = `alias/e2e-${name}-${Date.now()}`;
    await createAlias(kms, alias, KeyMetadata!.KeyId!);
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: alias }));
    const publicKey = createPublicKey({
      key: Buffer.from(PublicKey!),
      format: 'der',
      type: 'spki',
    });
    return { alias, publicKey };
  } finally {
    kms.destroy();
  }
}
