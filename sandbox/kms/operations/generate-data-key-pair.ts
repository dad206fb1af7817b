import type {
  GenerateDataKeyPairCommandInput,
  GenerateDataKeyPairCommandOutput,
} from '@aws-sdk/client-kms';
import { generateDataKeyPairFor } from '../data-keys';
import type { OperationContext } from '../operation';

type Output = Omit<GenerateDataKeyPairCommandOutput, '$metadata'>;

export function generateDataKeyPair(
  input: GenerateDataKeyPairCommandInput,
  ctx: OperationContext,
): Promise<Output> {
  return generateDataKeyPairFor(input, ctx, 'GenerateDataKeyPair');
}
