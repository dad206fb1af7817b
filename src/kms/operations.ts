import {
  CreateGrantCommand,
  DecryptCommand,
  DeriveSharedSecretCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateMacCommand,
  GenerateRandomCommand,
  GetPublicKeyCommand,
  ReEncryptCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type KeyUsageType,
  type KMSClient,
} from '@aws-sdk/client-kms';
import type { Command } from '@smithy/types';
import type { CatalogueEntry } from './errors';

/*
 * Every KMS operation the console sends from a form or a check, described once: the SDK command
 * that sends it, whether it takes DryRun, the AWS CLI command's parameters, and what its errors
 * mean beyond the generic catalogue. The fetchers, "Copy as AWS CLI", "Check permission", the
 * error explanations and the activity panel read this table, so a new operation is an entry here
 * and its form.
 */

export type CliParamKind = 'string' | 'blob' | 'map' | 'list' | 'number' | 'flag';

export interface CliParam {
  member: string;
  kind: CliParamKind;
  /** For blobs: the file the command reads. */
  file?: string;
}

export interface CliSpec {
  /** The request members the command passes, in the CLI's order. */
  params: CliParam[];
  /** Binary response members, each decoded into its file. */
  binaryOutputs?: Array<{ member: string; file: string }>;
  /** A scalar response member printed as text (Verify's SignatureValid). */
  textOutput?: string;
}

export interface DryRunSupport {
  /**
   * What performing it would do, for an operation that changes what the account holds: a check
   * of it is sent only where DryRun is known to be honoured.
   */
  performed?: string;
  /** Without ciphertext it is checked with `DryRunModifiers: ["IGNORE_CIPHERTEXT"]`. */
  ignoresCiphertext?: boolean;
}

/** Cause and fix that replace the catalogue's for one exception of one operation. */
export type Refinement = Partial<CatalogueEntry>;

export interface ErrorHints {
  /** InvalidKeyUsageException: which keys and algorithms the operation takes. */
  keyUsage?: Refinement;
  /**
   * The operation decrypts a ciphertext, so InvalidCiphertextException is about the context or the
   * bytes; `source` when the ciphertext's side is the source one (ReEncrypt).
   */
  decrypts?: { side: '' | 'source ' };
  /** The field that names the key, as fixes refer to it ("Key" unless said). */
  keyField?: string;
  /** Other exceptions this operation gives its own meaning. */
  exceptions?: Record<string, Refinement>;
}

export interface OperationDescription {
  /** The SDK command class that sends it. */
  command: abstract new (input: never) => object;
  /** It uses key material (or makes random bytes) rather than managing keys or grants. */
  cryptographic: boolean;
  /** Present when the operation takes `DryRun`. */
  dryRun?: DryRunSupport;
  /** The usage its key must have; KMS refuses any other (InvalidKeyUsageException). */
  keyUsage?: KeyUsageType;
  /** "Copy as AWS CLI"; the command name follows from the operation's (`aws kms encrypt`). */
  cli?: CliSpec;
  errors?: ErrorHints;
}

const KEY: CliParam = { member: 'KeyId', kind: 'string' };
const CONTEXT: CliParam = { member: 'EncryptionContext', kind: 'map' };
const MESSAGE = blob('Message', 'message.bin');
const CIPHERTEXT = blob('CiphertextBlob', 'ciphertext.bin');
const GRANTS: CliParam = { member: 'GrantTokens', kind: 'list' };
const DRY_RUN: CliParam = { member: 'DryRun', kind: 'flag' };

function text(member: string): CliParam {
  return { member, kind: 'string' };
}

function blob(member: string, file: string): CliParam {
  return { member, kind: 'blob', file };
}

/** Every operation that may dry-run ends with the same two options, in the CLI's order. */
function thenGrantsAndDryRun(...params: CliParam[]): CliParam[] {
  return [...params, GRANTS, DRY_RUN];
}

/** The binary response members, in the order the command writes them. */
function outputs(...pairs: Array<[member: string, file: string]>): CliSpec['binaryOutputs'] {
  return pairs.map(([member, file]) => ({ member, file }));
}

// With and without plaintext, a data key (pair) request has the same parameters.
const DATA_KEY_PARAMS = thenGrantsAndDryRun(
  KEY,
  text('KeySpec'),
  { member: 'NumberOfBytes', kind: 'number' },
  CONTEXT,
);
const DATA_KEY_PAIR_PARAMS = thenGrantsAndDryRun(KEY, text('KeyPairSpec'), CONTEXT);

const DATA_KEY_ERRORS: ErrorHints = {
  keyUsage: {
    cause:
      'Data keys are generated and encrypted under a symmetric encryption key (SYMMETRIC_DEFAULT).',
    fix: 'Choose a symmetric encryption key, such as alias/demo-app.',
  },
};
const SIGNING_USAGE: Refinement = {
  cause:
    'Sign and Verify need an asymmetric key whose usage is SIGN_VERIFY, with one of its signing algorithms (ML-DSA keys: ML_DSA_SHAKE_256).',
  fix: 'Choose a signing key, such as alias/demo-sign.',
};
const MAC_USAGE: Refinement = {
  cause: 'MACs need an HMAC key (usage GENERATE_VERIFY_MAC) and a MAC algorithm of its key spec.',
  fix: 'Choose an HMAC key, such as alias/demo-hmac, and its MAC algorithm.',
};

export const KMS_OPERATIONS = {
  Encrypt: {
    command: EncryptCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: {},
    cli: {
      params: thenGrantsAndDryRun(
        KEY,
        blob('Plaintext', 'plaintext.bin'),
        CONTEXT,
        text('EncryptionAlgorithm'),
      ),
      binaryOutputs: outputs(['CiphertextBlob', 'ciphertext.bin']),
    },
    errors: {
      keyUsage: {
        cause:
          'Encrypt needs a key whose usage is ENCRYPT_DECRYPT (symmetric or RSA), and an algorithm that key supports. Signing, HMAC and key agreement keys cannot encrypt.',
        fix: 'Choose an encryption key, such as alias/demo-app, and one of its algorithms.',
      },
    },
  },
  Decrypt: {
    command: DecryptCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: { ignoresCiphertext: true },
    cli: {
      params: thenGrantsAndDryRun(CIPHERTEXT, KEY, CONTEXT, text('EncryptionAlgorithm')),
      binaryOutputs: outputs(['Plaintext', 'plaintext.bin']),
    },
    errors: {
      keyUsage: {
        cause:
          'Decrypt needs the ENCRYPT_DECRYPT key that encrypted the ciphertext, with an algorithm that key supports.',
        fix: 'Choose the key that encrypted the ciphertext and its algorithm.',
      },
      decrypts: { side: '' },
    },
  },
  ReEncrypt: {
    command: ReEncryptCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: { ignoresCiphertext: true },
    cli: {
      params: thenGrantsAndDryRun(
        CIPHERTEXT,
        text('SourceKeyId'),
        { member: 'SourceEncryptionContext', kind: 'map' },
        text('SourceEncryptionAlgorithm'),
        text('DestinationKeyId'),
        { member: 'DestinationEncryptionContext', kind: 'map' },
        text('DestinationEncryptionAlgorithm'),
      ),
      binaryOutputs: outputs(['CiphertextBlob', 're-encrypted.bin']),
    },
    errors: {
      keyUsage: {
        cause:
          'Both the source and the destination key must have usage ENCRYPT_DECRYPT, and each algorithm must be one its key supports.',
        fix: 'Choose encryption keys for both sides.',
      },
      decrypts: { side: 'source ' },
      keyField: 'Source key',
    },
  },
  GenerateDataKey: {
    command: GenerateDataKeyCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: {},
    cli: {
      params: DATA_KEY_PARAMS,
      binaryOutputs: outputs(
        ['Plaintext', 'data-key.bin'],
        ['CiphertextBlob', 'data-key.encrypted.bin'],
      ),
    },
    errors: DATA_KEY_ERRORS,
  },
  GenerateDataKeyWithoutPlaintext: {
    command: GenerateDataKeyWithoutPlaintextCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: {},
    cli: {
      params: DATA_KEY_PARAMS,
      binaryOutputs: outputs(['CiphertextBlob', 'data-key.encrypted.bin']),
    },
    errors: DATA_KEY_ERRORS,
  },
  GenerateDataKeyPair: {
    command: GenerateDataKeyPairCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: {},
    cli: {
      params: DATA_KEY_PAIR_PARAMS,
      binaryOutputs: outputs(
        ['PrivateKeyPlaintext', 'private-key.der'],
        ['PrivateKeyCiphertextBlob', 'private-key.encrypted.bin'],
        ['PublicKey', 'public-key.der'],
      ),
    },
    errors: DATA_KEY_ERRORS,
  },
  GenerateDataKeyPairWithoutPlaintext: {
    command: GenerateDataKeyPairWithoutPlaintextCommand,
    cryptographic: true,
    keyUsage: 'ENCRYPT_DECRYPT',
    dryRun: {},
    cli: {
      params: DATA_KEY_PAIR_PARAMS,
      binaryOutputs: outputs(
        ['PrivateKeyCiphertextBlob', 'private-key.encrypted.bin'],
        ['PublicKey', 'public-key.der'],
      ),
    },
    errors: DATA_KEY_ERRORS,
  },
  GenerateRandom: {
    command: GenerateRandomCommand,
    cryptographic: true,
    cli: {
      params: [{ member: 'NumberOfBytes', kind: 'number' }],
      binaryOutputs: outputs(['Plaintext', 'random.bin']),
    },
  },
  Sign: {
    command: SignCommand,
    cryptographic: true,
    keyUsage: 'SIGN_VERIFY',
    dryRun: {},
    cli: {
      params: thenGrantsAndDryRun(KEY, MESSAGE, text('MessageType'), text('SigningAlgorithm')),
      binaryOutputs: outputs(['Signature', 'signature.bin']),
    },
    errors: { keyUsage: SIGNING_USAGE },
  },
  Verify: {
    command: VerifyCommand,
    cryptographic: true,
    keyUsage: 'SIGN_VERIFY',
    dryRun: {},
    cli: {
      params: thenGrantsAndDryRun(
        KEY,
        MESSAGE,
        text('MessageType'),
        blob('Signature', 'signature.bin'),
        text('SigningAlgorithm'),
      ),
      textOutput: 'SignatureValid',
    },
    errors: {
      keyUsage: SIGNING_USAGE,
      exceptions: {
        KMSInvalidSignatureException: {
          cause:
            'The signature does not verify: the message, the message type (RAW, DIGEST or EXTERNAL_MU), the signing algorithm or the key differ from those used to sign, or the signature was changed.',
        },
      },
    },
  },
  GenerateMac: {
    command: GenerateMacCommand,
    cryptographic: true,
    keyUsage: 'GENERATE_VERIFY_MAC',
    dryRun: {},
    cli: {
      params: thenGrantsAndDryRun(KEY, MESSAGE, text('MacAlgorithm')),
      binaryOutputs: outputs(['Mac', 'mac.bin']),
    },
    errors: { keyUsage: MAC_USAGE },
  },
  VerifyMac: {
    command: VerifyMacCommand,
    cryptographic: true,
    keyUsage: 'GENERATE_VERIFY_MAC',
    dryRun: {},
    cli: {
      params: thenGrantsAndDryRun(KEY, MESSAGE, text('MacAlgorithm'), blob('Mac', 'mac.bin')),
      textOutput: 'MacValid',
    },
    errors: {
      keyUsage: MAC_USAGE,
      exceptions: {
        KMSInvalidMacException: {
          cause:
            'The MAC does not verify: the message, the MAC algorithm or the HMAC key differ from those used to generate it, or the MAC was changed.',
        },
      },
    },
  },
  GetPublicKey: {
    command: GetPublicKeyCommand,
    cryptographic: true,
    cli: {
      params: [KEY, GRANTS],
      binaryOutputs: outputs(['PublicKey', 'public-key.der']),
    },
  },
  DeriveSharedSecret: {
    command: DeriveSharedSecretCommand,
    cryptographic: true,
    keyUsage: 'KEY_AGREEMENT',
    dryRun: {},
    cli: {
      params: thenGrantsAndDryRun(
        KEY,
        text('KeyAgreementAlgorithm'),
        blob('PublicKey', 'public-key.der'),
      ),
      binaryOutputs: outputs(['SharedSecret', 'shared-secret.bin']),
    },
    errors: {
      keyUsage: {
        cause:
          'DeriveSharedSecret needs an asymmetric key on a NIST curve (ECC_NIST_P256, P384 or P521) whose key usage is KEY_AGREEMENT; key usage is fixed when a key is created.',
        fix: 'Choose a key agreement key, or create one: Create key → Asymmetric → Key agreement.',
      },
    },
  },
  CreateGrant: {
    command: CreateGrantCommand,
    cryptographic: false,
    dryRun: { performed: 'would create a grant on the key' },
  },
  RetireGrant: {
    command: RetireGrantCommand,
    cryptographic: false,
    dryRun: { performed: 'would retire the grant' },
  },
  RevokeGrant: {
    command: RevokeGrantCommand,
    cryptographic: false,
    dryRun: { performed: 'would revoke the grant' },
  },
} satisfies Record<string, OperationDescription>;

type Table = typeof KMS_OPERATIONS;

export type KmsOperationName = keyof Table;

/** The operations "Copy as AWS CLI" can write. */
export type CliOperation = {
  [K in KmsOperationName]: Table[K] extends { cli: CliSpec } ? K : never;
}[KmsOperationName];

/** The operations that take DryRun. */
export type DryRunOperation = {
  [K in KmsOperationName]: Table[K] extends { dryRun: DryRunSupport } ? K : never;
}[KmsOperationName];

export type OperationInput<Op extends KmsOperationName> = ConstructorParameters<
  Table[Op]['command']
>[0];

export type OperationOutput<Op extends KmsOperationName> =
  // The output type is the command's fourth type parameter; `any` matches the others, whatever
  // the SDK's client types are.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  InstanceType<Table[Op]['command']> extends Command<any, any, any, infer O, any> ? O : never;

/** The description of one operation, as the modules that read the table need it. */
export function describeOperation(operation: KmsOperationName): OperationDescription {
  return KMS_OPERATIONS[operation];
}

export function isKmsOperation(name: string): name is KmsOperationName {
  return Object.hasOwn(KMS_OPERATIONS, name);
}

export const DRY_RUN_OPERATIONS = (Object.keys(KMS_OPERATIONS) as KmsOperationName[]).filter(
  (name): name is DryRunOperation => describeOperation(name).dryRun !== undefined,
);

export const CRYPTOGRAPHIC_OPERATIONS: ReadonlySet<string> = new Set(
  (Object.keys(KMS_OPERATIONS) as KmsOperationName[]).filter(
    (name) => describeOperation(name).cryptographic,
  ),
);

/** Sends one operation with its SDK command. */
export function sendKmsOperation<Op extends KmsOperationName>(
  kms: KMSClient,
  operation: Op,
  input: OperationInput<Op>,
  options: { abortSignal?: AbortSignal } = {},
): Promise<OperationOutput<Op>> {
  // TypeScript cannot relate a generic operation name to its command's input and output; the
  // table pairs each name with its own command, so the input and output are that command's.
  const SdkCommand = KMS_OPERATIONS[operation].command as unknown as new (
    input: OperationInput<Op>,
  ) => Parameters<KMSClient['send']>[0];
  return kms.send(new SdkCommand(input), options) as Promise<OperationOutput<Op>>;
}
