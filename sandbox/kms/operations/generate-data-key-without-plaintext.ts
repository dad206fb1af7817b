import type {
  GenerateDataKeyWithoutPlaintextCommandInput,
  GenerateDataKeyWithoutPlaintextCommandOutput,
} from '@aws-sdk/client-kms';
import { generateDataKeyFor } from '../data-keys';
import type { OperationContext } from '../operation';

type Output = Omit<GenerateDataKeyWithoutPlaintextCommandOutput, '$metadata'>;

export function generateDataKeyWithoutPlaintext(
  input: GenerateDataKeyWithoutPlaintextCommandInput,
  ctx: OperationContext,
): Output {
  const { Plaintext, ...rest } = generateDataKeyFor(input, ctx, 'GenerateDataKeyWithoutPlaintext');
  Plaintext.fill(0);
  return rest;
}
