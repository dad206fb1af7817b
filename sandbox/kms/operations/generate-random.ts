import type { GenerateRandomCommandInput, GenerateRandomCommandOutput } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { customKeyStoreNotFound, validationMessage } from '../../protocol/errors';
import { rejectRecipient } from '../crypto-validation';
import type { OperationContext } from '../operation';
import { InputValidator } from '../validation';

type Output = Omit<GenerateRandomCommandOutput, '$metadata'>;

/** Random bytes from the sandbox's CSPRNG; no KMS key is involved, so none is authorized. */
export function generateRandom(input: GenerateRandomCommandInput, ctx: OperationContext): Output {
  const v = new InputValidator(input);
  const numberOfBytes = v.integer('NumberOfBytes', { min: 1, max: 1024 });
  const customKeyStoreId = v.string('CustomKeyStoreId', { min: 1, max: 64 });
  v.done();
  if (numberOfBytes === undefined) throw validationMessage('NumberOfBytes is required.');
  rejectRecipient(input);

  ctx.authorize({ action: 'kms:GenerateRandom' });
  if (customKeyStoreId !== undefined) {
    throw customKeyStoreNotFound(customKeyStoreId);
  }
  return { Plaintext: randomBytes(numberOfBytes) };
}
