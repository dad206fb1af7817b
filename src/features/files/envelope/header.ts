import { deserializeFactory, WebCryptoAlgorithmSuite, type HeaderInfo } from './aws-crypto';
import { toHex } from '@smithy/util-hex-encoding';
import { toUtf8 } from '@smithy/util-utf8';
import { EnvelopeError } from './envelope-errors';
import { describeSuite, type SuiteDescription } from './suites';

const deserialize = deserializeFactory(toUtf8, WebCryptoAlgorithmSuite);

/** Context key the SDK adds to signed messages: the public key that verifies the signature. */
export const PUBLIC_KEY_CONTEXT_KEY = 'aws-crypto-public-key';
const KMS_PROVIDER_ID = 'aws-kms';

export interface EncryptedDataKeySummary {
  /** `aws-kms` for KMS keyrings; raw keyrings write their own namespace. */
  providerId: string;
  /** For `aws-kms`: the ARN of the KMS key that encrypted this copy of the data key. */
  providerInfo: string;
  isKms: boolean;
  account?: string;
  region?: string;
}

export interface MessageSummary {
  formatVersion: number;
  suite: SuiteDescription;
  messageId: string;
  /** 0 for the legacy non-framed body. */
  frameLength: number;
  framed: boolean;
  encryptionContext: Record<string, string>;
  encryptedDataKeys: EncryptedDataKeySummary[];
  /** Header plus header authentication tag: where the body starts. */
  headerLength: number;
}

const KEY_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):(\d{12}):key\/.+$/;
/** Content type 2 is framed data, 1 the non-framed body older SDKs wrote for small messages. */
const FRAMED = 2;

/**
 * Reads the message header with the SDK's own deserializer. Returns undefined when `bytes` ends
 * before the header does (read more and try again); throws an EnvelopeError when the bytes are
 * not an AWS Encryption SDK message. The header is not authenticated yet: decryption does that.
 */
export function readHeader(bytes: Uint8Array): HeaderInfo | undefined {
  let info: HeaderInfo | false;
  try {
    info = deserialize.deserializeMessageHeader(bytes, { maxEncryptedDataKeys: false });
  } catch (error) {
    throw new EnvelopeError(
      'NotAnEncryptedMessage',
      `The file does not start with an AWS Encryption SDK message header (${(error as Error).message}).`,
    );
  }
  return info === false ? undefined : info;
}

export function summarizeHeader(info: HeaderInfo): MessageSummary {
  const { messageHeader } = info;
  return {
    formatVersion: messageHeader.version,
    suite: describeSuite(info.algorithmSuite),
    messageId: toHex(messageHeader.messageId),
    frameLength: messageHeader.frameLength,
    framed: messageHeader.contentType === FRAMED,
    encryptionContext: { ...messageHeader.encryptionContext },
    encryptedDataKeys: messageHeader.encryptedDataKeys.map(({ providerId, providerInfo }) => {
      const arn = KEY_ARN.exec(providerInfo);
      return {
        providerId,
        providerInfo,
        isKms: providerId === KMS_PROVIDER_ID,
        region: arn?.[1],
        account: arn?.[2],
      };
    }),
    headerLength: info.headerLength + info.headerAuth.headerAuthLength,
  };
}

/** Where the header ends, for callers that read only a prefix of a file. */
export const HEADER_PROBE_BYTES = 64 * 1024;

/**
 * Reads the header from the start of a file, reading more only for unusually large headers (many
 * data keys or a big encryption context), so inspecting a 200 MB file reads kilobytes.
 */
export async function inspectFile(file: Blob): Promise<MessageSummary> {
  for (let length = HEADER_PROBE_BYTES; ; length *= 4) {
    const bytes = new Uint8Array(await file.slice(0, length).arrayBuffer());
    const info = readHeader(bytes);
    if (info) return summarizeHeader(info);
    if (length >= file.size) {
      throw new EnvelopeError(
        'TruncatedMessage',
        `The file ends inside the message header (${file.size} bytes): it is truncated or not an encrypted file.`,
      );
    }
  }
}
