import type { ReEncryptCommandInput } from '@aws-sdk/client-kms';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ByteInput } from '../../../../bytes/ByteInput';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { encodeBytes } from '../../../../bytes/codecs';
import { useContextField } from '../../../../bytes/use-context-field';
import { useKmsClient } from '../../../../session/SessionProvider';
import { deepLinkSearch, useDeepLink } from '../../../../ui/deep-link';
import { DeepLinkWarning } from '../../../../ui/DeepLinkWarning';
import { useKmsOperation } from '../../api/use-kms-operation';
import { rememberCiphertext } from '../../model/ciphertext-origins';
import { readHandoff, type CryptoHandoff } from '../../model/handoff';
import { EncryptionAlgorithmSelect } from '../shared/AlgorithmSelect';
import { ContextField } from '../shared/ContextField';
import { CryptoPage } from '../shared/CryptoPage';
import { KeyField } from '../shared/KeyField';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { ResultField, ResultRegion } from '../shared/Result';
import { useCiphertextRequest } from '../shared/use-ciphertext-request';
import { useEncryptionAlgorithm } from '../shared/use-encryption-algorithm';
import { useKeyChoice, useKeyedRequest } from '../shared/use-keyed-request';

const RSA_ALGORITHM_MISSING = 'RSA keys need an encryption algorithm.';

export default function ReEncryptPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const link = useDeepLink();
  const [handoff] = useState(() => readHandoff(location.state));
  const kms = useKmsClient();
  // The request's key is the destination (a deep link's keyId); the source key is optional.
  const request = useKeyedRequest(link.keyId);
  const sourceKey = useKeyChoice('', false);
  const source = useEncryptionAlgorithm(sourceKey, handoff.encryptionAlgorithm);
  const destination = useEncryptionAlgorithm(request.key);
  // A deep link's context is the source's, and usually also the destination's: re-encrypting
  // under a new key rarely changes what the data is about.
  const sourceContext = useContextField(link.contextRows);
  const destinationContext = useContextField(link.contextRows);
  const reEncrypt = useKmsOperation('ReEncrypt');
  const { ciphertext, sent, call, errorHints, errorAction } = useCiphertextRequest(
    'ReEncrypt',
    {
      state: reEncrypt.state,
      run: async (ready: ReEncryptCommandInput) => {
        const result = await reEncrypt.run(ready);
        if (result?.CiphertextBlob && result.KeyId)
          rememberCiphertext(kms, result.CiphertextBlob, result.KeyId);
      },
    },
    (sent) => ({
      keyId: sent.SourceKeyId,
      algorithm: sent.SourceEncryptionAlgorithm,
      context: sent.SourceEncryptionContext,
    }),
  );
  const sourceGiven = sourceKey.id !== '';
  const errorOf = (side: typeof source) =>
    request.showErrors && side.missing ? RSA_ALGORITHM_MISSING : undefined;

  const otherFieldsValid =
    request.ready &&
    !sourceKey.error &&
    !source.missing &&
    !destination.missing &&
    (source.rsa || sourceContext.evaluation.valid) &&
    (destination.rsa || destinationContext.evaluation.valid) &&
    !(source.rsaChosen && !sourceGiven);

  const fields: ReEncryptCommandInput | undefined = otherFieldsValid
    ? {
        SourceKeyId: sourceGiven ? sourceKey.id : undefined,
        SourceEncryptionContext: source.rsa ? undefined : sourceContext.evaluation.context,
        SourceEncryptionAlgorithm: source.spec,
        DestinationKeyId: request.key.id,
        DestinationEncryptionContext: destination.rsa
          ? undefined
          : destinationContext.evaluation.context,
        DestinationEncryptionAlgorithm: destination.spec,
        GrantTokens: request.tokens,
      }
    : undefined;
  const input: ReEncryptCommandInput | undefined =
    ciphertext.evaluation.bytes !== undefined && fields
      ? { CiphertextBlob: ciphertext.evaluation.bytes, ...fields }
      : undefined;

  const result = reEncrypt.state.data;
  const sendToDecrypt = () => {
    if (!result?.CiphertextBlob || !sent) return;
    const algorithm = result.DestinationEncryptionAlgorithm;
    const state: CryptoHandoff = {
      ciphertext: encodeBytes(result.CiphertextBlob, 'base64'),
      encryptionAlgorithm: algorithm === 'SYMMETRIC_DEFAULT' ? undefined : algorithm,
    };
    void navigate(
      `/decrypt${deepLinkSearch(sent.DestinationKeyId, sent.DestinationEncryptionContext)}`,
      { state },
    );
  };

  return (
    <CryptoPage
      title="Re-encrypt"
      description="Decrypt and encrypt again under another key (or another context) inside KMS: the plaintext never leaves it."
    >
      <DeepLinkWarning link={link} />
      <KeyedOperationForm
        operation="ReEncrypt"
        input={input}
        // Checked without the ciphertext (IGNORE_CIPHERTEXT) when the source key decides.
        checkInput={input ?? (ciphertext.evaluation.empty && sourceGiven ? fields : undefined)}
        request={request}
        keyField={false}
        leading={
          <ByteInput
            label="Ciphertext"
            field={ciphertext}
            showRequired={request.showErrors}
            description="The CiphertextBlob to re-encrypt: its bytes, or their base64."
          />
        }
        submitLabel="Re-encrypt"
        call={call}
        errorHints={errorHints}
        errorAction={errorAction}
        result={
          result?.CiphertextBlob ? (
            <ResultRegion
              requestId={result.requestId}
              actions={
                <Button variant="primary" onClick={sendToDecrypt}>
                  Send to Decrypt
                </Button>
              }
            >
              <ByteOutput
                name="CiphertextBlob"
                bytes={result.CiphertextBlob}
                fileName="re-encrypted.bin"
                defaultFormat="base64"
              />
              <ResultField name="SourceKeyId">{result.SourceKeyId}</ResultField>
              <ResultField name="KeyId">{result.KeyId}</ResultField>
              <ResultField name="SourceEncryptionAlgorithm">
                {result.SourceEncryptionAlgorithm}
              </ResultField>
              <ResultField name="DestinationEncryptionAlgorithm">
                {result.DestinationEncryptionAlgorithm}
              </ResultField>
            </ResultRegion>
          ) : null
        }
      >
        <ColumnLayout columns={2} variant="text-grid">
          <SpaceBetween size="l">
            <Header variant="h3">From</Header>
            <KeyField
              label="Source key"
              choice={sourceKey}
              showErrors={request.showErrors}
              description="Optional for symmetric ciphertext; required for RSA ciphertext."
            />
            {sourceGiven ? (
              <EncryptionAlgorithmSelect
                label="Source encryption algorithm"
                algorithm={source}
                errorText={errorOf(source)}
              />
            ) : null}
            {source.rsa ? null : (
              <ContextField label="Source encryption context" field={sourceContext} explain />
            )}
          </SpaceBetween>
          <SpaceBetween size="l">
            <Header variant="h3">To</Header>
            <KeyField
              label="Destination key"
              choice={request.key}
              showErrors={request.showErrors}
            />
            <EncryptionAlgorithmSelect
              label="Destination encryption algorithm"
              algorithm={destination}
              errorText={errorOf(destination)}
            />
            {destination.rsa ? null : (
              <ContextField
                label="Destination encryption context"
                field={destinationContext}
                description="The context the new ciphertext is bound to: Decrypt will need exactly these pairs."
              />
            )}
          </SpaceBetween>
        </ColumnLayout>
      </KeyedOperationForm>
    </CryptoPage>
  );
}
