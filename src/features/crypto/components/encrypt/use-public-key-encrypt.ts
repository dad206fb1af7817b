import { useCallback, useState } from 'react';
import { encryptWithPublicKey, type RsaOaepAlgorithm } from '../../webcrypto/rsa-oaep';

/** WebCrypto RSA-OAEP encryption with a KMS public key; state is local to the page. */
export function usePublicKeyEncrypt() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (der: Uint8Array, algorithm: RsaOaepAlgorithm, plaintext: Uint8Array) => {
      setPending(true);
      setError(undefined);
      try {
        return await encryptWithPublicKey(der, algorithm, plaintext);
      } catch (failure) {
        setError(failure);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [],
  );
  const reset = useCallback(() => setError(undefined), []);
  return { pending, error, run, reset };
}
