import type {
  GenerateDataKeyPairWithoutPlaintextCommandInput,
  GenerateDataKeyPairWithoutPlaintextCommandOutput,
} from '@aws-sdk/client-kms';
import { generateDataKeyPairFor } from '../data-keys';
import type { OperationContext } from '../operation';

type Output = Omit<GenerateDataKeyPairWithoutPlaintextCommandOutput, '$metadata'>;

export async function generateDataKeyPairWithoutPlaintext(
  input: GenerateDataKeyPairWithoutPlaintextCommandInput,
  ctx: OperationContext,
): Promise<Output> {
  const { PrivateKeyPlaintext, ...rest } = await generateDataKeyPairFor(
    input,
    ctx,
    'GenerateDataKeyPairWithoutPlaintext',
  );
  PrivateKeyPlaintext.fill(0);
  return rest;
}
