import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { encryptFile, type EncryptSettings } from '../envelope/encrypt-file';
import type { EnvelopeContext } from '../envelope/jobs';
import { formatBytes } from '../envelope/limits';
import {
  DEFAULT_FRAME_LENGTH,
  FRAME_LENGTHS,
  MAX_ENCRYPTED_DATA_KEYS,
  SIGNED_SUITE,
  UNSIGNED_SUITE,
  type EncryptSuite,
} from '../envelope/sdk';
import { ContextEditor } from '../../../bytes/ContextEditor';
import { useDeepLink } from '../../../ui/deep-link';
import { useEnvelopeContext } from '../hooks/use-envelope-context';
import type { JobRequest } from '../hooks/use-file-jobs';
import { ChosenFilesField, FilesBatchForm, useChosenFiles } from './ChosenFiles';
import { keyProblems } from './key-list';

export interface EncryptFilesFormProps {
  region: string;
  /** The envelope context at the moment of submitting (cache settings included). */
  envelopeContext: () => EnvelopeContext;
  onSubmit: (jobs: JobRequest[]) => void;
}

const SUITE_ITEMS = [
  {
    value: String(SIGNED_SUITE),
    label: 'Signed (SDK default)',
    description:
      'AES-256-GCM, HKDF-SHA512, key commitment, ECDSA P-384 signature: whoever can decrypt still cannot forge a message.',
  },
  {
    value: String(UNSIGNED_SUITE),
    label: 'Not signed (faster)',
    description:
      'AES-256-GCM, HKDF-SHA512, key commitment. Use it when everyone who may decrypt is trusted to encrypt too.',
  },
];

const FRAME_OPTIONS = FRAME_LENGTHS.map((length) => ({
  value: String(length),
  label: formatBytes(length),
  description: length === 4096 ? 'The SDK default; slowest in browsers' : undefined,
}));

/** Choose files, KMS keys and an encryption context; each file becomes `<name>.encrypted`. */
export function EncryptFilesForm({ region, envelopeContext, onSubmit }: EncryptFilesFormProps) {
  const link = useDeepLink();
  const chosen = useChosenFiles('encrypt', 'Choose at least one file.');
  const [keys, setKeys] = useState<string[]>(() => [link.keyId]);
  const contextField = useEnvelopeContext(link.contextRows);
  const [suiteId, setSuiteId] = useState<EncryptSuite>(SIGNED_SUITE);
  const [frameLength, setFrameLength] = useState(DEFAULT_FRAME_LENGTH);

  const perKey = keyProblems(keys, region);
  const { evaluation } = contextField;
  const valid = perKey.every((problem) => problem === undefined) && evaluation.valid;

  const job = (snapshot: EnvelopeContext) => {
    const settings: EncryptSettings = {
      keys: keys.map((key) => key.trim()),
      encryptionContext: evaluation.context ?? {},
      suiteId,
      frameLength,
    };
    return {
      kind: 'encrypt',
      task: (input, hooks) => encryptFile(input, settings, snapshot, hooks),
      uncachedCalls: settings.keys.length,
    } satisfies Pick<JobRequest, 'kind' | 'task' | 'uncachedCalls'>;
  };

  return (
    <FilesBatchForm
      submitLabel="Encrypt"
      chosen={chosen}
      valid={valid}
      envelopeContext={envelopeContext}
      job={job}
      onSubmit={onSubmit}
    >
      {(submitted) => (
        <>
          <ChosenFilesField
            label="Files"
            description="Each file is encrypted into its own message, in the browser: its bytes never leave this computer, only the data key goes to KMS."
            constraintText="Up to 256 MiB per file."
            chosen={chosen}
            showErrors={submitted}
          />

          <FormField
            label="KMS keys"
            description={`The first key generates the data key; every key gets its own encrypted copy of it, so any one of them can decrypt. Up to ${MAX_ENCRYPTED_DATA_KEYS} keys; keys of other accounts by ARN.`}
          >
            <AttributeEditor
              items={keys}
              addButtonText="Add key"
              disableAddButton={keys.length >= MAX_ENCRYPTED_DATA_KEYS}
              onAddButtonClick={() => setKeys((current) => [...current, ''])}
              onRemoveButtonClick={({ detail }) =>
                setKeys((current) => current.filter((_, index) => index !== detail.itemIndex))
              }
              isItemRemovable={() => keys.length > 1}
              removeButtonText="Remove"
              definition={[
                {
                  label: 'Key',
                  control: (key, index) => (
                    <Input
                      value={key}
                      ariaLabel={`Key ${index + 1}`}
                      placeholder={index === 0 ? 'alias/demo-app' : 'arn:aws:kms:…:key/…'}
                      spellcheck={false}
                      onChange={({ detail }) =>
                        setKeys((current) =>
                          current.map((old, at) => (at === index ? detail.value : old)),
                        )
                      }
                    />
                  ),
                  errorText: (key, index) =>
                    submitted || key.trim() !== '' ? perKey[index] : undefined,
                  constraintText: (_key, index) =>
                    index === 0
                      ? 'Generates the data key (GenerateDataKey).'
                      : 'Encrypts a copy of it (Encrypt).',
                },
              ]}
            />
          </FormField>

          <ContextEditor
            label="Encryption context"
            description="Stored in the clear in the message header and authenticated with it; KMS binds it to every encrypted data key. Decrypting can require these pairs."
            rows={contextField.rows}
            onChange={contextField.setRows}
            evaluation={evaluation}
          />

          <ExpandableSection headerText="Message settings" variant="footer">
            <SpaceBetween size="m">
              <FormField label="Algorithm suite">
                <RadioGroup
                  ariaLabel="Algorithm suite"
                  value={String(suiteId)}
                  onChange={({ detail }) => setSuiteId(Number(detail.value) as EncryptSuite)}
                  items={SUITE_ITEMS}
                />
              </FormField>
              <FormField
                label="Frame length"
                description="The body is encrypted in frames of this size. Larger frames are faster in the browser; streaming readers hold one frame at a time."
              >
                <Select
                  selectedOption={
                    FRAME_OPTIONS.find((option) => option.value === String(frameLength)) ?? null
                  }
                  onChange={({ detail }) => setFrameLength(Number(detail.selectedOption.value))}
                  options={FRAME_OPTIONS}
                />
              </FormField>
            </SpaceBetween>
          </ExpandableSection>
        </>
      )}
    </FilesBatchForm>
  );
}
