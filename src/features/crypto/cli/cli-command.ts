import type { EncryptionContext } from '../../../bytes/encryption-context';
import { toShorthand } from '../../../bytes/encryption-context';
import { shellQuote } from './shell';

/*
 * "Copy as AWS CLI": the `aws kms …` command that sends the same request the console just built.
 * Binary inputs are files (`fileb://`, which the CLI reads as raw bytes in v1 and v2 alike), the
 * encryption context is the CLI shorthand, and binary outputs are decoded into files, so running
 * the command against the same endpoint gives the same result.
 */

export type CryptoOperation =
  | 'Encrypt'
  | 'Decrypt'
  | 'ReEncrypt'
  | 'GenerateDataKey'
  | 'GenerateDataKeyWithoutPlaintext'
  | 'GenerateDataKeyPair'
  | 'GenerateDataKeyPairWithoutPlaintext'
  | 'GenerateRandom'
  | 'Sign'
  | 'Verify'
  | 'GenerateMac'
  | 'VerifyMac'
  | 'GetPublicKey';

type ParamKind = 'string' | 'blob' | 'map' | 'list' | 'number' | 'flag';

interface ParamSpec {
  member: string;
  kind: ParamKind;
  /** For blobs: the file the command reads. */
  file?: string;
}

interface OperationSpec {
  params: ParamSpec[];
  /** Binary response members, each decoded into its file. */
  binaryOutputs?: Array<{ member: string; file: string }>;
  /** A scalar response member printed as text (Verify's SignatureValid). */
  textOutput?: string;
}

const KEY: ParamSpec = { member: 'KeyId', kind: 'string' };
const CONTEXT: ParamSpec = { member: 'EncryptionContext', kind: 'map' };
const MESSAGE = blob('Message', 'message.bin');
const CIPHERTEXT = blob('CiphertextBlob', 'ciphertext.bin');
const GRANTS: ParamSpec = { member: 'GrantTokens', kind: 'list' };
const DRY_RUN: ParamSpec = { member: 'DryRun', kind: 'flag' };

function text(member: string): ParamSpec {
  return { member, kind: 'string' };
}

function blob(member: string, file: string): ParamSpec {
  return { member, kind: 'blob', file };
}

/** Every operation that may dry-run ends with the same two options, in the CLI's order. */
function thenGrantsAndDryRun(...params: ParamSpec[]): ParamSpec[] {
  return [...params, GRANTS, DRY_RUN];
}

/** The binary response members, in the order the command writes them. */
function outputs(...pairs: Array<[member: string, file: string]>): OperationSpec['binaryOutputs'] {
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

export const OPERATION_SPECS: Record<CryptoOperation, OperationSpec> = {
  Encrypt: {
    params: thenGrantsAndDryRun(
      KEY,
      blob('Plaintext', 'plaintext.bin'),
      CONTEXT,
      text('EncryptionAlgorithm'),
    ),
    binaryOutputs: outputs(['CiphertextBlob', 'ciphertext.bin']),
  },
  Decrypt: {
    params: thenGrantsAndDryRun(CIPHERTEXT, KEY, CONTEXT, text('EncryptionAlgorithm')),
    binaryOutputs: outputs(['Plaintext', 'plaintext.bin']),
  },
  ReEncrypt: {
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
  GenerateDataKey: {
    params: DATA_KEY_PARAMS,
    binaryOutputs: outputs(
      ['Plaintext', 'data-key.bin'],
      ['CiphertextBlob', 'data-key.encrypted.bin'],
    ),
  },
  GenerateDataKeyWithoutPlaintext: {
    params: DATA_KEY_PARAMS,
    binaryOutputs: outputs(['CiphertextBlob', 'data-key.encrypted.bin']),
  },
  GenerateDataKeyPair: {
    params: DATA_KEY_PAIR_PARAMS,
    binaryOutputs: outputs(
      ['PrivateKeyPlaintext', 'private-key.der'],
      ['PrivateKeyCiphertextBlob', 'private-key.encrypted.bin'],
      ['PublicKey', 'public-key.der'],
    ),
  },
  GenerateDataKeyPairWithoutPlaintext: {
    params: DATA_KEY_PAIR_PARAMS,
    binaryOutputs: outputs(
      ['PrivateKeyCiphertextBlob', 'private-key.encrypted.bin'],
      ['PublicKey', 'public-key.der'],
    ),
  },
  GenerateRandom: {
    params: [{ member: 'NumberOfBytes', kind: 'number' }],
    binaryOutputs: outputs(['Plaintext', 'random.bin']),
  },
  Sign: {
    params: thenGrantsAndDryRun(KEY, MESSAGE, text('MessageType'), text('SigningAlgorithm')),
    binaryOutputs: outputs(['Signature', 'signature.bin']),
  },
  Verify: {
    params: thenGrantsAndDryRun(
      KEY,
      MESSAGE,
      text('MessageType'),
      blob('Signature', 'signature.bin'),
      text('SigningAlgorithm'),
    ),
    textOutput: 'SignatureValid',
  },
  GenerateMac: {
    params: thenGrantsAndDryRun(KEY, MESSAGE, text('MacAlgorithm')),
    binaryOutputs: outputs(['Mac', 'mac.bin']),
  },
  VerifyMac: {
    params: thenGrantsAndDryRun(KEY, MESSAGE, text('MacAlgorithm'), blob('Mac', 'mac.bin')),
    textOutput: 'MacValid',
  },
  GetPublicKey: {
    params: [KEY, GRANTS],
    binaryOutputs: outputs(['PublicKey', 'public-key.der']),
  },
};

export interface CliTarget {
  region: string;
  /** Undefined for AWS's own endpoints: then no --endpoint-url. */
  endpoint?: string;
}

export interface CliInputFile {
  /** The request member it holds, e.g. `Plaintext`. */
  member: string;
  name: string;
  bytes: Uint8Array;
}

export interface CliCommand {
  /** The command, one option per line (sh, bash and zsh accept the backslash continuations). */
  text: string;
  /** Files the command reads with fileb://, to be saved next to it. */
  inputs: CliInputFile[];
  /** Files the command writes. */
  outputs: string[];
}

/** `KeyId` → `--key-id`, `CiphertextBlob` → `--ciphertext-blob`: the CLI's own naming rule. */
export function optionName(member: string): string {
  return `--${member.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

/** `GenerateDataKeyPair` → `generate-data-key-pair`. */
export function commandName(operation: CryptoOperation): string {
  return optionName(operation).slice(2);
}

/** Shorthand when every key and value is plain, JSON otherwise (both are what the CLI takes). */
export function contextArgument(context: EncryptionContext): string {
  return toShorthand(context) ?? JSON.stringify(context);
}

export type CliInput = Record<string, unknown>;

export function buildCliCommand(
  operation: CryptoOperation,
  input: CliInput,
  target: CliTarget,
): CliCommand {
  const spec = OPERATION_SPECS[operation];
  const lines: string[] = [`aws kms ${commandName(operation)}`];
  const inputs: CliInputFile[] = [];
  if (target.endpoint) lines.push(`--endpoint-url ${shellQuote(target.endpoint)}`);
  lines.push(`--region ${shellQuote(target.region)}`);

  for (const param of spec.params) {
    const value = input[param.member];
    if (value === undefined || value === null) continue;
    const option = optionName(param.member);
    switch (param.kind) {
      case 'string':
        lines.push(`${option} ${shellQuote(String(value))}`);
        break;
      case 'number':
        lines.push(`${option} ${Number(value)}`);
        break;
      case 'blob': {
        const name = param.file ?? `${param.member.toLowerCase()}.bin`;
        inputs.push({ member: param.member, name, bytes: value as Uint8Array });
        lines.push(`${option} fileb://${name}`);
        break;
      }
      case 'map': {
        const context = value as EncryptionContext;
        if (Object.keys(context).length > 0) {
          lines.push(`${option} ${shellQuote(contextArgument(context))}`);
        }
        break;
      }
      case 'list': {
        const list = value as string[];
        if (list.length > 0) lines.push(`${option} ${list.map(shellQuote).join(' ')}`);
        break;
      }
      case 'flag':
        if (value === true) lines.push(option);
        break;
    }
  }

  const outputs = (spec.binaryOutputs ?? []).map((output) => output.file);
  let tail = '';
  if (spec.textOutput) {
    lines.push(`--query ${spec.textOutput}`, '--output text');
  } else if (spec.binaryOutputs && spec.binaryOutputs.length === 1) {
    const [only] = spec.binaryOutputs;
    lines.push(`--query ${only.member}`, '--output text');
    tail = ` | base64 --decode > ${only.file}`;
  } else if (spec.binaryOutputs) {
    // Several binary members: one call (a second would make new keys), split with `read`.
    const members = spec.binaryOutputs.map((o) => o.member);
    const variables = spec.binaryOutputs.map((_, index) => `b${index + 1}`);
    lines.push(`--query ${shellQuote(`[${members.join(',')}]`)}`, '--output text');
    const writes = spec.binaryOutputs
      .map((o, index) => `printf '%s' "$${variables[index]}" | base64 --decode > ${o.file}`)
      .join('; ');
    tail = ` | { read -r ${variables.join(' ')}; ${writes}; }`;
  }
  return { text: lines.join(' \\\n  ') + tail, inputs, outputs };
}
