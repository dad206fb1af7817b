import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs, { type TabsProps } from '@cloudscape-design/components/tabs';
import { useParams, useSearchParams } from 'react-router-dom';
import { useDescribeKey } from '../../../kms/api/describe-key';
import { describeError } from '../../../kms/errors';
import { AccessDeniedDetails, ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { useBreadcrumbs } from '../../../ui/page-chrome';
import { useKeyAliases } from '../api/list-key-aliases';
import { CryptographicConfiguration } from './CryptographicConfiguration';
import { GeneralConfiguration } from './GeneralConfiguration';
import { GrantsTab } from './GrantsTab';
import { KeyActions } from './KeyActions';
import { KeyAliasesTab } from './KeyAliasesTab';
import { KeyMaterialTab } from './KeyMaterialTab';
import { KeyPolicyTab } from './KeyPolicyTab';
import { isAsymmetric, isCustomerManaged } from './key-facts';
import { PublicKeyTab } from './PublicKeyTab';
import { RegionalityTab } from './RegionalityTab';
import { RotationTab } from './RotationTab';
import { TagsTab } from './TagsTab';
import { UsageTab } from './UsageTab';
import { UseKeyMenu } from './UseKeyMenu';

/** `/keys/<key id>` (an alias name or ARN in the URL works too: DescribeKey resolves it). */
export default function KeyDetailPage() {
  const keyRef = decodeURIComponent(useParams().keyId ?? '');
  const [params, setParams] = useSearchParams();
  const described = useDescribeKey(keyRef);
  const metadata = described.data;
  const keyId = metadata?.KeyId ?? keyRef;
  const aliasesQuery = useKeyAliases(keyId);
  const aliases = (aliasesQuery.data ?? [])
    .map((a) => a.AliasName ?? '')
    .filter(Boolean)
    .sort();
  const name = aliases[0] ?? keyId;
  useBreadcrumbs([
    { text: 'Keys', href: '/keys' },
    { text: name, href: `/keys/${keyId}` },
  ]);

  if (described.isPending) return <Spinner size="large" />;
  if (described.isError || !metadata) {
    const error = describeError(described.error);
    return (
      <ContentLayout
        header={
          <Header variant="h1" actions={<UseKeyMenu keyRef={keyRef} />}>
            {keyRef}
          </Header>
        }
      >
        <SpaceBetween size="l">
          {error.kind === 'access-denied' ? (
            <Alert
              type="warning"
              header="You may not describe this key (kms:DescribeKey was denied)"
            >
              <AccessDeniedDetails error={error} />
              You may still be allowed to use it: open a form from “Use this key”.
            </Alert>
          ) : (
            <ErrorAlert error={described.error} header="The key could not be described" />
          )}
        </SpaceBetween>
      </ContentLayout>
    );
  }

  const editable = isCustomerManaged(metadata);
  const tabs: TabsProps.Tab[] = [
    {
      id: 'policy',
      label: 'Key policy',
      content: <KeyPolicyTab keyId={keyId} editable={editable} />,
    },
    {
      id: 'crypto',
      label: 'Cryptographic configuration',
      content: <CryptographicConfiguration metadata={metadata} />,
    },
    ...(isAsymmetric(metadata)
      ? [
          {
            id: 'public-key',
            label: 'Public key',
            content: <PublicKeyTab keyId={keyId} name={name} />,
          },
        ]
      : []),
    ...(metadata.Origin === 'EXTERNAL'
      ? [
          {
            id: 'key-material',
            label: 'Key material',
            content: <KeyMaterialTab metadata={metadata} />,
          },
        ]
      : [{ id: 'rotation', label: 'Key rotation', content: <RotationTab metadata={metadata} /> }]),
    {
      id: 'aliases',
      label: 'Aliases',
      content: <KeyAliasesTab keyId={keyId} editable={editable} />,
    },
    {
      id: 'grants',
      label: 'Grants',
      content: <GrantsTab metadata={metadata} editable={editable} />,
    },
    { id: 'tags', label: 'Tags', content: <TagsTab keyId={keyId} editable={editable} /> },
    ...(metadata.MultiRegion
      ? [
          {
            id: 'regionality',
            label: 'Regionality',
            content: <RegionalityTab metadata={metadata} />,
          },
        ]
      : []),
    { id: 'usage', label: 'Usage', content: <UsageTab metadata={metadata} /> },
  ];
  const activeTab = tabs.some((t) => t.id === params.get('tab')) ? params.get('tab')! : 'policy';

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={metadata.Description || keyId}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <UseKeyMenu keyRef={keyId} />
              <KeyActions metadata={metadata} name={name} />
            </SpaceBetween>
          }
        >
          {name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {metadata.KeyState === 'PendingDeletion' ? (
          <Alert type="warning" header="This key is scheduled for deletion">
            KMS deletes it on{' '}
            {metadata.DeletionDate ? formatDateTime(metadata.DeletionDate) : 'its deletion date'}.
            Until then it cannot be used; choose Key actions → Cancel key deletion to keep it.
          </Alert>
        ) : null}
        {metadata.KeyState === 'PendingReplicaDeletion' ? (
          <Alert type="warning" header="This key is scheduled for deletion after its replicas">
            This multi-Region primary key still has replica keys. When the last of them is deleted,
            its waiting period of {metadata.PendingDeletionWindowInDays ?? 'its'} days starts. Until
            then it cannot be used; choose Key actions → Cancel key deletion to keep it.
          </Alert>
        ) : null}
        <GeneralConfiguration metadata={metadata} aliases={aliases} />
        <Tabs
          tabs={tabs}
          activeTabId={activeTab}
          onChange={({ detail }) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', detail.activeTabId);
                return next;
              },
              { replace: true },
            )
          }
          ariaLabel="Key details"
          i18nStrings={{ scrollLeftAriaLabel: 'Scroll left', scrollRightAriaLabel: 'Scroll right' }}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
