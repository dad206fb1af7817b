import type { EncryptionContext } from '../../../bytes/encryption-context';
import { toShorthand } from '../../../bytes/encryption-context';
import { KMS_OPERATIONS, type CliOperation, type CliSpec } from '../../../kms/operations';
import { shellQuote } from './shell';

/*
 * "Copy as AWS CLI": the `aws kms …` command that sends the same request the console just built.
 * Binary inputs are files (`fileb://`, which the CLI reads as raw bytes in v1 and v2 alike), the
 * encryption context is the CLI shorthand, and binary outputs are decoded into files, so running
 * the command against the same endpoint gives the same result.
 */

/** The operations whose CLI command the console writes (the table in src/kms/operations.ts). */
export type CryptoOperation = CliOperation;

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
  const spec: CliSpec = KMS_OPERATIONS[operation].cli;
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
