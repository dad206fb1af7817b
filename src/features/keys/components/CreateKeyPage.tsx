import type { KeySpec, KeyUsageType, OriginType } from '@aws-sdk/client-kms';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Tiles from '@cloudscape-design/components/tiles';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { validateAliasName } from '../../../kms/key-reference';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNotify } from '../../../ui/notifications';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import { AliasAfterKeyError, useCreateKey } from '../api/create-key';
import {
  defaultSpec,
  keySpecNote,
  keySpecsFor,
  USAGES,
  type KeyTypeChoice,
} from '../lib/key-specs';
import { KEY_USAGE_TEXT } from './key-facts';
import { validateTag } from './TagsTab';

interface TagDraft {
  key: string;
  value: string;
}

export default function CreateKeyPage() {
  useBreadcrumbs([
    { text: 'Keys', href: '/keys' },
    { text: 'Create key', href: '/keys/create' },
  ]);
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreateKey();
  const [type, setType] = useState<KeyTypeChoice>('symmetric');
  const [usage, setUsage] = useState<KeyUsageType>('ENCRYPT_DECRYPT');
  const [spec, setSpec] = useState<KeySpec>('SYMMETRIC_DEFAULT');
  const [multiRegion, setMultiRegion] = useState(false);
  const [origin, setOrigin] = useState<OriginType>('AWS_KMS');
  const [alias, setAlias] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [touched, setTouched] = useState(false);

  const chooseType = (next: KeyTypeChoice) => {
    const nextUsage = USAGES[next][0];
    setType(next);
    setUsage(nextUsage);
    setSpec(defaultSpec(next, nextUsage));
  };
  const chooseUsage = (next: KeyUsageType) => {
    setUsage(next);
    setSpec(defaultSpec(type, next));
  };
  const chooseOrigin = (next: OriginType) => {
    setOrigin(next);
    if (!keySpecsFor(type, usage, next).includes(spec)) setSpec(keySpecsFor(type, usage, next)[0]);
  };

  const aliasName =
    alias.trim() === ''
      ? undefined
      : alias.trim().startsWith('alias/')
        ? alias.trim()
        : `alias/${alias.trim()}`;
  const aliasProblem = aliasName ? validateAliasName(aliasName) : undefined;
  const tagProblems = tags.map((tag) => validateTag(tag.key.trim(), tag.value));
  const duplicateTag = new Set(tags.map((t) => t.key.trim())).size !== tags.length;
  const descriptionProblem = description.length > 8192 ? 'At most 8,192 characters.' : undefined;
  const valid =
    !aliasProblem && !descriptionProblem && !duplicateTag && tagProblems.every((p) => !p);

  const submit = () => {
    setTouched(true);
    if (!valid) return;
    create.mutate(
      {
        keySpec: spec,
        keyUsage: usage,
        multiRegion,
        origin,
        description: description.trim(),
        aliasName,
        tags: tags.map((tag) => ({ TagKey: tag.key.trim(), TagValue: tag.value })),
      },
      {
        onSuccess: (key) => {
          notify({ type: 'success', header: `Created key ${aliasName ?? key.KeyId}` });
          void navigate(`/keys/${key.KeyId}${origin === 'EXTERNAL' ? '?tab=key-material' : ''}`);
        },
        onError: (error) => {
          if (error instanceof AliasAfterKeyError) {
            notify({
              type: 'warning',
              header: `Created key ${error.key.KeyId}, but not its alias`,
              content: String((error.cause as Error | undefined)?.message ?? ''),
            });
            void navigate(`/keys/${error.key.KeyId}?tab=aliases`);
          }
        },
      },
    );
  };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="A KMS key that you create, own and manage (customer managed key)."
        >
          Create key
        </Header>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" formAction="none" onClick={() => void navigate('/keys')}>
                Cancel
              </Button>
              <Button variant="primary" formAction="submit" loading={create.isPending}>
                Create key
              </Button>
            </SpaceBetween>
          }
          errorText={
            create.isError && !(create.error instanceof AliasAfterKeyError) ? (
              <ErrorAlert error={create.error} header="The key was not created" />
            ) : undefined
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Key configuration</Header>}>
              <SpaceBetween size="l">
                <FormField label="Key type" stretch>
                  <Tiles
                    ariaLabel="Key type"
                    value={type}
                    onChange={({ detail }) => chooseType(detail.value as KeyTypeChoice)}
                    items={[
                      {
                        value: 'symmetric',
                        label: 'Symmetric',
                        description:
                          'A single key for encrypting and decrypting data (AES-256-GCM).',
                      },
                      {
                        value: 'asymmetric',
                        label: 'Asymmetric',
                        description:
                          'A public and private key pair: encryption, signing or key agreement.',
                      },
                      {
                        value: 'hmac',
                        label: 'HMAC',
                        description:
                          'A key for generating and verifying message authentication codes.',
                      },
                    ]}
                  />
                </FormField>
                <FormField label="Key usage">
                  <RadioGroup
                    value={usage}
                    onChange={({ detail }) => chooseUsage(detail.value as KeyUsageType)}
                    items={USAGES[type].map((value) => ({
                      value,
                      label: KEY_USAGE_TEXT[value] ?? value,
                    }))}
                  />
                </FormField>
                <FormField label="Key spec">
                  <Select
                    selectedOption={{ value: spec, label: spec, description: keySpecNote(spec) }}
                    onChange={({ detail }) => setSpec(detail.selectedOption.value as KeySpec)}
                    options={keySpecsFor(type, usage, origin).map((value) => ({
                      value,
                      label: value,
                      description: keySpecNote(value),
                    }))}
                    disabled={keySpecsFor(type, usage, origin).length === 1}
                  />
                </FormField>
                <FormField
                  label="Key material origin"
                  description="Who makes the key material. You cannot change it after the key is created."
                >
                  <RadioGroup
                    value={origin}
                    onChange={({ detail }) => chooseOrigin(detail.value as OriginType)}
                    items={[
                      {
                        value: 'AWS_KMS',
                        label: 'KMS',
                        description: 'KMS creates and keeps the key material (recommended).',
                      },
                      {
                        value: 'EXTERNAL',
                        label: 'External (import key material)',
                        description:
                          'You import key material you generated. The key is pending import until then, KMS deletes the material when it expires or you delete it, and only the same material can be imported again: keep a copy.',
                      },
                    ]}
                  />
                </FormField>
                <FormField
                  label="Regionality"
                  description="Fixed when the key is created: a single-Region key cannot become multi-Region."
                >
                  <RadioGroup
                    value={multiRegion ? 'multi' : 'single'}
                    onChange={({ detail }) => setMultiRegion(detail.value === 'multi')}
                    items={[
                      {
                        value: 'single',
                        label: 'Single-Region key',
                        description: 'The key exists in this Region only.',
                      },
                      {
                        value: 'multi',
                        label: 'Multi-Region key',
                        description:
                          'A primary key that can be replicated to other Regions; the replicas share its key ID and key material, so ciphertext from one Region decrypts in another.',
                      },
                    ]}
                  />
                </FormField>
              </SpaceBetween>
            </Container>
            <Container header={<Header variant="h2">Labels</Header>}>
              <SpaceBetween size="l">
                <FormField
                  label="Alias"
                  description="Optional. A friendly name, e.g. alias/my-key (the alias/ prefix is added if missing)."
                  errorText={touched ? aliasProblem : undefined}
                >
                  <Input
                    value={alias}
                    onChange={({ detail }) => setAlias(detail.value)}
                    spellcheck={false}
                  />
                </FormField>
                <FormField
                  label="Description"
                  constraintText="Optional."
                  errorText={descriptionProblem}
                >
                  <Textarea
                    value={description}
                    onChange={({ detail }) => setDescription(detail.value)}
                  />
                </FormField>
                <FormField
                  label="Tags"
                  errorText={touched && duplicateTag ? 'Each tag key may appear once.' : undefined}
                >
                  <AttributeEditor<TagDraft>
                    items={tags}
                    addButtonText="Add tag"
                    removeButtonText="Remove"
                    empty="No tags"
                    onAddButtonClick={() => setTags([...tags, { key: '', value: '' }])}
                    onRemoveButtonClick={({ detail }) =>
                      setTags(tags.filter((_, index) => index !== detail.itemIndex))
                    }
                    definition={[
                      {
                        label: 'Tag key',
                        control: (tag, index) => (
                          <Input
                            value={tag.key}
                            onChange={({ detail }) =>
                              setTags(
                                tags.map((t, i) => (i === index ? { ...t, key: detail.value } : t)),
                              )
                            }
                          />
                        ),
                        errorText: (_, index) => (touched ? tagProblems[index] : undefined),
                      },
                      {
                        label: 'Tag value',
                        control: (tag, index) => (
                          <Input
                            value={tag.value}
                            onChange={({ detail }) =>
                              setTags(
                                tags.map((t, i) =>
                                  i === index ? { ...t, value: detail.value } : t,
                                ),
                              )
                            }
                          />
                        ),
                      },
                    ]}
                  />
                </FormField>
              </SpaceBetween>
            </Container>
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
