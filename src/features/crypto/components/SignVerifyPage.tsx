import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readDeepLink } from '../model/deep-link';
import { CryptoPage } from './CryptoPage';
import { SignForm, type SignatureHandoff } from './SignForm';
import { VerifyForm } from './VerifyForm';

/** Sign and Verify with an asymmetric SIGN_VERIFY key; a signature goes to Verify in one click. */
export default function SignVerifyPage() {
  const [params] = useSearchParams();
  const [link] = useState(() => readDeepLink(params));
  const [tab, setTab] = useState('sign');
  const [handoff, setHandoff] = useState<{ serial: number; value: SignatureHandoff }>();
  return (
    <CryptoPage
      title="Sign and verify"
      description="Digital signatures with an asymmetric KMS key (RSA or elliptic curve, usage SIGN_VERIFY)."
    >
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setTab(detail.activeTabId)}
        ariaLabel="Signing operations"
        tabs={[
          {
            id: 'sign',
            label: 'Sign',
            content: (
              <SignForm
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
            label: 'Verify',
            content: (
              <VerifyForm
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
