import type {
  GenerateDataKeyCommandInput,
  GenerateDataKeyCommandOutput,
} from '@aws-sdk/client-kms';
import { generateDataKeyFor } from '../data-keys';
import type { OperationContext } from '../operation';

type Output = Omit<GenerateDataKeyCommandOutput, '$metadata'>;

export function generateDataKey(input: GenerateDataKeyCommandInput, ctx: OperationContext): Output {
  return generateDataKeyFor(input, ctx, 'GenerateDataKey');
}
