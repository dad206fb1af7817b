import { GenerateMacForm } from './GenerateMacForm';
import { ProduceAndVerifyPage } from '../shared/ProduceAndVerifyPage';
import { VerifyMacForm } from './VerifyMacForm';

/** GenerateMac and VerifyMac with an HMAC key; a MAC goes to VerifyMac in one click. */
export default function MacPage() {
  return (
    <ProduceAndVerifyPage
      title="MAC"
      description="Hash-based message authentication codes (HMAC) with a KMS HMAC key: the key never leaves KMS."
      tabsLabel="MAC operations"
      produce={{ id: 'generate', label: 'GenerateMac', Form: GenerateMacForm }}
      verify={{ label: 'VerifyMac', Form: VerifyMacForm }}
    />
  );
}
