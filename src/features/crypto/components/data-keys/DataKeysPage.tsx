import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useDeepLink } from '../../../../ui/deep-link';
import { DeepLinkWarning } from '../../../../ui/DeepLinkWarning';
import { CryptoPage } from '../shared/CryptoPage';
import { DataKeyForm } from './DataKeyForm';
import { DataKeyPairForm } from './DataKeyPairForm';
import { RandomForm } from './RandomForm';

/**
 * Data keys, data key pairs and random bytes. Only the active tab is mounted, so switching tabs
 * (like leaving the page) drops any plaintext key shown.
 */
export default function DataKeysPage() {
  const link = useDeepLink();
  const [tab, setTab] = useState('data-key');
  return (
    <CryptoPage
      title="Data keys"
      description="Generate data keys and data key pairs for envelope encryption, and random bytes. Plaintext keys stay in this page: never cached, masked until shown, cleared when you leave."
    >
      <DeepLinkWarning link={link} />
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setTab(detail.activeTabId)}
        ariaLabel="Data key operations"
        tabs={[
          {
            id: 'data-key',
            label: 'Data key',
            content: <DataKeyForm initialKeyId={link.keyId} initialContext={link.contextRows} />,
          },
          {
            id: 'data-key-pair',
            label: 'Data key pair',
            content: (
              <DataKeyPairForm initialKeyId={link.keyId} initialContext={link.contextRows} />
            ),
          },
          { id: 'random', label: 'Random bytes', content: <RandomForm /> },
        ]}
      />
    </CryptoPage>
  );
}
