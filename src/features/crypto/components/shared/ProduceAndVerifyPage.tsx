import Tabs from '@cloudscape-design/components/tabs';
import { useState, type ComponentType } from 'react';
import { useDeepLink } from '../../../../ui/deep-link';
import { CryptoPage } from './CryptoPage';

export interface ProduceAndVerifyPageProps<Handoff> {
  title: string;
  description: string;
  tabsLabel: string;
  /** The tab that makes a signature or MAC, and hands it over. */
  produce: {
    id: string;
    label: string;
    Form: ComponentType<{ initialKeyId: string; onVerify(handoff: Handoff): void }>;
  };
  /** The tab that checks one, prefilled with what the first tab handed over. */
  verify: {
    label: string;
    Form: ComponentType<{ initialKeyId: string; handoff?: Handoff }>;
  };
}

/**
 * Two tabs: one makes a signature or MAC, the other verifies it; "Verify this …" hands the
 * result over in one click. Each handoff remounts the verify form, so it starts from the new
 * values rather than the ones typed before.
 */
export function ProduceAndVerifyPage<Handoff>({
  title,
  description,
  tabsLabel,
  produce,
  verify,
}: ProduceAndVerifyPageProps<Handoff>) {
  const link = useDeepLink();
  const [tab, setTab] = useState(produce.id);
  const [handoff, setHandoff] = useState<{ serial: number; value: Handoff }>();
  return (
    <CryptoPage title={title} description={description}>
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setTab(detail.activeTabId)}
        ariaLabel={tabsLabel}
        tabs={[
          {
            id: produce.id,
            label: produce.label,
            content: (
              <produce.Form
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
            label: verify.label,
            content: (
              <verify.Form
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
