import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readDeepLink } from '../model/deep-link';
import { CryptoPage } from './CryptoPage';
import { GenerateMacForm, type MacHandoff } from './GenerateMacForm';
import { VerifyMacForm } from './VerifyMacForm';

/** GenerateMac and VerifyMac with an HMAC key; a MAC goes to VerifyMac in one click. */
export default function MacPage() {
  const [params] = useSearchParams();
  const [link] = useState(() => readDeepLink(params));
  const [tab, setTab] = useState('generate');
  const [handoff, setHandoff] = useState<{ serial: number; value: MacHandoff }>();
  return (
    <CryptoPage
      title="MAC"
      description="Hash-based message authentication codes (HMAC) with a KMS HMAC key: the key never leaves KMS."
    >
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setTab(detail.activeTabId)}
        ariaLabel="MAC operations"
        tabs={[
          {
            id: 'generate',
            label: 'GenerateMac',
            content: (
              <GenerateMacForm
                initialKeyId={link.keyId}
                onVerify={(value) => {
                  setHandoff({ serial: Date.now(), value });
                  setTab('verify');
                }}
              />
            ),
          },
          {
            id: 'verify',
            label: 'VerifyMac',
            content: (
              <VerifyMacForm
                key={handoff?.serial}
                initialKeyId={link.keyId}
                handoff={handoff?.value}
              />
            ),
          },
        ]}
      />
    </CryptoPage>
  );
}
