import type { DecryptCommandInput } from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { ByteInput } from '../../../../bytes/ByteInput';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { useContextField } from '../../../../bytes/use-context-field';
import { useDeepLink } from '../../../../ui/deep-link';
import { DeepLinkWarning } from '../../../../ui/DeepLinkWarning';
import { useKmsOperation } from '../../api/use-kms-operation';
import { readHandoff } from '../../model/handoff';
import { EncryptionAlgorithmSelect } from '../shared/AlgorithmSelect';
import { ContextField } from '../shared/ContextField';
import { CryptoPage } from '../shared/CryptoPage';
import { KeyedOperationForm } from '../shared/KeyedOperationForm';
import { ResultField, ResultRegion } from '../shared/Result';
import { useCiphertextRequest } from '../shared/use-ciphertext-request';
import { useEncryptionAlgorithm } from '../shared/use-encryption-algorithm';
import { useKeyedRequest } from '../shared/use-keyed-request';

export default function DecryptPage() {
  const location = useLocation();
  const link = useDeepLink();
  const [handoff] = useState(() => readHandoff(location.state));
  const request = useKeyedRequest(link.keyId, { keyRequired: false });
  const algorithm = useEncryptionAlgorithm(request.key, handoff.encryptionAlgorithm);
  const context = useContextField(link.contextRows);
  const decrypt = useKmsOperation('Decrypt');
  const { ciphertext, call, errorHints, errorAction } = useCiphertextRequest(
    'Decrypt',
    decrypt,
    (sent: DecryptCommandInput) => ({
      keyId: sent.KeyId,
      algorithm: sent.EncryptionAlgorithm,
      context: sent.EncryptionContext,
    }),
  );

  const keyGiven = request.key.id !== '';
  const algorithmError = algorithm.missing
    ? 'RSA ciphertext needs the algorithm it was encrypted with.'
    : undefined;
  const otherFieldsValid =
    request.ready &&
    (algorithm.rsa || context.evaluation.valid) &&
    !algorithmError &&
    !(algorithm.rsaChosen && !keyGiven);
  const valid = ciphertext.evaluation.bytes !== undefined && otherFieldsValid;

  const fields: DecryptCommandInput = {
    KeyId: keyGiven ? request.key.id : undefined,
    EncryptionContext: algorithm.rsa ? undefined : context.evaluation.context,
    EncryptionAlgorithm: algorithm.spec,
    GrantTokens: request.tokens,
  };
  const input: DecryptCommandInput | undefined = valid
    ? { CiphertextBlob: ciphertext.evaluation.bytes, ...fields }
    : undefined;

  const result = decrypt.state.data;
  return (
    <CryptoPage
      title="Decrypt"
      description="Decrypt a KMS ciphertext. The plaintext is shown in this page only and forgotten when you leave it."
    >
      <DeepLinkWarning link={link} />
      <KeyedOperationForm
        operation="Decrypt"
        input={input}
        // Checked without the ciphertext (IGNORE_CIPHERTEXT) when the key is given.
        checkInput={
          input ??
          (ciphertext.evaluation.empty && keyGiven && otherFieldsValid ? fields : undefined)
        }
        request={request}
        leading={[
          <ByteInput
            key="ciphertext"
            label="Ciphertext"
            field={ciphertext}
            showRequired={request.showErrors}
            description="The CiphertextBlob from Encrypt, ReEncrypt or GenerateDataKey: its bytes, or their base64."
          />,
          algorithm.rsa ? (
            <Alert key="context" type="info">
              RSA ciphertext has no encryption context, so the field is hidden.
            </Alert>
          ) : (
            <ContextField key="context" field={context} explain />
          ),
        ]}
        keyField={{
          description:
            'Optional for symmetric ciphertext (it names its key), but recommended: KMS then refuses ciphertext of any other key. Required for RSA ciphertext.',
        }}
        submitLabel="Decrypt"
        call={call}
        errorHints={errorHints}
        errorAction={errorAction}
        result={
          result?.Plaintext ? (
            <ResultRegion requestId={result.requestId}>
              <ByteOutput
                name="Plaintext"
                bytes={result.Plaintext}
                fileName="plaintext.bin"
                description="Shown as text when it is valid UTF-8, otherwise as base64."
              />
              <ResultField name="KeyId">{result.KeyId}</ResultField>
              <ResultField name="EncryptionAlgorithm">{result.EncryptionAlgorithm}</ResultField>
            </ResultRegion>
          ) : null
        }
      >
        {keyGiven ? (
          <EncryptionAlgorithmSelect
            algorithm={algorithm}
            errorText={request.showErrors ? algorithmError : undefined}
          />
        ) : null}
      </KeyedOperationForm>
    </CryptoPage>
  );
}
