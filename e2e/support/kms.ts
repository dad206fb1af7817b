import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ADMIN_ACCESS_KEY } from './sign-in';

/** A Node-side client as the demo admin IAM user, for test setup (the UI is what is tested). */
export function adminKms(baseURL: string): KMSClient {
  return new KMSClient({ region: 'us-east-1', endpoint: baseURL, credentials: ADMIN_ACCESS_KEY });
}

export async function createKey(kms: KMSClient, description: string): Promise<string> {
  const answer = await kms.send(new CreateKeyCommand({ Description: description }));
  return answer.KeyMetadata!.KeyId!;
}

export async function createAlias(kms: KMSClient, aliasName: string, keyId: string): Promise<void> {
  await kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
}
