import Button from '@cloudscape-design/components/button';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { ResultField, ResultRegion, VerdictField } from './Result';

/** The key and algorithm a message result names, under their AWS names. */
interface KeyAndAlgorithm {
  requestId: string | undefined;
  keyId: string | undefined;
  /** `SigningAlgorithm` or `MacAlgorithm`, and its value. */
  algorithm: { name: 'SigningAlgorithm' | 'MacAlgorithm'; value: string | undefined };
}

/** The result of Sign or GenerateMac: the signature or MAC, and a button to verify it. */
export function ProducedResult({
  requestId,
  output,
  keyId,
  algorithm,
  verifyLabel,
  onVerify,
}: KeyAndAlgorithm & {
  /** `Signature` or `Mac`, its bytes and the file it downloads as. */
  output: { name: 'Signature' | 'Mac'; bytes: Uint8Array; fileName: string };
  verifyLabel: string;
  onVerify(): void;
}) {
  return (
    <ResultRegion
      requestId={requestId}
      actions={
        <Button variant="primary" onClick={onVerify}>
          {verifyLabel}
        </Button>
      }
    >
      <ByteOutput
        name={output.name}
        bytes={output.bytes}
        fileName={output.fileName}
        defaultFormat="base64"
      />
      <ResultField name="KeyId">{keyId}</ResultField>
      <ResultField name={algorithm.name}>{algorithm.value}</ResultField>
    </ResultRegion>
  );
}

/** The result of Verify or VerifyMac: whether it holds, for which key and algorithm. */
export function VerifiedResult({
  requestId,
  verdict,
  keyId,
  algorithm,
}: KeyAndAlgorithm & {
  /** `SignatureValid` or `MacValid`, and its value. */
  verdict: { name: 'SignatureValid' | 'MacValid'; value: boolean | undefined };
}) {
  return (
    <ResultRegion requestId={requestId}>
      <VerdictField name={verdict.name} value={verdict.value} />
      <ResultField name="KeyId">{keyId}</ResultField>
      <ResultField name={algorithm.name}>{algorithm.value}</ResultField>
    </ResultRegion>
  );
}
