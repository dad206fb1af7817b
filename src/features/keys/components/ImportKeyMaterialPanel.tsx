import type {
  ExpirationModelType,
  ImportKeyMaterialCommandInput,
  KeyMetadata,
  RotationsListEntry,
} from '@aws-sdk/client-kms';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import DatePicker from '@cloudscape-design/components/date-picker';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TimeInput from '@cloudscape-design/components/time-input';
import { useState } from 'react';
import { ByteInput } from '../../../bytes/ByteInput';
import { downloadBytes } from '../../../bytes/download';
import { useByteField } from '../../../bytes/use-byte-field';
import { describeError } from '../../../kms/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/notifications';
import { useGetParametersForImport, type ImportParameters } from '../api/get-parameters-for-import';
import { useImportKeyMaterial } from '../api/key-changes';
import {
  expirationProblem,
  materialRequirement,
  opensslWrapCommands,
  WRAPPING_KEY_SPECS,
  wrappingAlgorithmsFor,
  wrappingProblem,
  type ImportWrappingAlgorithm,
  type ImportWrappingKeySpec,
} from '../lib/key-import';

/** EncryptedKeyMaterial and ImportToken: the model's CiphertextType, 1 to 6144 bytes. */
const BLOB_LIMIT = 6144;
/** Plaintext key material: an RSA_4096 PKCS #8 key is about 2,400 bytes. */
const MATERIAL_LIMIT = 8192;
const DESCRIPTION_PATTERN = /^[a-zA-Z0-9:/_\s.-]+$/;

type Source = 'browser' | 'wrapped';
type ImportType = 'EXISTING_KEY_MATERIAL' | 'NEW_KEY_MATERIAL';

export interface ImportKeyMaterialPanelProps {
  metadata: KeyMetadata;
  /** The key has had key material before (reimport or, for symmetric keys, new material). */
  hasMaterial: boolean;
  /** Reimport this material (its KeyMaterialId is sent, so KMS checks it is the same). */
  reimport?: RotationsListEntry;
  onClose(): void;
}

/**
 * The guide's steps 2 to 4 in one panel: download a wrapping public key and import token, wrap
 * the key material (in this browser, or elsewhere and upload it), and import it with its
 * expiration. The plaintext key material stays in this component's memory and is dropped with it.
 */
export function ImportKeyMaterialPanel({
  metadata,
  hasMaterial,
  reimport,
  onClose,
}: ImportKeyMaterialPanelProps) {
  const keyId = metadata.KeyId ?? '';
  const keySpec = metadata.KeySpec;
  const symmetric = keySpec === 'SYMMETRIC_DEFAULT';
  const algorithms = wrappingAlgorithmsFor(keySpec) ?? [];
  const notify = useNotify();
  const getParameters = useGetParametersForImport();
  const importMaterial = useImportKeyMaterial();

  const [wrappingKeySpec, setWrappingKeySpec] = useState<ImportWrappingKeySpec>('RSA_4096');
  const [algorithm, setAlgorithm] = useState<ImportWrappingAlgorithm | undefined>(algorithms[0]);
  const [parameters, setParameters] = useState<ImportParameters>();
  const [source, setSource] = useState<Source>('browser');
  const material = useByteField(
    { max: MATERIAL_LIMIT, min: 1, subject: 'Key material is' },
    { binary: true, initial: { format: 'file', text: '' } },
  );
  const wrapped = useByteField(
    { max: BLOB_LIMIT, min: 1, subject: 'ImportKeyMaterial accepts' },
    { binary: true },
  );
  const token = useByteField(
    { max: BLOB_LIMIT, min: 1, subject: 'ImportKeyMaterial accepts' },
    { binary: true },
  );
  const [expires, setExpires] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('00:00');
  // A pending-import key needs its missing material back before it can take new material.
  const [importType, setImportType] = useState<ImportType>(
    reimport || !symmetric || metadata.KeyState === 'PendingImport'
      ? 'EXISTING_KEY_MATERIAL'
      : 'NEW_KEY_MATERIAL',
  );
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const [wrapError, setWrapError] = useState<string>();

  const combination = algorithm ? wrappingProblem(keySpec, algorithm, wrappingKeySpec) : undefined;
  const validTo = expires && date ? new Date(`${date}T${time || '00:00'}:00Z`) : undefined;
  const expiry = expires ? expirationProblem(validTo, new Date()) : undefined;
  const descriptionProblem =
    description !== '' && !DESCRIPTION_PATTERN.test(description)
      ? 'Letters, digits, spaces and : / _ . - only.'
      : description.length > 256
        ? 'At most 256 characters.'
        : undefined;
  const tokenBytes =
    token.evaluation.bytes ?? (token.evaluation.empty ? parameters?.importToken : undefined);
  const ready =
    !expiry &&
    !descriptionProblem &&
    (source === 'browser'
      ? parameters !== undefined && material.evaluation.bytes !== undefined
      : wrapped.evaluation.bytes !== undefined && tokenBytes !== undefined);

  const download = () => {
    if (!algorithm) return;
    getParameters.mutate(
      { keyId, wrappingAlgorithm: algorithm, wrappingKeySpec },
      { onSuccess: setParameters },
    );
  };

  const submit = async () => {
    setTouched(true);
    setWrapError(undefined);
    if (!ready) return;
    let encrypted: Uint8Array;
    let importToken: Uint8Array;
    if (source === 'browser' && parameters && material.evaluation.bytes) {
      try {
        const { wrapKeyMaterial } = await import('../lib/wrap-key-material');
        encrypted = await wrapKeyMaterial(
          parameters.publicKey,
          parameters.wrappingAlgorithm,
          material.evaluation.bytes,
        );
      } catch (error) {
        setWrapError(error instanceof Error ? error.message : String(error));
        return;
      }
      importToken = parameters.importToken;
    } else if (wrapped.evaluation.bytes && tokenBytes) {
      encrypted = wrapped.evaluation.bytes;
      importToken = tokenBytes;
    } else {
      return;
    }
    const input: ImportKeyMaterialCommandInput = {
      KeyId: keyId,
      ImportToken: importToken,
      EncryptedKeyMaterial: encrypted,
      ExpirationModel: (expires
        ? 'KEY_MATERIAL_EXPIRES'
        : 'KEY_MATERIAL_DOES_NOT_EXPIRE') satisfies ExpirationModelType,
      ValidTo: validTo,
      ...(symmetric && hasMaterial ? { ImportType: importType } : {}),
      ...(symmetric && importType === 'EXISTING_KEY_MATERIAL' && reimport?.KeyMaterialId
        ? { KeyMaterialId: reimport.KeyMaterialId }
        : {}),
      ...(symmetric && description !== '' ? { KeyMaterialDescription: description } : {}),
    };
    importMaterial.mutate(input, {
      onSuccess: ({ KeyMaterialId: keyMaterialId }) => {
        notify({
          type: 'success',
          header: 'Key material imported',
          content: keyMaterialId ? `KeyMaterialId ${keyMaterialId}` : undefined,
        });
        onClose();
      },
    });
  };

  if (algorithms.length === 0 || !algorithm) {
    return (
      <Alert type="info" header="Key material cannot be imported into this key">
        KMS does not import key material for {keySpec} keys.
      </Alert>
    );
  }

  return (
    <div role="region" aria-label="Import key material">
      <Container
        header={
          <Header
            variant="h2"
            description={
              reimport
                ? `Reimport key material ${reimport.KeyMaterialId ?? ''}: the same key material as before.`
                : 'Wrap your key material with a wrapping public key from KMS and import it with its import token.'
            }
          >
            Import key material
          </Header>
        }
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" formAction="none" onClick={onClose}>
                  Cancel
                </Button>
                <Button variant="primary" formAction="submit" loading={importMaterial.isPending}>
                  Import key material
                </Button>
              </SpaceBetween>
            }
            errorText={
              importMaterial.isError ? (
                <ImportError error={importMaterial.error} />
              ) : wrapError ? (
                `The key material could not be wrapped in this browser: ${wrapError}`
              ) : undefined
            }
          >
            <SpaceBetween size="l">
              <SpaceBetween size="m">
                <Header variant="h3" description="Valid for 24 hours, for one import.">
                  Wrapping public key and import token
                </Header>
                <SpaceBetween direction="horizontal" size="l">
                  <FormField label="Wrapping key spec">
                    <Select
                      selectedOption={{ value: wrappingKeySpec, label: wrappingKeySpec }}
                      onChange={({ detail }) =>
                        setWrappingKeySpec(detail.selectedOption.value as ImportWrappingKeySpec)
                      }
                      options={WRAPPING_KEY_SPECS.map((value) => ({ value, label: value }))}
                    />
                  </FormField>
                  <FormField label="Wrapping algorithm" errorText={combination}>
                    <Select
                      selectedOption={{ value: algorithm, label: algorithm }}
                      onChange={({ detail }) =>
                        setAlgorithm(detail.selectedOption.value as ImportWrappingAlgorithm)
                      }
                      options={algorithms.map((value) => ({ value, label: value }))}
                    />
                  </FormField>
                </SpaceBetween>
                <Button
                  formAction="none"
                  onClick={download}
                  loading={getParameters.isPending}
                  disabled={combination !== undefined}
                >
                  Get wrapping public key and import token
                </Button>
                {getParameters.isError ? (
                  <ErrorAlert
                    error={getParameters.error}
                    header="The wrapping public key and import token could not be downloaded"
                  />
                ) : null}
                {parameters ? <ParametersReady parameters={parameters} /> : null}
              </SpaceBetween>

              <FormField label="Key material" stretch>
                <RadioGroup
                  value={source}
                  onChange={({ detail }) => setSource(detail.value as Source)}
                  items={[
                    {
                      value: 'browser',
                      label: 'Wrap key material in this browser',
                      description:
                        'Choose your plaintext key material; it is wrapped here with the wrapping public key above and never leaves the browser unwrapped.',
                    },
                    {
                      value: 'wrapped',
                      label: 'Upload encrypted key material',
                      description:
                        'Key material you wrapped elsewhere (e.g. with OpenSSL or your HSM) with a wrapping public key from KMS, and its import token.',
                    },
                  ]}
                />
              </FormField>
              {source === 'browser' ? (
                <SpaceBetween size="s">
                  <ByteInput
                    label="Plaintext key material"
                    field={material}
                    description={materialRequirement(keySpec)}
                    showRequired={touched}
                    sensitive
                  />
                  {touched && !parameters ? (
                    <Box color="text-status-error">
                      Get a wrapping public key and import token first.
                    </Box>
                  ) : null}
                </SpaceBetween>
              ) : (
                <SpaceBetween size="m">
                  <ByteInput
                    label="Encrypted key material"
                    field={wrapped}
                    description="EncryptedKeyMaterial: what the wrapping produced (e.g. EncryptedKeyMaterial.bin)."
                    showRequired={touched}
                  />
                  <ByteInput
                    label="Import token"
                    field={token}
                    description={
                      parameters
                        ? 'The import token of the wrapping public key you used. Leave it empty to use the one downloaded above.'
                        : 'The import token of the wrapping public key you used (e.g. ImportToken.bin).'
                    }
                    showRequired={touched && !parameters}
                  />
                </SpaceBetween>
              )}

              <SpaceBetween size="s">
                <FormField label="Key material expiration" stretch>
                  <RadioGroup
                    value={expires ? 'expires' : 'never'}
                    onChange={({ detail }) => setExpires(detail.value === 'expires')}
                    items={[
                      { value: 'never', label: 'Key material does not expire' },
                      {
                        value: 'expires',
                        label: 'Key material expires',
                        description:
                          'KMS deletes the key material on this date (at most 365 days ahead); the key is then pending import until you reimport the same material.',
                      },
                    ]}
                  />
                </FormField>
                {expires ? (
                  <SpaceBetween direction="horizontal" size="l">
                    <FormField label="Expiration date" errorText={touched ? expiry : undefined}>
                      <DatePicker
                        value={date}
                        onChange={({ detail }) => setDate(detail.value)}
                        placeholder="YYYY/MM/DD"
                        openCalendarAriaLabel={(selected) =>
                          `Choose expiration date${selected ? `, selected ${selected}` : ''}`
                        }
                      />
                    </FormField>
                    <FormField
                      label="Expiration time (UTC)"
                      constraintText={
                        validTo && !Number.isNaN(validTo.getTime())
                          ? `${formatDateTime(validTo)} in this browser's time zone, as the console shows dates.`
                          : undefined
                      }
                    >
                      <TimeInput
                        value={time}
                        onChange={({ detail }) => setTime(detail.value)}
                        format="hh:mm"
                        placeholder="hh:mm"
                      />
                    </FormField>
                  </SpaceBetween>
                ) : null}
              </SpaceBetween>

              {symmetric && hasMaterial && !reimport ? (
                <FormField label="Import type" stretch>
                  <RadioGroup
                    value={importType}
                    onChange={({ detail }) => setImportType(detail.value as ImportType)}
                    items={[
                      {
                        value: 'NEW_KEY_MATERIAL',
                        label: 'New key material',
                        description:
                          'Different key material for an on-demand rotation: it waits in PENDING_ROTATION until you rotate the key.',
                      },
                      {
                        value: 'EXISTING_KEY_MATERIAL',
                        label: 'Existing key material',
                        description:
                          'Key material this key already has: to restore it after deletion or expiry, or to change its expiration.',
                      },
                    ]}
                  />
                </FormField>
              ) : null}
              {symmetric ? (
                <FormField
                  label="Key material description"
                  constraintText="Optional. Up to 256 letters, digits, spaces and : / _ . -"
                  errorText={descriptionProblem}
                >
                  <Input
                    value={description}
                    onChange={({ detail }) => setDescription(detail.value)}
                  />
                </FormField>
              ) : null}
            </SpaceBetween>
          </Form>
        </form>
      </Container>
    </div>
  );
}

function ParametersReady({ parameters }: { parameters: ImportParameters }) {
  return (
    <SpaceBetween size="s">
      <Alert type="success" header="Wrapping public key and import token ready">
        {parameters.wrappingKeySpec} wrapping key for {parameters.wrappingAlgorithm}, valid until{' '}
        {formatDateTime(parameters.validTo)}.
      </Alert>
      <SpaceBetween direction="horizontal" size="xs">
        <Button
          formAction="none"
          iconName="download"
          onClick={() => downloadBytes(parameters.publicKey, 'WrappingPublicKey.bin')}
        >
          Download wrapping public key
        </Button>
        <Button
          formAction="none"
          iconName="download"
          onClick={() => downloadBytes(parameters.importToken, 'ImportToken.bin')}
        >
          Download import token
        </Button>
      </SpaceBetween>
      <ExpandableSection headerText="Wrap with OpenSSL instead">
        <SpaceBetween size="xs">
          <Box variant="p">
            The developer guide’s commands for {parameters.wrappingAlgorithm} (OpenSSL 3), with the
            key material in PlaintextKeyMaterial.bin; then upload EncryptedKeyMaterial.bin and
            ImportToken.bin below.
          </Box>
          <Box variant="code">
            <pre aria-label="OpenSSL commands" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {opensslWrapCommands(parameters.wrappingAlgorithm)}
            </pre>
          </Box>
        </SpaceBetween>
      </ExpandableSection>
    </SpaceBetween>
  );
}

/**
 * ImportKeyMaterial's errors, with InvalidCiphertextException explained as the import's own
 * failure (the catalogue's explanation is Decrypt's).
 */
function ImportError({ error }: { error: unknown }) {
  const described = describeError(error);
  if (described.name !== 'InvalidCiphertextException') {
    return <ErrorAlert error={described} header="The key material was not imported" />;
  }
  return (
    <ErrorAlert
      header="KMS could not unwrap the key material"
      error={{
        ...described,
        cause:
          'ImportKeyMaterial could not decrypt the encrypted key material: it was not wrapped with the wrapping public key that belongs to this import token, or not with its wrapping algorithm.',
        fix: 'Wrap the key material again with the wrapping public key downloaded together with the import token, using the wrapping algorithm chosen for it.',
      }}
    />
  );
}
