import { AlgorithmSuiteIdentifier, buildClient, CommitmentPolicy } from './aws-crypto';

/**
 * Messages may carry at most this many encrypted data keys. Without a limit, a hostile message
 * with thousands of data keys makes the decrypting side call KMS thousands of times (the AWS
 * Encryption SDK recommends setting it); the encrypt form allows as many keys.
 */
export const MAX_ENCRYPTED_DATA_KEYS = 10;

/**
 * One client for the feature. REQUIRE_ENCRYPT_REQUIRE_DECRYPT is the SDK's default and AWS's
 * recommendation: only algorithm suites with key commitment, for writing and for reading.
 */
export const esdk = buildClient({
  commitmentPolicy: CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT,
  maxEncryptedDataKeys: MAX_ENCRYPTED_DATA_KEYS,
});

/** The two suites the commitment policy allows for encryption, the SDK's default first. */
export const SIGNED_SUITE =
  AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384;
export const UNSIGNED_SUITE =
  AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY;
export type EncryptSuite = typeof SIGNED_SUITE | typeof UNSIGNED_SUITE;

/**
 * Frame length the console writes: 1 MiB. The SDK's default is 4 KiB, and the browser SDK makes one
 * WebCrypto call per frame, so 4 KiB frames cost 3–4× the throughput (see bench/console-files.ts).
 * Streaming decryptors (the AWS Encryption CLI, client-node) hold one frame at a time, so 1 MiB is
 * still small for them.
 */
export const DEFAULT_FRAME_LENGTH = 1024 * 1024;
export const FRAME_LENGTHS = [4 * 1024, 64 * 1024, 1024 * 1024] as const;
