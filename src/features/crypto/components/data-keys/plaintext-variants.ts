import type { KmsOperation } from '../../api/use-kms-operation';

/**
 * An operation offered with and without plaintext (GenerateDataKey, GenerateDataKeyPair): only
 * one result at a time, so running either drops the other's plaintext key.
 */
export function plaintextVariants<I, WithPlaintext, WithoutPlaintext>(
  withPlaintext: KmsOperation<I, WithPlaintext>,
  withoutPlaintext: KmsOperation<I, WithoutPlaintext>,
  wantPlaintext: boolean,
) {
  const chosen = wantPlaintext ? withPlaintext : withoutPlaintext;
  return {
    state: {
      status: chosen.state.status,
      error: withPlaintext.state.error ?? withoutPlaintext.state.error,
    },
    run(input: I): Promise<WithPlaintext | WithoutPlaintext | undefined> {
      withPlaintext.reset();
      withoutPlaintext.reset();
      return chosen.run(input);
    },
    result: withPlaintext.state.data ?? withoutPlaintext.state.data,
    /** The result when it holds plaintext. */
    plaintextResult: withPlaintext.state.data,
  };
}
