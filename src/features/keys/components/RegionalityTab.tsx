import type { KeyMetadata, MultiRegionKey } from '@aws-sdk/client-kms';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { AWS_REGIONS, regionName } from '../../../session/regions';
import { useSession, useSessionContext } from '../../../session/SessionProvider';
import { ActionModal } from '../../../ui/ActionModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNotify } from '../../../ui/notifications';
import { useKeyPolicy } from '../../../kms/api/get-key-policy';
import { useReplicateKey, useUpdatePrimaryRegion } from '../api/key-changes';
import { Copyable } from './GeneralConfiguration';

interface RelatedKey {
  region: string;
  arn: string;
  role: 'Primary' | 'Replica';
}

/** The primary key and its replicas, as DescribeKey's MultiRegionConfiguration lists them. */
export function relatedKeys(metadata: KeyMetadata): RelatedKey[] {
  const config = metadata.MultiRegionConfiguration;
  const entry = (key: MultiRegionKey, role: RelatedKey['role']): RelatedKey[] =>
    key.Region ? [{ region: key.Region, arn: key.Arn ?? '', role }] : [];
  return [
    ...(config?.PrimaryKey ? entry(config.PrimaryKey, 'Primary') : []),
    ...(config?.ReplicaKeys ?? []).flatMap((key) => entry(key, 'Replica')),
  ];
}

/**
 * A link to the related key in another Region: the console switches to that Region (a key is
 * only visible in its own Region) and opens the key, whose id is the same in every Region.
 */
function RelatedKeyLink({ keyId, region }: { keyId: string; region: string }) {
  const { switchRegion } = useSessionContext();
  const navigate = useNavigate();
  const href = `/keys/${keyId}?tab=regionality`;
  return (
    <Link
      href={href}
      ariaLabel={`Open the key in ${regionName(region)} (${region})`}
      onFollow={(event) => {
        event.preventDefault();
        void switchRegion(region).then(() => navigate(href));
      }}
    >
      {regionName(region)}
    </Link>
  );
}

/** Multi-Region keys: the primary and replicas by Region, "Create replica key", "Change primary Region". */
export function RegionalityTab({ metadata }: { metadata: KeyMetadata }) {
  const keyId = metadata.KeyId ?? '';
  const here = useSession().manager.source.region;
  const related = relatedKeys(metadata);
  const type = metadata.MultiRegionConfiguration?.MultiRegionKeyType;
  const primaryRegion = metadata.MultiRegionConfiguration?.PrimaryKey?.Region;
  const replicaRegions = related.filter((k) => k.role === 'Replica').map((k) => k.region);
  const customer = metadata.KeyManager !== 'AWS';
  const [dialog, setDialog] = useState<'replicate' | 'primary'>();
  const notPrimary = type !== 'PRIMARY';

  return (
    <SpaceBetween size="l">
      <Table
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${related.length})`}
            description="Related multi-Region keys share this key ID and key material; each has its own key policy, aliases, grants, tags and key state, in its own Region."
            actions={
              customer ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button
                    onClick={() => setDialog('primary')}
                    disabled={notPrimary || replicaRegions.length === 0}
                    disabledReason={
                      notPrimary
                        ? `Change the primary Region from the primary key in ${primaryRegion ?? 'its Region'}`
                        : 'Create a replica key first'
                    }
                  >
                    Change primary Region
                  </Button>
                  <Button
                    onClick={() => setDialog('replicate')}
                    disabled={notPrimary}
                    disabledReason={`Replicas are created from the primary key in ${primaryRegion ?? 'its Region'}`}
                  >
                    Create replica key
                  </Button>
                </SpaceBetween>
              ) : undefined
            }
          >
            Related multi-Region keys
          </Header>
        }
        items={related}
        trackBy="region"
        ariaLabels={{ tableLabel: 'Related multi-Region keys' }}
        empty={<Box variant="p">DescribeKey listed no related keys.</Box>}
        columnDefinitions={[
          {
            id: 'region',
            header: 'Region',
            cell: (key) =>
              key.region === here ? (
                `${regionName(key.region)} (this key)`
              ) : (
                <RelatedKeyLink keyId={keyId} region={key.region} />
              ),
            isRowHeader: true,
          },
          { id: 'code', header: 'Region code', cell: (key) => key.region },
          { id: 'type', header: 'Multi-Region key type', cell: (key) => key.role },
          {
            id: 'arn',
            header: 'ARN',
            cell: (key) => <Copyable text={key.arn} label={`ARN in ${key.region}`} />,
          },
        ]}
      />
      {dialog === 'replicate' ? (
        <ReplicateKeyModal
          metadata={metadata}
          taken={related.map((k) => k.region)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'primary' ? (
        <ChangePrimaryRegionModal
          keyId={keyId}
          replicaRegions={replicaRegions}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </SpaceBetween>
  );
}

function regionOption(code: string) {
  return { value: code, label: regionName(code), description: code };
}

function ReplicateKeyModal({
  metadata,
  taken,
  onClose,
}: {
  metadata: KeyMetadata;
  taken: string[];
  onClose(): void;
}) {
  const keyId = metadata.KeyId ?? '';
  const replicate = useReplicateKey();
  const notify = useNotify();
  const [region, setRegion] = useState<string>();
  const [description, setDescription] = useState(metadata.Description ?? '');
  const [copyPolicy, setCopyPolicy] = useState(true);
  const policy = useKeyPolicy(keyId);
  const choices = AWS_REGIONS.filter((r) => !taken.includes(r.code)).map((r) =>
    regionOption(r.code),
  );
  const tooLong = description.length > 8192;
  const policyMissing = copyPolicy && !policy.data;

  return (
    <ActionModal
      header="Create replica key"
      actionLabel="Create replica key"
      busy={replicate.isPending}
      disabled={!region || tooLong || policyMissing}
      onAction={() =>
        region &&
        replicate.mutate(
          {
            KeyId: keyId,
            ReplicaRegion: region,
            Description: description || undefined,
            Policy: copyPolicy ? policy.data : undefined,
          },
          {
            onSuccess: () => {
              notify({ type: 'success', header: `Created replica key in ${region}` });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          The replica has this key&apos;s key ID, key material, key spec and rotation; its key
          policy, description, tags, aliases and grants are its own. Creating it needs
          kms:ReplicateKey on this key and kms:CreateKey in the replica Region.
        </Box>
        <FormField label="Replica Region">
          <Select
            selectedOption={region ? regionOption(region) : null}
            onChange={({ detail }) => setRegion(detail.selectedOption.value)}
            options={choices}
            placeholder="Choose a Region"
            filteringType="auto"
          />
        </FormField>
        <FormField
          label="Description"
          constraintText="Optional."
          errorText={tooLong ? 'At most 8,192 characters.' : undefined}
        >
          <Textarea value={description} onChange={({ detail }) => setDescription(detail.value)} />
        </FormField>
        <FormField
          label="Key policy"
          description="Without a policy, KMS gives the replica the default key policy (the account may use it through IAM)."
          errorText={
            copyPolicy && policy.isError
              ? "This key's policy could not be read: clear the box to use the default key policy."
              : undefined
          }
        >
          <Checkbox checked={copyPolicy} onChange={({ detail }) => setCopyPolicy(detail.checked)}>
            Copy this key&apos;s key policy to the replica
          </Checkbox>
        </FormField>
        {replicate.isError ? (
          <ErrorAlert error={replicate.error} header="The replica key was not created" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}

function ChangePrimaryRegionModal({
  keyId,
  replicaRegions,
  onClose,
}: {
  keyId: string;
  replicaRegions: string[];
  onClose(): void;
}) {
  const update = useUpdatePrimaryRegion();
  const notify = useNotify();
  const here = useSession().manager.source.region;
  const [region, setRegion] = useState<string>();
  return (
    <ActionModal
      header="Change primary Region"
      actionLabel="Change primary Region"
      busy={update.isPending}
      disabled={!region}
      onAction={() =>
        region &&
        update.mutate(
          { KeyId: keyId, PrimaryRegion: region },
          {
            onSuccess: () => {
              notify({ type: 'success', header: `The primary key is now in ${region}` });
              onClose();
            },
          },
        )
      }
      onClose={onClose}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          The replica in the chosen Region becomes the primary key and this key in {here} becomes a
          replica. Key policies, aliases and grants do not move. It needs kms:UpdatePrimaryRegion on
          both keys, each in its own Region.
        </Box>
        <FormField label="New primary Region">
          <Select
            selectedOption={region ? regionOption(region) : null}
            onChange={({ detail }) => setRegion(detail.selectedOption.value)}
            options={replicaRegions.map(regionOption)}
            placeholder="Choose a replica's Region"
          />
        </FormField>
        {update.isError ? (
          <ErrorAlert error={update.error} header="The primary Region was not changed" />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}
